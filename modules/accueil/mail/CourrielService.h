#pragma once

#include "core/base/Result.h"
#include "core/services/ServiceSupport.h"
#include "modules/accueil/mail/Courriel.h"
#include "modules/accueil/shared/OverdueItem.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QSet>
#include <QSqlDatabase>
#include <functional>

namespace iris {
class CoreServices;
class WorkingCalendar;
} // namespace iris

namespace iris::accueil {

struct MimeMessage;

/// The register of e-mails received from citizens ("courriels").
///
/// Permissions: every call needs accueil.mail; an agent reads and handles only the
/// courriels assigned to them or to their service (or not assigned at all), unless the
/// session holds accueil.supervise. Reads of a courriel linked to a citizen are audited
/// (personal data). Updates carry the version read: a stale one is a Conflict.
class CourrielService final
{
    Q_DECLARE_TR_FUNCTIONS(iris::accueil::CourrielService)
public:
    explicit CourrielService(CoreServices& services);
    void setClock(sql::Clock clock) { m_now = std::move(clock); }

    /// One courriel with its body and attachment list (no attachment bytes); audited read
    /// when it is linked to a citizen.
    Result<Courriel> get(qint64 id) const;
    /// Newest received first. Bodies are NOT loaded (bodyText empty) to keep the register
    /// light; attachments are listed (names, sizes). Scoped like get(): without
    /// accueil.supervise only the session's agent's, its service's and unassigned ones.
    Result<QList<Courriel>> list(const CourrielFilter& filter) const;
    /// Every courriel of a citizen, newest first, without bodies (needs contact.read too).
    Result<QList<Courriel>> ofCitizen(qint64 citizenId) const;
    /// Decoded bytes of an attachment.
    Result<QByteArray> attachmentData(qint64 attachmentId) const;
    /// The message exactly as it was received (the whole file).
    Result<QByteArray> rawMessage(qint64 courrielId) const;

    /// Assigns to an agent and/or a service (at least one; both must exist).
    Result<Courriel> assign(qint64 id, int version, qint64 agentId, qint64 serviceId);
    /// Links the sender to a citizen and logs the incoming contact when none yet.
    Result<Courriel> linkCitizen(qint64 id, int version, qint64 citizenId);
    /// Stores the sent reply, sets status "répondu" and logs an outgoing Contact (channel
    /// courriel, sortant; outcome "orienté" when reply.orientedServiceId is set, else
    /// "répondu") on the linked citizen, so it shows on the 360° page — anonymous when no
    /// citizen is linked (it still counts in the indicators). Conflict once answered or filed.
    Result<Courriel> recordReply(qint64 id, int version, const CourrielReply& reply);
    /// Classé sans suite, with a reason (required).
    Result<Courriel> file(qint64 id, int version, const QString& reason);
    /// Courriels still to answer, due before query.dueBefore (all when invalid), by due time
    /// (accueil.mail; scope All needs accueil.supervise).
    Result<QList<Courriel>> open(const OverdueQuery& query) const;

    // ---- intake (used by MaildirImporter) ---------------------------------------

    /// Outcome of registering one message.
    enum class RegisterOutcome { Imported, Duplicate };
    struct Registered
    {
        RegisterOutcome outcome = RegisterOutcome::Imported;
        Courriel courriel; ///< the new one, or the existing one for a duplicate
    };
    /// Registers one received message in one transaction: raw bytes, parsed fields,
    /// attachments, deadline, default assignee, citizen matched by the sender's address
    /// (exactly one citizen → linked and incoming contact logged; several → a note).
    /// A Message-ID already registered is a Duplicate and writes nothing — unless sender or
    /// subject (or Date) differ: another message reusing the id is registered under
    /// "<id>#sha256-<16 hex>" with a warning. Without Message-ID: "sha256-<hex of raw>".
    /// The incoming contact is logged with outcome "rappel prévu" due at the reply deadline
    /// (the answer is owed); no default motive in the referential → no contact, a note.
    /// `fallbackReceivedAt` is used when the message has no usable Date header.
    Result<Registered> registerMessage(const QByteArray& raw, const QDateTime& fallbackReceivedAt);
    /// Same, from an already parsed message.
    /// `sourceFile`: the Maildir unique name it came from (without the ":2,…" flags), so
    /// a later pass can skip the file without reading it again.
    Result<Registered> registerParsed(
        const MimeMessage& message, const QDateTime& fallbackReceivedAt, const QString& sourceFile = {});
    /// The Maildir unique names already registered (see registerParsed()).
    Result<QSet<QString>> registeredSourceFiles() const;
    /// True when a courriel with this Message-ID is already registered.
    Result<bool> isRegistered(const QString& messageId) const;

    /// The reply deadline for a courriel received at `receivedAt`: end of the day
    /// (23:59:59) of the N-th working day after it (N from CourrielSettings, default 5).
    static QDateTime dueFor(const QDateTime& receivedAt, int workingDays, const WorkingCalendar& calendar);

private:
    Result<void> checkMayHandle(const Courriel& courriel) const;
    /// One row, no permission check.
    Result<Courriel> fetch(qint64 id, bool withBody) const;
    /// fetch() after the accueil.mail and scope checks.
    Result<Courriel> load(qint64 id, bool withBody) const;
    /// Loads (scope checked), checks the version, applies `change`, saves and audits in one transaction.
    Result<Courriel> update(qint64 id, int version, const QString& context,
        const std::function<Result<void>(QSqlDatabase&, Courriel&)>& change);
    /// Logs the incoming contact (channel courriel, entrant) of a courriel linked to a citizen.
    Result<qint64> logIncoming(const Courriel& courriel, qint64 motiveId);

    CoreServices& m_services;
    sql::Clock m_now = &sql::systemNow;
};

} // namespace iris::accueil
