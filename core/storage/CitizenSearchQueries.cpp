// CitizenRepository's searches: by name (folded tokens and name pairs), phone, e-mail, birth
// date, and summaries by id. The writes and keys are in CitizenRepository.cpp.
#include "core/storage/CitizenRepository.h"

#include "core/base/TextFold.h"
#include "core/storage/Database.h"
#include "core/storage/Dialect.h"

#include <QCoreApplication>
#include <QSet>
#include <QSqlQuery>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace iris {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("iris::CitizenRepository", text);
}

} // namespace

// ---- search -----------------------------------------------------------------

namespace {

/// Reads rows (summary columns first) until `limit` distinct citizens are collected; the rows
/// read go to *rowsRead when given.
Result<void> collect(QSqlQuery& q, const CitizenRepository& repo, int limit, QList<CitizenSummary>& out,
                     QSet<qint64>& seen, int* rowsRead = nullptr)
{
    if (!q.exec())
        return Database::classify(q.lastError(), tr("recherche d'usagers"));
    while (out.size() < limit && q.next()) {
        if (rowsRead)
            ++*rowsRead;
        const qint64 id = q.value(0).toLongLong();
        if (seen.contains(id))
            continue;
        seen.insert(id);
        out.append(repo.readSummary(q));
    }
    q.finish();
    return {};
}

} // namespace

Result<QList<CitizenSummary>> CitizenRepository::searchByName(QSqlDatabase& db, const QStringList& foldedWords,
                                                              int limit) const
{
    QList<CitizenSummary> out;
    QStringList words;
    for (const QString& w : foldedWords) {
        if (!w.isEmpty() && !words.contains(w))
            words << w;
    }
    if (words.isEmpty() || limit <= 0)
        return out;
    // Longest words first: they narrow the driving range the most.
    std::stable_sort(words.begin(), words.end(), [](const QString& a, const QString& b) { return a.size() > b.size(); });
    const bool byPair = words.size() >= 2 && words.first().size() >= 3;

    // Exact matches are few: they are shown in name order.
    const auto byName = [](const CitizenSummary& a, const CitizenSummary& b) {
        const QString& na = a.nomUsage.isEmpty() ? a.nomNaissance : a.nomUsage;
        const QString& nb = b.nomUsage.isEmpty() ? b.nomNaissance : b.nomUsage;
        const int c = QString::localeAwareCompare(na, nb);
        return c != 0 ? c < 0 : QString::localeAwareCompare(a.prenoms, b.prenoms) < 0;
    };
    // One pass: exact words (each word a whole token of the citizen's names), or prefixes.
    const auto pass = [&](const bool exact, QList<CitizenSummary>& out, QSet<qint64>& seen) -> Result<void> {
        // Exact words are driven by the longest one's token (a few hundred rows at most); the
        // pairs' three-letter keys drive the prefix pass.
        const bool pairs = byPair && !exact;
        QString sql;
        QVariantList binds;
        const QString cols = summaryColumns();
        if (pairs) {
            const auto [lo, hi] = Dialect::prefixRangeBounds(pairKey(words.at(0), words.at(1)));
            sql = u"SELECT %1 FROM citizen_name_pairs p %2 citizens c ON c.id = p.citizen_id WHERE %3"_s.arg(
                cols, m_dialect.orderedJoin(), m_dialect.prefixRange(u"p.pair_key"_s, u"?"_s, u"?"_s));
            binds << lo << hi;
        } else {
            const QString& w = words.first();
            sql = u"SELECT %1 FROM citizen_name_tokens t %2 citizens c ON c.id = t.citizen_id WHERE "_s.arg(
                cols, m_dialect.orderedJoin());
            if (exact) {
                sql += u"t.token = ?"_s;
                binds << w;
            } else {
                const auto [lo, hi] = Dialect::prefixRangeBounds(w);
                sql += u"t.token > ? AND t.token < ?"_s;
                binds << lo << hi;
            }
        }
        const QString owner = pairs ? u"p.citizen_id"_s : u"t.citizen_id"_s;
        for (int i = pairs ? 0 : 1; i < words.size(); ++i) {
            const QString x = u"x%1"_s.arg(i);
            if (exact) {
                sql += u" AND EXISTS (SELECT 1 FROM citizen_name_tokens %1 WHERE %1.citizen_id = %2 "
                       "AND %1.token = ?)"_s.arg(x, owner);
                binds << words.at(i);
            } else {
                const auto [lo, hi] = Dialect::prefixRangeBounds(words.at(i));
                sql += u" AND EXISTS (SELECT 1 FROM citizen_name_tokens %1 WHERE %1.citizen_id = %2 "
                       "AND %1.token >= ? AND %1.token < ?)"_s.arg(x, owner);
                binds << lo << hi;
            }
        }
        sql += pairs ? u" ORDER BY p.pair_key, p.citizen_id"_s : u" ORDER BY t.token, t.citizen_id"_s;

        // A window of rows, not the whole range: a server sends every row of a result (a
        // three-letter prefix matches thousands), where SQLite steps only as far as read. A
        // citizen comes once per matching name, so a few rows per citizen shown are enough;
        // when the window runs out first, the range is read again in full.
        const qsizetype before = out.size();
        const int window = int(qMin<qsizetype>((limit + seen.size()) * 4 + 16, 100000));
        for (const bool windowed : {true, false}) {
            QSqlQuery q(db);
            q.setForwardOnly(true);
            if (!q.prepare(windowed ? QString(sql + u' ' + m_dialect.limit(u"?"_s)) : sql))
                return Database::classify(q.lastError(), tr("recherche d'usagers"));
            for (const QVariant& v : std::as_const(binds))
                q.addBindValue(v);
            if (windowed)
                q.addBindValue(window);
            int rowsRead = 0;
            if (Result<void> r = collect(q, *this, limit, out, seen, &rowsRead); !r)
                return r.error();
            if (out.size() >= limit || rowsRead < window)
                break;
        }
        if (exact)
            std::stable_sort(out.begin() + before, out.end(), byName);
        return {};
    };

    if (!byPair) {
        QSet<qint64> seen;
        for (const bool exact : {true, false}) {
            if (Result<void> r = pass(exact, out, seen); !r)
                return r.error();
            if (out.size() >= limit)
                break;
        }
        return out;
    }
    // Name pairs: the prefix pass finds every exact match too (token ranges include the word
    // itself), in the pairs' order. When it is complete (fewer than `limit`), the exact matches
    // are picked out of it here; otherwise an exact pass finds them. Either way they come
    // first, in name order, then the other matches in the prefix pass's order.
    QList<CitizenSummary> all;
    QSet<qint64> allSeen;
    if (Result<void> r = pass(false, all, allSeen); !r)
        return r.error();
    QList<CitizenSummary> exact;
    QSet<qint64> exactIds;
    if (all.size() < limit) {
        for (const CitizenSummary& c : std::as_const(all)) {
            QStringList tokens;
            for (const QString& part : {c.nomUsage, c.nomNaissance, c.prenoms})
                tokens << TextFold::tokens(part);
            bool whole = true;
            for (const QString& w : std::as_const(words))
                whole = whole && tokens.contains(w);
            if (whole)
                exact << c;
        }
        std::stable_sort(exact.begin(), exact.end(), byName);
        for (const CitizenSummary& c : std::as_const(exact))
            exactIds.insert(c.id);
    } else if (Result<void> r = pass(true, exact, exactIds); !r) {
        return r.error();
    }
    out = exact;
    for (const CitizenSummary& c : std::as_const(all)) {
        if (out.size() >= limit)
            break;
        if (!exactIds.contains(c.id))
            out << c;
    }
    return out;
}

namespace {

Result<QList<CitizenSummary>> searchColumns(QSqlDatabase& db, const CitizenRepository& repo, const Dialect& dialect,
                                            const QStringList& columns, const QString& lo, const QString& hi,
                                            bool equal, int limit)
{
    QList<CitizenSummary> out;
    QSet<qint64> seen;
    for (const QString& column : columns) {
        if (out.size() >= limit)
            break;
        QSqlQuery q(db);
        q.setForwardOnly(true);
        const QString where = equal ? QString(u"c."_s + column + u" = ?"_s)
                                    : dialect.prefixRange(QString(u"c."_s + column), u"?"_s, u"?"_s);
        q.prepare(u"SELECT %1 FROM citizens c WHERE %2 ORDER BY c.%3, c.id %4"_s.arg(
            CitizenRepository::summaryColumns(), where, column, dialect.limit(u"?"_s)));
        q.addBindValue(lo);
        if (!equal)
            q.addBindValue(hi);
        q.addBindValue(limit);
        if (Result<void> r = collect(q, repo, limit, out, seen); !r)
            return r.error();
    }
    return out;
}

} // namespace

Result<QList<CitizenSummary>> CitizenRepository::searchByPhone(QSqlDatabase& db, const QString& e164,
                                                               int limit) const
{
    return searchColumns(db, *this, m_dialect, {u"phone"_s, u"phone2"_s}, e164, {}, true, limit);
}

Result<QList<CitizenSummary>> CitizenRepository::searchByPhonePrefix(QSqlDatabase& db, const QString& e164Prefix,
                                                                     int limit) const
{
    const auto [lo, hi] = Dialect::prefixRangeBounds(e164Prefix);
    return searchColumns(db, *this, m_dialect, {u"phone"_s, u"phone2"_s}, lo, hi, false, limit);
}

Result<QList<CitizenSummary>> CitizenRepository::searchByPhoneSuffix(QSqlDatabase& db,
                                                                     const QString& reversedDigits,
                                                                     int limit) const
{
    const auto [lo, hi] = Dialect::prefixRangeBounds(reversedDigits);
    return searchColumns(db, *this, m_dialect, {u"phone_rev"_s, u"phone2_rev"_s}, lo, hi, false, limit);
}

Result<QList<CitizenSummary>> CitizenRepository::searchByEmailPrefix(QSqlDatabase& db, const QString& lowerPrefix,
                                                                     int limit) const
{
    const auto [lo, hi] = Dialect::prefixRangeBounds(lowerPrefix);
    return searchColumns(db, *this, m_dialect, {u"email_key"_s}, lo, hi, false, limit);
}

Result<QList<CitizenSummary>> CitizenRepository::bornOn(QSqlDatabase& db, const QDate& date) const
{
    QList<CitizenSummary> out;
    QSqlQuery q(db);
    q.setForwardOnly(true);
    q.prepare(u"SELECT %1 FROM citizens c WHERE c.birth_date = ? ORDER BY c.id"_s.arg(summaryColumns()));
    q.addBindValue(m_dialect.toDbDate(date));
    QSet<qint64> seen;
    if (Result<void> r = collect(q, *this, std::numeric_limits<int>::max(), out, seen); !r)
        return r.error();
    return out;
}

Result<QList<CitizenSummary>> CitizenRepository::summaries(QSqlDatabase& db, const QList<qint64>& ids) const
{
    QList<CitizenSummary> out;
    if (ids.isEmpty())
        return out;
    QStringList marks;
    for (qsizetype i = 0; i < ids.size(); ++i)
        marks << u"?"_s;
    QSqlQuery q(db);
    q.setForwardOnly(true);
    q.prepare(u"SELECT %1 FROM citizens c WHERE c.id IN (%2)"_s.arg(summaryColumns(), marks.join(u", "_s)));
    for (qint64 id : ids)
        q.addBindValue(id);
    if (!q.exec())
        return Database::classify(q.lastError(), tr("recherche d'usagers"));
    QHash<qint64, CitizenSummary> byId;
    while (q.next()) {
        CitizenSummary s = readSummary(q);
        byId.insert(s.id, s);
    }
    for (qint64 id : ids) {
        const auto it = byId.constFind(id);
        if (it != byId.constEnd())
            out.append(*it);
    }
    return out;
}

} // namespace iris
