#pragma once

#include "core/base/Result.h"
#include "core/domain/Citizen.h"

#include <QList>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStringList>

#include <memory>

namespace iris {

class Dialect;

/// Low-level SQL for the `citizens` table and its search index (name tokens, name-pair
/// keys, reversed phone digits, lower-cased e-mail). No validation, permission check or
/// audit here: CitizenService does that. Every method runs on the connection it is given,
/// so it joins the caller's transaction (Database::transaction). Stored values must
/// already be normalised (phones in E.164, e-mail checked).
class CitizenRepository final
{
public:
    explicit CitizenRepository(const Dialect& dialect);

    /// The stored record (householdId filled from household_members); NotFound if absent.
    Result<Citizen> find(QSqlDatabase& db, qint64 id) const;
    /// Inserts citizen and its index rows; sets id, version (1), createdAt/updatedAt
    /// (kept when already valid, otherwise now).
    Result<void> insert(QSqlDatabase& db, Citizen& citizen) const;
    /// Rewrites the record when citizen.version is the stored one (Conflict otherwise,
    /// NotFound when the record is gone); bumps version and updatedAt in `citizen`.
    Result<void> update(QSqlDatabase& db, Citizen& citizen) const;
    /// Deletes the record (index rows follow by cascade); Conflict on a stale version.
    Result<void> remove(QSqlDatabase& db, qint64 id, int version) const;
    /// Current version of a record, NotFound if absent.
    Result<int> version(QSqlDatabase& db, qint64 id) const;

    /// Fast path for bulk loads (demo seeding, imports): prepared statements reused for
    /// every row. Wrap the calls in one Database::transaction (or a few large ones).
    ///   db->transaction([&](QSqlDatabase& c) {
    ///       CitizenRepository::BulkInserter bulk(c, db->dialect());
    ///       for (Citizen& x : batch) if (auto r = bulk.insert(x); !r) return r; …
    class BulkInserter final
    {
    public:
        BulkInserter(QSqlDatabase& db, const Dialect& dialect);
        ~BulkInserter();
        /// Same as CitizenRepository::insert (sets id, version, timestamps).
        Result<void> insert(Citizen& citizen);

    private:
        struct Private;
        std::unique_ptr<Private> d;
    };

    // ---- search (used by CitizenService::search) ------------------------------
    /// Citizens having, for every folded query word, a name word starting with it
    /// (any order). Exact word matches first, then prefix matches in index order.
    Result<QList<CitizenSummary>> searchByName(QSqlDatabase& db, const QStringList& foldedWords,
                                               int limit) const;
    /// Phone equal to an E.164 number (phone or phone2).
    Result<QList<CitizenSummary>> searchByPhone(QSqlDatabase& db, const QString& e164, int limit) const;
    /// Phone starting with an E.164 prefix ("+33141").
    Result<QList<CitizenSummary>> searchByPhonePrefix(QSqlDatabase& db, const QString& e164Prefix,
                                                      int limit) const;
    /// Phone ending with digits, given reversed ("0008" for "…8000").
    Result<QList<CitizenSummary>> searchByPhoneSuffix(QSqlDatabase& db, const QString& reversedDigits,
                                                      int limit) const;
    /// E-mail starting with a lower-cased prefix (a full address is its own prefix).
    Result<QList<CitizenSummary>> searchByEmailPrefix(QSqlDatabase& db, const QString& lowerPrefix,
                                                      int limit) const;
    /// Citizens born on date (duplicate detection).
    Result<QList<CitizenSummary>> bornOn(QSqlDatabase& db, const QDate& date) const;
    /// Summaries of the given ids, in the given order (missing ids skipped).
    Result<QList<CitizenSummary>> summaries(QSqlDatabase& db, const QList<qint64>& ids) const;

    // ---- index keys (exposed for tests and tools) -------------------------------
    /// Folded words of nom d'usage, nom de naissance and prénoms, without duplicates.
    static QStringList nameTokens(const Citizen& citizen);
    /// "dup jea" keys of every ordered pair of distinct tokens.
    static QStringList namePairKeys(const QStringList& tokens);
    /// Pair key for two query words ("dupont", "je" → "dup je"); the first must have ≥ 3 letters.
    static QString pairKey(const QString& first, const QString& second);
    /// Folded "nom prénoms" used for duplicates and ordering.
    static QString nameKey(const Citizen& citizen);

    /// The columns read by summaries, for other repositories that join citizens (prefix `c.`).
    static QString summaryColumns();
    /// Reads a CitizenSummary from a query selecting summaryColumns() first.
    CitizenSummary readSummary(const QSqlQuery& query) const;

private:
    Result<void> writeIndex(QSqlDatabase& db, const Citizen& citizen, bool replace) const;

    const Dialect& m_dialect;
};

} // namespace iris
