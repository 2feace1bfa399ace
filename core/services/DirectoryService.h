#pragma once

#include "core/base/Result.h"
#include "core/domain/MunicipalService.h"
#include "core/services/ServiceSupport.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <memory>

namespace iris {

class Database;
class Session;
class AuditLog;

/// The directory of municipal services the counter answers for or orients to.
/// Reading needs no permission (public information); changes need perm::DirectoryWrite.
class DirectoryService
{
    Q_DECLARE_TR_FUNCTIONS(iris::DirectoryService)

public:
    DirectoryService(std::shared_ptr<Database> db, const Session& session, AuditLog& audit);

    Result<MunicipalService> get(qint64 id) const;
    /// By stable code ("etat-civil"); NotFound when absent.
    Result<MunicipalService> findByCode(const QString& code) const;
    /// Every service by name (inactive ones only when asked).
    Result<QList<MunicipalService>> list(bool includeInactive = false) const;
    /// Active services whose name or one of whose themes contains every word of `text`
    /// (accent- and case-insensitive: "etat civ", "crèche", "PASSEPORT"); name matches first.
    Result<QList<MunicipalService>> search(const QString& text, int limit = 50) const;
    /// Active services open at `at` (wall-clock time of the site).
    Result<QList<MunicipalService>> openAt(const QDateTime& at) const;
    /// Same, at the services' clock time.
    Result<QList<MunicipalService>> openNow() const { return openAt(m_now()); }

    /// Validates (name, phone → E.164, e-mail, postcode, opening slots), refuses a name or
    /// code already used; returns the stored record.
    Result<MunicipalService> create(const MunicipalService& service);
    /// Conflict when service.version is not the stored one.
    Result<MunicipalService> update(const MunicipalService& service);
    /// Refused while contacts, dossiers, appointments, agents or motives refer to the
    /// service (deactivate it instead: history must keep its service).
    Result<void> remove(qint64 id, int version);

    /// Replaces the clock used by openNow() (tests).
    void setClock(sql::Clock clock) { m_now = std::move(clock); }

private:
    Result<MunicipalService> validated(const MunicipalService& service) const;
    Result<QList<MunicipalService>> select(const QString& where, const QVariantMap& binds) const;

    std::shared_ptr<Database> m_db;
    const Session& m_session;
    AuditLog& m_audit;
    sql::Clock m_now = &sql::systemNow;
};

} // namespace iris
