// core_citizen_search: every query form of CitizenService::search (names in any order,
// prefixes, accents and case, phones in any spelling or by last digits, e-mail, dossier
// reference), ranking, and the query plans: indexed, never a scan of a table.
#include "CitizenFixture.h"

#include <QSqlDriver>
#include <QSqlQuery>
#include <QTest>

#include <sqlite3.h>

using namespace Qt::StringLiterals;
using namespace iris;
using namespace iris::test;

namespace {

/// Captures every statement SQLite runs on a connection, with its bound values.
class StatementTrace
{
public:
    explicit StatementTrace(QSqlDatabase db)
        : m_handle(*static_cast<sqlite3* const*>(db.driver()->handle().constData()))
    {
        sqlite3_trace_v2(m_handle, SQLITE_TRACE_STMT, &StatementTrace::callback, this);
    }
    ~StatementTrace() { sqlite3_trace_v2(m_handle, 0, nullptr, nullptr); }

    QStringList take() { return std::exchange(m_statements, {}); }

private:
    static int callback(unsigned, void* self, void* stmt, void*)
    {
        char* sql = sqlite3_expanded_sql(static_cast<sqlite3_stmt*>(stmt));
        if (sql) {
            static_cast<StatementTrace*>(self)->m_statements << QString::fromUtf8(sql);
            sqlite3_free(sql);
        }
        return 0;
    }
    sqlite3* m_handle;
    QStringList m_statements;
};

QStringList ids(const QList<CitizenSummary>& list)
{
    QStringList out;
    for (const CitizenSummary& s : list)
        out << QString(s.nomNaissance + QLatin1Char(' ') + s.prenoms);
    return out;
}

} // namespace

class TestCitizenSearch final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_f.db);
        auto add = [&](const QString& nom, const QString& prenoms, const QString& phone = {},
                       const QString& email = {}, const QString& nomUsage = {}) {
            Citizen c = CitizenFixture::sample(nom, prenoms, {}, phone, email);
            c.nomUsage = nomUsage;
            const Result<Citizen> r = m_f.citizens.create(c);
            QVERIFY2(r.ok(), qPrintable(r.error().toString()));
            m_ids.insert(QString(nom + QLatin1Char(' ') + prenoms), r->id);
        };
        add(u"Dupont"_s, u"Jean"_s, u"01 41 23 80 00"_s, u"jean.dupont@example.fr"_s);
        add(u"Dupont"_s, u"Jeanne"_s, u"06 12 34 56 78"_s);
        add(u"Dupuis"_s, u"Jean-Marc"_s);
        add(u"Durand"_s, u"Jean"_s);
        add(u"Martin"_s, u"Hélène"_s, {}, u"H.Martin@Example.org"_s);
        add(u"LEROY"_s, u"HELENE"_s);
        add(u"Garcia"_s, u"Lucas"_s, u"+33 7 98 76 54 32"_s, {}, u"Dupontel"_s);
        add(u"N'Diaye"_s, u"Aminata"_s);
        // Enough others that a scan would be visible in the plans.
        for (int i = 0; i < 60; ++i)
            add(u"Bernard"_s, u"Paul%1"_s.arg(QChar(u'a' + i % 26)) + QString(QChar(u'a' + i / 26)));
        QSqlQuery analyze(m_f.db->connection());
        QVERIFY(analyze.exec(u"ANALYZE"_s));
    }

    void namesInAnyOrderAndPrefixes_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QStringList>("expected");  // as a set
        const QStringList dupJea{u"Dupont Jean"_s, u"Dupont Jeanne"_s, u"Dupuis Jean-Marc"_s};
        QTest::newRow("nom prénom prefixes") << u"dup jea"_s << dupJea;
        QTest::newRow("prénom nom prefixes") << u"jea dup"_s << dupJea;
        QTest::newRow("full words") << u"jean dupont"_s << QStringList{u"Dupont Jean"_s, u"Dupont Jeanne"_s};
        QTest::newRow("upper case") << u"DUPONT JEANNE"_s << QStringList{u"Dupont Jeanne"_s};
        QTest::newRow("accent typed, none stored") << u"hélène"_s
                                                   << QStringList{u"Martin Hélène"_s, u"Leroy Helene"_s};
        QTest::newRow("no accent typed") << u"HELENE"_s << QStringList{u"Martin Hélène"_s, u"Leroy Helene"_s};
        QTest::newRow("hyphenated prénom") << u"marc dupuis"_s << QStringList{u"Dupuis Jean-Marc"_s};
        QTest::newRow("nom d'usage") << u"dupontel luc"_s << QStringList{u"Garcia Lucas"_s};
        QTest::newRow("apostrophe") << u"n'diaye"_s << QStringList{u"N'Diaye Aminata"_s};
        QTest::newRow("one letter words") << u"j d"_s
                                          << QStringList{u"Dupont Jean"_s, u"Dupont Jeanne"_s, u"Dupuis Jean-Marc"_s,
                                                         u"Durand Jean"_s};
        QTest::newRow("three words") << u"jean marc dup"_s << QStringList{u"Dupuis Jean-Marc"_s};
        QTest::newRow("no match") << u"dup lucie"_s << QStringList{};
        QTest::newRow("spaces only") << u"   "_s << QStringList{};
    }

    void namesInAnyOrderAndPrefixes()
    {
        QFETCH(QString, query);
        QFETCH(QStringList, expected);
        const auto found = m_f.citizens.search(query);
        QVERIFY2(found.ok(), qPrintable(found.error().toString()));
        QStringList got = ids(*found);
        got.sort();
        expected.sort();
        QCOMPARE(got, expected);
    }

    void exactNameMatchesComeFirst()
    {
        const auto found = m_f.citizens.search(u"jean"_s);
        QVERIFY(found.ok());
        const QStringList got = ids(*found);
        QCOMPARE(got.size(), 4);
        QVERIFY(got.indexOf(u"Dupont Jeanne"_s) == 3);  // the only prefix-only match is last

        const auto both = m_f.citizens.search(u"dupont jean"_s);
        QCOMPARE(ids(*both), (QStringList{u"Dupont Jean"_s, u"Dupont Jeanne"_s}));

        // Two words: the exact match comes first even when a prefix-only match was registered
        // before it (and so comes first in the name pairs' order).
        for (const QString& prenom : {u"Annette"_s, u"Anne"_s}) {
            const Result<Citizen> r = m_f.citizens.create(CitizenFixture::sample(u"Lefevre"_s, prenom));
            QVERIFY2(r.ok(), qPrintable(r.error().toString()));
        }
        const auto anne = m_f.citizens.search(u"lefevre anne"_s);
        QVERIFY(anne.ok());
        QCOMPARE(ids(*anne), (QStringList{u"Lefevre Anne"_s, u"Lefevre Annette"_s}));
        QCOMPARE(ids(*m_f.citizens.search(u"ann lef"_s)), (QStringList{u"Lefevre Annette"_s, u"Lefevre Anne"_s}));
    }

    void limitIsApplied()
    {
        const auto found = m_f.citizens.search(u"bernard"_s, 7);
        QVERIFY(found.ok());
        QCOMPARE(found->size(), 7);
        QCOMPARE(m_f.citizens.search(u"paul"_s, 500)->size(), 60);
    }

    void phoneInAnySpellingOrLastDigits_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QString>("expected");
        QTest::newRow("spaced") << u"01 41 23 80 00"_s << u"Dupont Jean"_s;
        QTest::newRow("dotted") << u"01.41.23.80.00"_s << u"Dupont Jean"_s;
        QTest::newRow("compact") << u"0141238000"_s << u"Dupont Jean"_s;
        QTest::newRow("e164") << u"+33141238000"_s << u"Dupont Jean"_s;
        QTest::newRow("international spaced") << u"+33 1 41 23 80 00"_s << u"Dupont Jean"_s;
        QTest::newRow("0033") << u"0033 1 41 23 80 00"_s << u"Dupont Jean"_s;
        QTest::newRow("last 4") << u"8000"_s << u"Dupont Jean"_s;
        QTest::newRow("last 4 spaced") << u"80 00"_s << u"Dupont Jean"_s;
        QTest::newRow("last 6") << u"238000"_s << u"Dupont Jean"_s;
        QTest::newRow("beginning") << u"01 41 23"_s << u"Dupont Jean"_s;
        QTest::newRow("mobile") << u"06 12 34 56 78"_s << u"Dupont Jeanne"_s;
        QTest::newRow("mobile suffix") << u"5678"_s << u"Dupont Jeanne"_s;
        QTest::newRow("07") << u"07 98 76 54 32"_s << u"Garcia Lucas"_s;
    }

    void phoneInAnySpellingOrLastDigits()
    {
        QFETCH(QString, query);
        QFETCH(QString, expected);
        const auto found = m_f.citizens.search(query);
        QVERIFY2(found.ok(), qPrintable(found.error().toString()));
        QCOMPARE(ids(*found), QStringList{expected});
    }

    void tooFewDigitsFindNothing()
    {
        QVERIFY(m_f.citizens.search(u"800"_s)->isEmpty());
    }

    void emailExactOrPrefix()
    {
        QCOMPARE(ids(*m_f.citizens.search(u"jean.dupont@example.fr"_s)), QStringList{u"Dupont Jean"_s});
        QCOMPARE(ids(*m_f.citizens.search(u"JEAN.DUPONT@"_s)), QStringList{u"Dupont Jean"_s});
        QCOMPARE(ids(*m_f.citizens.search(u"h.martin@example.org"_s)), QStringList{u"Martin Hélène"_s});
        QVERIFY(m_f.citizens.search(u"nobody@example.fr"_s)->isEmpty());
    }

    void dossierReference()
    {
        const qint64 jeanne = m_ids.value(u"Dupont Jeanne"_s);
        QSqlQuery q(m_f.db->connection());
        q.prepare(u"INSERT INTO dossiers (type_id, reference, year, sequence, status, opened_on, citizen_id, "
                  "created_at, updated_at) VALUES ('etatcivil.acte', 'EC-2026-000123', 2026, 123, 'ouvert', "
                  "'2026-01-10', ?, '2026-01-10T10:00:00.000Z', '2026-01-10T10:00:00.000Z')"_s);
        q.addBindValue(jeanne);
        QVERIFY2(q.exec(), qPrintable(q.lastError().text()));
        QCOMPARE(ids(*m_f.citizens.search(u"EC-2026-000123"_s)), QStringList{u"Dupont Jeanne"_s});
        QCOMPARE(ids(*m_f.citizens.search(u"ec-2026-000123"_s)), QStringList{u"Dupont Jeanne"_s});
        QCOMPARE(ids(*m_f.citizens.search(u"EC-2026-123"_s)), QStringList{u"Dupont Jeanne"_s});
        QCOMPARE(ids(*m_f.citizens.search(u"EC-2026-0001"_s)), QStringList{u"Dupont Jeanne"_s});
        QVERIFY(m_f.citizens.search(u"EC-2025-000123"_s)->isEmpty());
    }

    void everyFormUsesIndexesNeverAScan_data()
    {
        QTest::addColumn<QString>("query");
        for (const QString& q : {u"dup jea"_s, u"jean dupont"_s, u"jean"_s, u"hélène"_s, u"j d"_s,
                                 u"jean marc dup"_s, u"01 41 23 80 00"_s, u"01 41"_s, u"8000"_s,
                                 u"jean.dupont@"_s, u"EC-2026-123"_s})
            QTest::newRow(qPrintable(q)) << q;
    }

    void everyFormUsesIndexesNeverAScan()
    {
        QFETCH(QString, query);
        if (onPostgres())
            QSKIP("traces the statements through SQLite's own hook; PostgreSQL plans a table of a few rows "
                  "with sequential scans whatever its indexes");
        QSqlDatabase c = m_f.db->connection();
        StatementTrace trace(c);
        QVERIFY(m_f.citizens.search(query).ok());
        const QStringList statements = trace.take();
        QVERIFY(!statements.isEmpty());
        int selects = 0;
        for (const QString& sql : statements) {
            if (!sql.trimmed().startsWith(u"SELECT"_s, Qt::CaseInsensitive))
                continue;
            ++selects;
            QSqlQuery plan(c);
            QVERIFY2(plan.exec(u"EXPLAIN QUERY PLAN "_s + sql), qPrintable(plan.lastError().text()));
            QStringList details;
            while (plan.next())
                details << plan.value(3).toString();
            const QString all = details.join(u" | "_s);
            QVERIFY2(!details.isEmpty(), qPrintable(sql));
            for (const QString& d : std::as_const(details)) {
                QVERIFY2(!d.startsWith(u"SCAN"_s), qPrintable(u"%1\n  plan: %2"_s.arg(sql, all)));
                QVERIFY2(!d.contains(u"TEMP B-TREE"_s), qPrintable(u"%1\n  plan: %2"_s.arg(sql, all)));
            }
            QVERIFY2(all.contains(u"USING"_s), qPrintable(all));
        }
        QVERIFY(selects > 0);
    }

private:
    CitizenFixture m_f;
    QHash<QString, qint64> m_ids;
};

QTEST_GUILESS_MAIN(TestCitizenSearch)
#include "TestCitizenSearch.moc"
