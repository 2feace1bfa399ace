#pragma once

#include "core/base/Result.h"
#include "core/domain/Citizen.h"

#include <QList>

#include <memory>

class QSqlDatabase;

namespace iris {

class Database;
class Session;
class AuditLog;

/// Citizens: validation at the boundary, permission checks, audit, optimistic locking.
class CitizenService
{
public:
    CitizenService(std::shared_ptr<Database> db, const Session& session, AuditLog& audit);

    /// Opens a record (audited as a read of personal data).
    Result<Citizen> get(qint64 id) const;
    /// Validates and normalises (phones to E.164…); nothing saved when anything is invalid.
    Result<Citizen> create(const Citizen& citizen);
    /// Conflict when citizen.version is not the stored one.
    Result<Citizen> update(const Citizen& citizen);
    Result<void> remove(qint64 id, int version);

    /// As-you-type search over names (prefixes of nom/prénom in any order, accent- and
    /// case-insensitive), phone (any spelling, or last digits), e-mail, dossier reference.
    /// Indexed, never a table scan.
    Result<QList<CitizenSummary>> search(const QString& query, int limit = 50) const;

    /// Records that may be the same person (same folded name + birth date, same phone, same e-mail).
    Result<QList<DuplicateCandidate>> findDuplicates(const Citizen& candidate) const;

    /// Moves every contact, dossier, appointment and household link of `absorbedId` onto
    /// `keptId`, fills the kept record's empty fields from the absorbed one, deletes the
    /// absorbed record; one transaction, audited.
    Result<Citizen> merge(qint64 keptId, qint64 absorbedId);

    /// The kept record as merge() will leave it, without touching the database (the
    /// preview before the agent confirms): its values stay, each empty field takes the
    /// absorbed record's value, a different phone of the absorbed record becomes the
    /// second phone when that is free, the address moves as one block, and the household
    /// is the kept record's, else the absorbed one's. `filled` receives the field ids taken.
    static Citizen mergedRecord(const Citizen& kept, const Citizen& absorbed, QStringList* filled = nullptr);

private:
    Result<QList<CitizenSummary>> searchByReference(QSqlDatabase& connection, const QString& prefix,
                                                    const QString& year, const QString& sequence,
                                                    int limit) const;

    std::shared_ptr<Database> m_db;
    const Session& m_session;
    AuditLog& m_audit;
};

} // namespace iris
