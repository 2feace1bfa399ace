#pragma once

#include <QDateTime>
#include <QString>

namespace iris::accueil {

/// A promise to call a citizen back by a given time, owned by an agent or a service.
struct CallbackTask
{
    qint64 id = 0;
    int version = 0;
    qint64 citizenId = 0;        ///< 0 = caller not identified
    QString phone;               ///< E.164 once saved
    qint64 motiveThemeId = 0;
    QString subject;             ///< French: what to call back about
    QDateTime dueAt;
    qint64 assignedAgentId = 0;  ///< at least one of agent / service
    qint64 assignedServiceId = 0;
    qint64 originContactId = 0;  ///< the contact that promised it
    QDateTime createdAt;
    qint64 createdBy = 0;
    QDateTime doneAt;
    qint64 doneBy = 0;
    qint64 doneContactId = 0;    ///< the outgoing call that honoured it
    QString result;              ///< French notes: attempts, answer

    bool isDone() const { return doneAt.isValid(); }
    bool isOverdue(const QDateTime& now) const { return !isDone() && dueAt < now; }
};

} // namespace iris::accueil
