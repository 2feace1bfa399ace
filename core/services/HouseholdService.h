#pragma once

#include "core/base/Result.h"
#include "core/domain/Household.h"

#include <memory>

class QSqlDatabase;

namespace iris {

class Database;
class Session;
class AuditLog;

/// Households: members, their link (chef de famille, conjoint, enfant, autre) and the
/// dependants flag. Reading needs perm::CitizenRead, changes perm::HouseholdWrite. Every
/// change bumps the household's version (a stale version is a Conflict) and is audited.
/// A person belongs to one household at a time; a household has at most one chef de famille.
class HouseholdService
{
public:
    HouseholdService(std::shared_ptr<Database> db, const Session& session, AuditLog& audit);

    Result<Household> get(qint64 householdId) const;
    /// The household of a citizen; NotFound when the citizen has none.
    Result<Household> forCitizen(qint64 citizenId) const;

    /// A new household with `chefCitizenId` as chef de famille; label defaults to
    /// "Foyer <nom>".
    Result<Household> create(qint64 chefCitizenId, const QString& label = {});
    /// Label and notes (version checked).
    Result<Household> update(const Household& household);
    Result<Household> addMember(qint64 householdId, int version, qint64 citizenId, HouseholdLink link,
                                bool dependant);
    /// Changes the link and dependants flag of a member.
    Result<Household> setMember(qint64 householdId, int version, qint64 citizenId, HouseholdLink link,
                                bool dependant);
    Result<Household> removeMember(qint64 householdId, int version, qint64 citizenId);
    /// Deletes the household (members are unlinked, never deleted).
    Result<void> remove(qint64 householdId, int version);

private:
    Result<Household> load(QSqlDatabase& db, qint64 householdId) const;
    Result<void> bump(QSqlDatabase& db, qint64 householdId, int version) const;
    Result<void> checkMember(QSqlDatabase& db, qint64 householdId, qint64 citizenId, HouseholdLink link) const;

    std::shared_ptr<Database> m_db;
    const Session& m_session;
    AuditLog& m_audit;
};

} // namespace iris
