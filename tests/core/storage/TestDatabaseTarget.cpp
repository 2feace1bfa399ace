// DatabaseConfig::fromTarget: what --database accepts (a file or a libpq URI), what it refuses
// (a password in clear, unknown parameters), and target() giving it back without secrets.
#include "core/storage/Database.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace iris;

class TestDatabaseTarget : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void filePathIsSqlite()
    {
        const Result<DatabaseConfig> c = DatabaseConfig::fromTarget(u"  /srv/iris/site.sqlite "_s);
        QVERIFY(c);
        QCOMPARE(c->driver, DatabaseConfig::Driver::Sqlite);
        QCOMPARE(c->path, u"/srv/iris/site.sqlite"_s);
        QCOMPARE(c->target(), u"/srv/iris/site.sqlite"_s);
        QVERIFY(!DatabaseConfig::isServerTarget(u"site.sqlite"_s));
    }

    void uriGivesEveryPart()
    {
        const Result<DatabaseConfig> c = DatabaseConfig::fromTarget(
            u"postgresql://iris_agent@db.mairie-issy.local:5433/iris?sslmode=verify-full&connect_timeout=5"_s);
        QVERIFY2(c, qPrintable(c ? QString() : c.error().message()));
        QCOMPARE(c->driver, DatabaseConfig::Driver::Postgres);
        QCOMPARE(c->user, u"iris_agent"_s);
        QCOMPARE(c->host, u"db.mairie-issy.local"_s);
        QCOMPARE(c->port, 5433);
        QCOMPARE(c->name, u"iris"_s);
        QCOMPARE(c->parameters.size(), 2);
        QCOMPARE(c->parameters.at(0).first, u"sslmode"_s);
        QCOMPARE(c->parameters.at(0).second, u"verify-full"_s);
        QCOMPARE(c->target(),
            u"postgresql://iris_agent@db.mairie-issy.local:5433/iris?sslmode=verify-full&connect_timeout=5"_s);
    }

    void defaultsAndShortForms()
    {
        Result<DatabaseConfig> c = DatabaseConfig::fromTarget(u"postgres://iris@127.0.0.1/site"_s);
        QVERIFY(c);
        QCOMPARE(c->port, 5432);
        QCOMPARE(c->target(), u"postgresql://iris@127.0.0.1/site"_s);
        // No database name: libpq's default, the user's name.
        c = DatabaseConfig::fromTarget(u"postgresql://iris@serveur"_s);
        QVERIFY(c);
        QCOMPARE(c->name, u"iris"_s);
        // A unix-socket folder, percent-encoded or as a parameter.
        c = DatabaseConfig::fromTarget(u"postgresql://iris@%2Fvar%2Frun%2Fpostgresql/site"_s);
        QVERIFY(c);
        QCOMPARE(c->host, u"/var/run/postgresql"_s);
        c = DatabaseConfig::fromTarget(u"postgresql:///site?host=/tmp/pg&user=iris"_s);
        QVERIFY(c);
        QCOMPARE(c->host, u"/tmp/pg"_s);
        QCOMPARE(c->user, u"iris"_s);
        QCOMPARE(c->target(), u"postgresql://iris@/site?host=%2Ftmp%2Fpg"_s);
        // IPv6 literal.
        c = DatabaseConfig::fromTarget(u"postgresql://iris@[::1]:6000/site"_s);
        QVERIFY(c);
        QCOMPARE(c->host, u"::1"_s);
        QCOMPARE(c->port, 6000);
    }

    void passwordsAreRefused()
    {
        for (const QString& t :
            { u"postgresql://iris:secret@db/iris"_s, u"postgresql://iris@db/iris?password=x"_s }) {
            const Result<DatabaseConfig> c = DatabaseConfig::fromTarget(t);
            QVERIFY2(!c, qPrintable(t));
            QVERIFY2(c.error().message().contains(u".pgpass"_s), qPrintable(c.error().message()));
            QVERIFY2(!c.error().message().contains(u"secret"_s), qPrintable(c.error().message()));
        }
    }

    void malformedTargetsSayWhy()
    {
        QVERIFY(!DatabaseConfig::fromTarget(u""_s));
        Result<DatabaseConfig> c = DatabaseConfig::fromTarget(u"postgresql://iris@db:99999/iris"_s);
        QVERIFY(!c);
        QVERIFY(c.error().message().contains(u"port"_s));
        c = DatabaseConfig::fromTarget(u"postgresql://iris@db/iris?sslmod=require"_s);
        QVERIFY(!c);
        QVERIFY(c.error().message().contains(u"sslmod"_s));
        c = DatabaseConfig::fromTarget(u"postgresql://iris@a,b/iris"_s);
        QVERIFY(!c);
    }

    void describeNeverShowsAPassword()
    {
        Result<DatabaseConfig> c = DatabaseConfig::fromTarget(u"postgresql://iris@127.0.0.1:1/iris"_s);
        QVERIFY(c);
        c->password = u"typed-at-the-prompt"_s;
        QVERIFY(!c->target().contains(u"typed-at-the-prompt"_s));
    }
};

QTEST_GUILESS_MAIN(TestDatabaseTarget)
#include "TestDatabaseTarget.moc"
