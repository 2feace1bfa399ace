#pragma once

#include "core/base/Result.h"
#include "core/base/WorkingCalendar.h"
#include "core/domain/Dossier.h"
#include "core/domain/DossierDocument.h"
#include "core/domain/DossierEvent.h"
#include "core/services/DossierRepository.h"
#include "core/services/ServiceSupport.h"

#include <QCoreApplication>
#include <QList>
#include <memory>

namespace iris {

class Database;
class Session;
class AuditLog;
class DossierTypeRegistry;
struct DossierType;

/// Dossiers of every registered type: creation with a reference unique per type and
/// year (PREFIX-YYYY-NNNNNN, drawn from a per-type/year counter inside the write
/// transaction, so concurrent creations never collide), workflow transitions (illegal
/// ones refused), assignment, document checklist, timeline, due dates from the type's
/// deadline rule and the site's working-days calendar, overdue lists.
/// Permissions: the type's read/write permissions (perm::DossierRead / DossierWrite by
/// default); a transition may require its own permission.
class DossierService
{
    Q_DECLARE_TR_FUNCTIONS(iris::DossierService)

public:
    DossierService(std::shared_ptr<Database> db, const Session& session, AuditLog& audit,
        const DossierTypeRegistry* types);

    /// The calendar used for deadlines (French public holidays by default).
    void setCalendar(const WorkingCalendar& calendar) { m_calendar = calendar; }
    const WorkingCalendar& calendar() const { return m_calendar; }
    void setClock(sql::Clock clock) { m_now = std::move(clock); }

    /// Creates a dossier of draft.typeId: status = the workflow's initial state, reference
    /// generated, openedOn = today, dueDate from the type's rule unless draft.dueDate is set,
    /// service = draft's or the type's default, checklist from the type's template,
    /// "created" event on the timeline.
    Result<Dossier> create(const Dossier& draft);
    Result<Dossier> get(qint64 id) const;
    Result<Dossier> findByReference(const QString& reference) const;
    /// Subject, citizen and organisation; Conflict on a stale version.
    Result<Dossier> update(const Dossier& dossier);

    /// Moves the dossier to `toState` when its workflow allows it (Validation error naming
    /// the allowed moves otherwise); reaching a final state closes it. Conflict on a stale
    /// version. `comment` goes to the timeline.
    Result<Dossier> transition(qint64 id, int version, const QString& toState, const QString& comment = {});
    /// Assigns a service and/or an agent (0 = none).
    Result<Dossier> assign(qint64 id, int version, qint64 serviceId, qint64 agentId);
    /// Changes the due date (reason recorded on the timeline).
    Result<Dossier> setDueDate(qint64 id, int version, const QDate& dueDate, const QString& reason);

    // ---- checklist ------------------------------------------------------------------
    Result<QList<DossierDocument>> documents(qint64 dossierId) const;
    Result<DossierDocument> addDocument(qint64 dossierId, const QString& label, bool required = true);
    /// Expected → received → verified (or back), with date and agent of each step.
    Result<DossierDocument> setDocumentState(
        qint64 documentId, int version, DocumentState state, const QString& note = {});
    /// True when every required document is verified.
    Result<bool> checklistComplete(qint64 dossierId) const;

    // ---- timeline -------------------------------------------------------------------
    Result<QList<DossierEvent>> timeline(qint64 dossierId) const;
    /// Adds a line to the timeline (kind "note" for an agent's note; modules may use their own kinds).
    Result<DossierEvent> addEvent(qint64 dossierId, const QString& kind, const QString& text);

    // ---- lists ----------------------------------------------------------------------
    /// Open dossiers whose due date is before `today`, oldest due first; 0 = any service/agent.
    Result<QList<Dossier>> overdue(const QDate& today, qint64 serviceId = 0, qint64 agentId = 0) const;
    /// Every dossier of a citizen, newest first.
    Result<QList<Dossier>> listByCitizen(qint64 citizenId) const;
    /// Dossiers of a type (open ones only when asked), newest first.
    Result<QList<Dossier>> listByType(const QString& typeId, bool openOnly = false, int limit = 500) const;

private:
    Result<const DossierType*> typeOf(const QString& typeId) const;
    Result<QList<Dossier>> select(const QString& where, const QVariantMap& binds, int limit = 0) const;
    Result<QList<Dossier>> readable(Result<QList<Dossier>> rows) const;
    Result<Dossier> loadForWrite(QSqlDatabase& c, qint64 id, int version, const DossierType** type) const;
    Result<void> event(QSqlDatabase& c, qint64 dossierId, const QString& kind, const QString& text) const;
    Result<void> touch(
        QSqlDatabase& c, qint64 id, int version, const QString& set, const QVariantMap& binds) const;

    std::shared_ptr<Database> m_db;
    const Session& m_session;
    AuditLog& m_audit;
    const DossierTypeRegistry* m_types;
    DossierRepository m_repo;
    WorkingCalendar m_calendar;
    sql::Clock m_now = &sql::systemNow;
};

} // namespace iris
