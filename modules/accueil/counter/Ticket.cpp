#include "modules/accueil/counter/Ticket.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace iris::accueil {

namespace {
struct StatusName
{
    TicketStatus status;
    QString id;
    const char* label;
};

const StatusName kStatuses[] = {
    {TicketStatus::EnAttente, u"en_attente"_s, QT_TRANSLATE_NOOP("iris::accueil::Ticket", "En attente")},
    {TicketStatus::Appele, u"appele"_s, QT_TRANSLATE_NOOP("iris::accueil::Ticket", "Appelé")},
    {TicketStatus::EnCours, u"en_cours"_s, QT_TRANSLATE_NOOP("iris::accueil::Ticket", "En cours")},
    {TicketStatus::EnPause, u"en_pause"_s, QT_TRANSLATE_NOOP("iris::accueil::Ticket", "En pause")},
    {TicketStatus::Transfere, u"transfere"_s, QT_TRANSLATE_NOOP("iris::accueil::Ticket", "Transféré")},
    {TicketStatus::Absent, u"absent"_s, QT_TRANSLATE_NOOP("iris::accueil::Ticket", "Absent")},
    {TicketStatus::Parti, u"parti"_s, QT_TRANSLATE_NOOP("iris::accueil::Ticket", "Parti")},
    {TicketStatus::Clos, u"clos"_s, QT_TRANSLATE_NOOP("iris::accueil::Ticket", "Clos")},
};
} // namespace

QString ticketStatusId(TicketStatus status)
{
    for (const StatusName& s : kStatuses) {
        if (s.status == status)
            return s.id;
    }
    return {};
}

QString ticketStatusLabel(TicketStatus status)
{
    for (const StatusName& s : kStatuses) {
        if (s.status == status)
            return QCoreApplication::translate("iris::accueil::Ticket", s.label);
    }
    return {};
}

bool ticketStatusFromId(const QString& id, TicketStatus* status)
{
    for (const StatusName& s : kStatuses) {
        if (s.id == id) {
            if (status)
                *status = s.status;
            return true;
        }
    }
    return false;
}

qint64 Ticket::waitingSeconds(const QDateTime& now) const
{
    if (!issuedAt.isValid())
        return 0;
    const QDateTime until = firstCalledAt.isValid() ? firstCalledAt : (isFinished(status) ? endedAt : now);
    return until.isValid() ? qMax<qint64>(0, issuedAt.secsTo(until)) : 0;
}

qint64 Ticket::serviceSeconds(const QDateTime& now) const
{
    if (!serviceStartedAt.isValid())
        return -1;
    return qMax<qint64>(0, serviceStartedAt.secsTo(endedAt.isValid() ? endedAt : now));
}

} // namespace iris::accueil
