// core_pg_driver: the site's PostgreSQL driver (PgDriver) on the test cluster. Every value type
// the repositories bind and read goes there and back unchanged, NULLs included; a statement is
// prepared once per connection however many QSqlQuery objects run it; "?" and ":name" inside
// quotes are not placeholders; errors keep their SQLSTATE (classified as before); db copy's
// literals read back as the values they were made from; a statement prepared before a schema
// change is prepared again rather than failing for ever.
#include "core/storage/Database.h"
#include "core/storage/Dialect.h"
#include "core/storage/PgDriver.h"
#include "tests/support/TestEngines.h"

#include <QSqlDriver>
#include <QSqlError>
#include <QSqlField>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTest>

#include <cmath>

using namespace Qt::StringLiterals;
using namespace iris;
using namespace iris::test;

class TestPgDriver : public QObject
{
    Q_OBJECT

    std::shared_ptr<Database> m_db;

    QSqlQuery run(const QString& sql, const QVariantList& values = {})
    {
        QSqlDatabase c = m_db->connection();
        QSqlQuery q(c);
        if (!q.prepare(sql))
            qWarning("prepare: %s", qPrintable(q.lastError().text()));
        for (const QVariant& v : values)
            q.addBindValue(v);
        if (!q.exec())
            qWarning("exec: %s", qPrintable(q.lastError().text()));
        return q;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(onPostgres(), "core_pg_driver runs on the PostgreSQL test cluster (IRIS_TEST_ENGINE=postgresql)");
        Result<DatabaseConfig> config = freshDatabaseConfig({});
        QVERIFY2(config.ok(), qPrintable(config ? QString() : config.error().toString()));
        Result<std::shared_ptr<Database>> db = Database::open(*config);
        QVERIFY2(db.ok(), qPrintable(db ? QString() : db.error().toString()));
        m_db = *db;
        QSqlQuery q(m_db->connection());
        QVERIFY(q.exec(u"CREATE TABLE kinds (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, b boolean, "
                       u"i integer, l bigint, d double precision, n numeric(10,2), t text, y bytea, dd date, "
                       u"ts timestamptz)"_s));
    }

    void valuesGoThereAndBack()
    {
        const QByteArray bytes("\x00\x01'\\\xff zéro", 12);
        const QString text = u"O'Brien \\ « élève » ? :pas_un_paramètre \u2013 😀"_s;
        const QDateTime at(QDate(2026, 12, 4), QTime(17, 5, 9, 123), Qt::UTC);
        QSqlQuery ins = run(u"INSERT INTO kinds (b, i, l, d, n, t, y, dd, ts) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
                            u"RETURNING id"_s,
                            { true, -42, qint64(9007199254740993LL), 0.1, 1234.5, text, bytes, QDate(2024, 2, 29),
                              at.toOffsetFromUtc(3600) });
        QVERIFY2(ins.next(), qPrintable(ins.lastError().text()));
        const qint64 id = ins.value(0).toLongLong();
        QSqlQuery q = run(u"SELECT b, i, l, d, n, t, y, dd, ts FROM kinds WHERE id = :id"_s, { id });
        QVERIFY(q.next());
        QCOMPARE(q.value(0).metaType().id(), QMetaType::Bool);
        QCOMPARE(q.value(0).toBool(), true);
        QCOMPARE(q.value(1).metaType().id(), QMetaType::Int);
        QCOMPARE(q.value(1).toInt(), -42);
        QCOMPARE(q.value(2).metaType().id(), QMetaType::LongLong);
        QCOMPARE(q.value(2).toLongLong(), 9007199254740993LL);
        QCOMPARE(q.value(3).toDouble(), 0.1);
        QCOMPARE(q.value(4).toDouble(), 1234.5);
        QCOMPARE(q.value(5).toString(), text);
        QCOMPARE(q.value(6).toByteArray(), bytes);
        QCOMPARE(q.value(7).toDate(), QDate(2024, 2, 29));
        QCOMPARE(q.value(8).toDateTime().toUTC(), at);
        QCOMPARE(q.record().fieldName(5), u"t"_s);
        QCOMPARE(q.size(), 1);
        QVERIFY(!q.next());
    }

    void nullsStayNullWithTheirType()
    {
        QSqlQuery ins = run(u"INSERT INTO kinds (b, i, t, ts) VALUES (?, ?, ?, ?) RETURNING id"_s,
                            { QVariant(QMetaType::fromType<bool>()), QVariant(QMetaType::fromType<int>()),
                              QVariant(QMetaType::fromType<QString>()), QVariant(QMetaType::fromType<QDateTime>()) });
        QVERIFY(ins.next());
        QSqlQuery q = run(u"SELECT b, i, t, ts, t IS NULL FROM kinds WHERE id = ?"_s, { ins.value(0) });
        QVERIFY(q.next());
        for (int i = 0; i < 4; ++i)
            QVERIFY2(q.isNull(i) && q.value(i).isNull(), qPrintable(QString::number(i)));
        QCOMPARE(q.value(3).metaType().id(), QMetaType::QDateTime);
        QCOMPARE(q.value(4).toBool(), true);
        // An empty string is not NULL.
        QSqlQuery e = run(u"SELECT length(?), ?::text IS NULL"_s, { QString(u""_s), QString(u""_s) });
        QVERIFY(e.next());
        QCOMPARE(e.value(0).toInt(), 0);
        QCOMPARE(e.value(1).toBool(), false);
    }

    void aStatementIsPreparedOncePerConnection()
    {
        QSqlDatabase c = m_db->connection();
        const int before = pgPreparedStatementCount(c);
        QList<QByteArray> seen;
        setPgStatementObserver(c, [&seen](const QByteArray& sql, const QList<QByteArray>&) { seen << sql; });
        for (int i = 0; i < 25; ++i) {
            QSqlQuery q = run(u"SELECT count(*) FROM kinds WHERE i = :i OR t = :t"_s, { i, QString::number(i) });
            QVERIFY(q.next());
        }
        setPgStatementObserver(c, {});
        QCOMPARE(pgPreparedStatementCount(c), before + 1);
        QCOMPARE(seen.size(), 25);
        QCOMPARE(seen.constFirst(), QByteArray("SELECT count(*) FROM kinds WHERE i = $1 OR t = $2"));
        // The server holds exactly the statements the driver knows.
        QSqlQuery p(c);
        QVERIFY(p.exec(u"SELECT count(*) FROM pg_prepared_statements"_s) && p.next());
        QCOMPARE(p.value(0).toInt(), pgPreparedStatementCount(c));
    }

    void quotedMarksAreNotPlaceholders()
    {
        QSqlQuery q = run(u"SELECT '?' || ? || ':x' || \"t\" FROM (SELECT 'a' AS t) s"_s, { u"b"_s });
        QVERIFY2(q.next(), qPrintable(q.lastError().text()));
        QCOMPARE(q.value(0).toString(), u"?b:xa"_s);
        QSqlQuery cast = run(u"SELECT :v::integer + 1"_s, { u"41"_s });
        QVERIFY2(cast.next(), qPrintable(cast.lastError().text()));
        QCOMPARE(cast.value(0).toInt(), 42);
    }

    void errorsKeepTheirSqlState()
    {
        QSqlQuery q(m_db->connection());
        QVERIFY(q.exec(u"CREATE TABLE uniq (v text UNIQUE)"_s));
        QVERIFY(run(u"INSERT INTO uniq VALUES (?)"_s, { u"x"_s }).lastError().type() == QSqlError::NoError);
        const QSqlQuery dup = run(u"INSERT INTO uniq VALUES (?)"_s, { u"x"_s });
        QCOMPARE(dup.lastError().nativeErrorCode(), u"23505"_s);
        QCOMPARE(Database::classify(dup.lastError(), u"essai"_s).code(), ErrorCode::Duplicate);
        QSqlQuery bad(m_db->connection());
        QVERIFY(!bad.prepare(u"SELEC 1"_s));
        QCOMPARE(bad.lastError().nativeErrorCode(), u"42601"_s);
    }

    void copyLiteralsReadBackAsTheirValues()
    {
        const QSqlDriver* driver = m_db->connection().driver();
        const auto literal = [driver](const QVariant& v) {
            QSqlField f(u"f"_s, v.metaType());
            f.setValue(v);
            return driver->formatValue(f);
        };
        const QString text = u"l'été \\n ; DROP TABLE kinds; --"_s;
        const QByteArray bytes("\x00\x7f'\\", 4);
        const QDateTime at(QDate(2026, 1, 2), QTime(3, 4, 5, 6), Qt::UTC);
        QSqlQuery q(m_db->connection());
        QVERIFY2(q.exec(u"SELECT "_s + literal(text) + u", "_s + literal(bytes) + u"::bytea, "_s + literal(at) + u", "_s
                        + literal(false) + u", "_s + literal(qQNaN()) + u"::float8, "_s + literal(qint64(-7)) + u", "_s
                        + literal(QDate(2025, 12, 31)) + u", "_s + literal(QVariant(QMetaType::fromType<int>()))),
                 qPrintable(q.lastError().text()));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toString(), text);
        QCOMPARE(q.value(1).toByteArray(), bytes);
        QCOMPARE(q.value(2).toDateTime().toUTC(), at);
        QCOMPARE(q.value(3).toBool(), false);
        QVERIFY(std::isnan(q.value(4).toDouble()));
        QCOMPARE(q.value(5).toLongLong(), -7);
        QCOMPARE(q.value(6).toDate(), QDate(2025, 12, 31));
        QVERIFY(q.isNull(7));
    }

    void aSchemaChangeIsSurvived()
    {
        QSqlQuery ddl(m_db->connection());
        QVERIFY(ddl.exec(u"CREATE TABLE shape (a integer)"_s));
        QVERIFY(run(u"SELECT * FROM shape WHERE a = ?"_s, { 1 }).lastError().type() == QSqlError::NoError);
        QVERIFY(ddl.exec(u"ALTER TABLE shape ADD COLUMN b integer"_s));
        // The server refuses the old statement once (its result changed); the next run works.
        QSqlQuery once = run(u"SELECT * FROM shape WHERE a = ?"_s, { 1 });
        if (once.lastError().type() != QSqlError::NoError)
            QCOMPARE(once.lastError().nativeErrorCode(), u"0A000"_s);
        const QSqlQuery again = run(u"SELECT * FROM shape WHERE a = ?"_s, { 1 });
        QCOMPARE(again.lastError().type(), QSqlError::NoError);
        QCOMPARE(again.record().count(), 2);
    }

    void scriptsRunAsOneText()
    {
        QSqlQuery q(m_db->connection());
        QVERIFY(q.exec(u"CREATE TABLE s1 (v integer); INSERT INTO s1 VALUES (1), (2); SELECT sum(v) FROM s1"_s));
        // As with QPSQL: the first statement's result is current, the others follow.
        QVERIFY(!q.isSelect());
        QVERIFY(q.nextResult());
        QCOMPARE(q.numRowsAffected(), 2);
        QVERIFY(q.nextResult());
        QVERIFY(q.isSelect());
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), 3);
    }

    void cleanupTestCase()
    {
        if (m_db)
            m_db->closeAll();
    }
};

QTEST_GUILESS_MAIN(TestPgDriver)
#include "TestPgDriver.moc"
