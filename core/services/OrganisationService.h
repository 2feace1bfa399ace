#pragma once

#include "core/base/Result.h"
#include "core/domain/Organisation.h"

#include <QList>

#include <memory>

namespace iris {

class Database;
class Session;
class AuditLog;

/// Associations and other organisations. Reading needs perm::CitizenRead, changes
/// perm::OrganisationWrite. RNA and SIRET are checked (CompanyIds), the phone stored in
/// E.164; an RNA already registered is refused (Duplicate). Optimistic locking and audit
/// as for citizens. Validation FieldError fields: name, rna, siret, address.postcode,
/// address.city, address.line1, phone, email, representativeId, notes.
class OrganisationService
{
public:
    OrganisationService(std::shared_ptr<Database> db, const Session& session, AuditLog& audit);

    Result<Organisation> get(qint64 id) const;
    /// Names starting with the text, then names holding every typed word as a word start
    /// (accent- and case-insensitive); or an exact RNA / SIRET.
    Result<QList<Organisation>> search(const QString& text, int limit = 50) const;
    /// Organisations represented by a citizen (360° page).
    Result<QList<Organisation>> representedBy(qint64 citizenId) const;

    Result<Organisation> create(const Organisation& organisation);
    Result<Organisation> update(const Organisation& organisation);
    Result<void> remove(qint64 id, int version);

private:
    Result<Organisation> validated(const Organisation& input) const;
    Result<QList<Organisation>> select(const QString& where, const QVariantList& binds, int limit) const;

    std::shared_ptr<Database> m_db;
    const Session& m_session;
    AuditLog& m_audit;
};

} // namespace iris
