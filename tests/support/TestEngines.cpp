#include "tests/support/TestEngines.h"

#include <QCoreApplication>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <atomic>

using namespace Qt::StringLiterals;

namespace iris::test {

Engine testEngine()
{
    const QByteArray e = qgetenv("IRIS_TEST_ENGINE").toLower();
    return e.startsWith("postgres") ? Engine::Postgres : Engine::Sqlite;
}

bool onPostgres()
{
    return testEngine() == Engine::Postgres;
}

QString engineName()
{
    return onPostgres() ? u"PostgreSQL"_s : u"SQLite"_s;
}

Result<QString> testServerUri()
{
    const QString file = qEnvironmentVariable("IRIS_TEST_PG_URI_FILE");
    if (file.isEmpty())
        return Error(ErrorCode::NotFound,
            u"IRIS_TEST_PG_URI_FILE is not set: run the PostgreSQL suites through ctest "
            u"(fixture iris_pg)"_s);
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly))
        return Error(ErrorCode::NotFound,
            u"no PostgreSQL test server: %1 is missing (scripts/test-pg-cluster.sh could not start one; "
            u"is the postgresql package installed?)"_s.arg(file));
    const QString uri = QString::fromUtf8(f.readAll()).trimmed();
    if (uri.isEmpty())
        return Error(ErrorCode::NotFound, u"empty PostgreSQL test server URI in %1"_s.arg(file));
    return uri;
}

Result<DatabaseConfig> freshDatabaseConfig(const QString& sqlitePath)
{
    if (!onPostgres()) {
        DatabaseConfig c;
        c.path = sqlitePath;
        return c;
    }
    const Result<QString> uri = testServerUri();
    if (!uri)
        return uri.error();
    Result<DatabaseConfig> server = DatabaseConfig::fromTarget(*uri);
    if (!server)
        return server.error();

    static std::atomic<int> counter { 0 };
    const QString name = u"iris_t%1_%2"_s.arg(QCoreApplication::applicationPid()).arg(++counter);
    const QString admin = u"iris-test-admin-%1"_s.arg(name);
    QString failure;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QPSQL"_s, admin);
        db.setHostName(server->host);
        db.setPort(server->port);
        db.setUserName(server->user);
        db.setDatabaseName(server->name);
        if (!db.open()) {
            failure = db.lastError().text();
        } else {
            QSqlQuery q(db);
            if (!q.exec(u"CREATE DATABASE "_s + name))
                failure = q.lastError().text();
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(admin);
    if (!failure.isEmpty())
        return Error(ErrorCode::DatabaseError, u"cannot create test database %1: %2"_s.arg(name, failure));
    DatabaseConfig c = *server;
    c.name = name;
    return c;
}

QString explainPlan(const Database& db, const QString& select)
{
    QSqlQuery plan(db.connection());
    QString details;
    if (db.isServer()) {
        QSqlQuery(db.connection()).exec(u"SET enable_seqscan = off"_s);
        if (plan.exec(u"EXPLAIN "_s + select))
            while (plan.next())
                details += plan.value(0).toString() + u'\n';
        QSqlQuery(db.connection()).exec(u"RESET enable_seqscan"_s);
    } else if (plan.exec(u"EXPLAIN QUERY PLAN "_s + select)) {
        while (plan.next())
            details += plan.value(3).toString() + u'\n';
    }
    return details;
}

} // namespace iris::test
