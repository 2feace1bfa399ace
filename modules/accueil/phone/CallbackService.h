#pragma once

#include "core/base/Result.h"
#include "core/domain/Contact.h"
#include "core/services/ServiceSupport.h"
#include "modules/accueil/phone/CallbackTask.h"
#include "modules/accueil/shared/OverdueItem.h"

#include <QCoreApplication>
#include <QList>

namespace iris {
class CoreServices;
}

namespace iris::accueil {

/// Callback tasks: scheduled from a phone intake or a counter visit, listed for the agent
/// and the service by due time, honoured by an outgoing call that is logged as a contact.
///
/// Permissions: scheduling needs accueil.phone or accueil.counter; listing and honouring
/// need accueil.followup, and only for tasks of the agent or of the agent's service
/// unless the session holds accueil.supervise.
class CallbackService final
{
    Q_DECLARE_TR_FUNCTIONS(iris::accueil::CallbackService)
public:
    explicit CallbackService(CoreServices& services);
    void setClock(sql::Clock clock) { m_now = std::move(clock); }

    /// Validates (phone → E.164, due time, an existing assignee agent or service) and
    /// saves; joins the caller's transaction when there is one.
    Result<CallbackTask> schedule(const CallbackTask& task);
    Result<CallbackTask> get(qint64 id) const;

    /// How the callback went, logged as an outgoing phone contact.
    struct Completion
    {
        ContactOutcome outcome = ContactOutcome::Repondu;
        qint64 orientedServiceId = 0;
        QString summary;
    };
    /// Marks it done and logs the outgoing call (channel téléphone, sortant).
    Result<CallbackTask> complete(qint64 id, int version, const Completion& completion);
    /// Moves the due time (no answer, citizen asked for later); the note is appended.
    Result<CallbackTask> postpone(qint64 id, int version, const QDateTime& dueAt, const QString& note);

    /// Open tasks due before query.dueBefore (all open ones when invalid), by due time.
    Result<QList<CallbackTask>> open(const OverdueQuery& query) const;
    /// Every task of a citizen, open first then newest (needs contact.read).
    Result<QList<CallbackTask>> ofCitizen(qint64 citizenId) const;

private:
    Result<void> checkMayHandle(const CallbackTask& task) const;

    CoreServices& m_services;
    sql::Clock m_now = &sql::systemNow;
};

} // namespace iris::accueil
