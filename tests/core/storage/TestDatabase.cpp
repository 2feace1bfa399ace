// core_database (SQLite) and core_database_pg (PostgreSQL): opening, per-thread connections,
// transactions and the classification of locked, read-only, corrupt, foreign and newer-schema
// databases. The file-level cases are SQLite's; the server has its own (a foreign database,
// a lock held by another session, a read-only session).
#include "StorageTestUtil.h"

#include "core/services/ServiceSupport.h"
#include "core/storage/Dialect.h"
#include "core/storage/ServerClock.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <sys/stat.h>

using namespace Qt::StringLiterals;
using namespace iris;
using namespace iris::test;

namespace {

Result<void> insertProbe(const Database& db, const QString& text)
{
    return db.transaction([&](QSqlDatabase& c) -> Result<void> {
        QSqlQuery q(c);
        // On PostgreSQL the statement is prepared on the server, which takes the table's lock.
        if (!q.prepare(u"INSERT INTO probe (text) VALUES (?)"_s))
            return Database::classify(q.lastError(), u"essai"_s);
        q.addBindValue(text);
        if (!q.exec())
            return Database::classify(q.lastError(), u"essai"_s);
        return {};
    });
}

void createProbeTable(const Database& db)
{
    const Result<void> r = db.transaction([&](QSqlDatabase& c) -> Result<void> {
        QSqlQuery q(c);
        if (!q.exec(db.dialect().expand(u"CREATE TABLE IF NOT EXISTS probe (id {PK}, text {TEXT} NOT NULL)"_s)))
            return Database::classify(q.lastError(), u"essai"_s);
        return {};
    });
    QVERIFY2(r.ok(), qPrintable(r.error().toString()));
}

/// A new empty database of the suite's engine (fails the test when there is none).
std::shared_ptr<Database> openFresh(const QString& sqlitePath, int busyTimeoutMs = 5000)
{
    Result<DatabaseConfig> config = freshDatabaseConfig(sqlitePath);
    if (!config) {
        QTest::qFail(qPrintable(config.error().toString()), __FILE__, __LINE__);
        return {};
    }
    config->busyTimeoutMs = busyTimeoutMs;
    auto opened = Database::open(*config);
    if (!opened) {
        QTest::qFail(qPrintable(opened.error().toString() + u' ' + opened.error().detail()), __FILE__, __LINE__);
        return {};
    }
    return *opened;
}

/// A second, independent connection to the same database (another program or workstation).
QSqlDatabase otherConnection(const Database& db, const QString& name)
{
    const DatabaseConfig& c = db.config();
    QSqlDatabase other;
    if (c.driver == DatabaseConfig::Driver::Postgres) {
        other = QSqlDatabase::addDatabase(u"QPSQL"_s, name);
        other.setHostName(c.host);
        other.setPort(c.port);
        other.setUserName(c.user);
        other.setDatabaseName(c.name);
    } else {
        other = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        other.setDatabaseName(c.path);
    }
    return other;
}

#define SQLITE_ONLY() \
    if (onPostgres()) \
        QSKIP("a SQLite file's own case; the PostgreSQL ones are the *OnServer tests")
#define SERVER_ONLY() \
    if (!onPostgres()) \
        QSKIP("a PostgreSQL server's own case; SQLite has the file tests")

} // namespace

class TestDatabase final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { QVERIFY(m_dir.isValid()); }

    void opensWithWalForeignKeysAndFullSync()
    {
        SQLITE_ONLY();
        const QString path = m_dir.filePath(u"fresh.sqlite"_s);
        auto opened = Database::open({.path = path});
        QVERIFY2(opened.ok(), qPrintable(opened.error().toString()));
        QSqlDatabase c = (*opened)->connection();
        QCOMPARE(scalar(c, u"PRAGMA journal_mode"_s).toString(), u"wal"_s);
        QCOMPARE(scalar(c, u"PRAGMA foreign_keys"_s).toInt(), 1);
        QCOMPARE(scalar(c, u"PRAGMA synchronous"_s).toInt(), 2);  // FULL
        QVERIFY(scalar(c, u"PRAGMA busy_timeout"_s).toInt() > 0);
        QVERIFY((*opened)->describe().contains(u"fresh.sqlite"_s));
        QCOMPARE((*opened)->dialect().name(), u"SQLite"_s);
    }

    void oneConnectionPerThreadRemovedWhenThreadEnds()
    {
        auto db = openMigrated(m_dir.filePath(u"threads.sqlite"_s));
        QVERIFY(db);
        const QString mainName = db->connection().connectionName();
        QCOMPARE(db->connection().connectionName(), mainName);  // reused on the same thread

        QString workerName;
        bool workerOpen = false;
        int workerCount = -1;
        QThread* worker = QThread::create([&] {
            QSqlDatabase c = db->connection();
            workerName = c.connectionName();
            workerOpen = c.isOpen();
            workerCount = scalar(c, u"SELECT count(*) FROM citizens"_s).toInt();
        });
        worker->start();
        QVERIFY(worker->wait(10000));
        delete worker;
        QVERIFY(workerOpen);
        QCOMPARE(workerCount, 0);
        QVERIFY(!workerName.isEmpty());
        QVERIFY(workerName != mainName);
        QVERIFY2(!QSqlDatabase::contains(workerName), "the worker's connection must go with its thread");
        QVERIFY(QSqlDatabase::contains(mainName));

        db->closeAll();
        QVERIFY(!QSqlDatabase::contains(mainName));
        // Still usable afterwards: a new connection is opened on demand.
        QVERIFY(db->connection().isOpen());
    }

    void opensOnServerInUtcWithItsName()
    {
        SERVER_ONLY();
        auto db = openFresh(m_dir.filePath(u"unused.sqlite"_s));
        QVERIFY(db);
        QCOMPARE(db->dialect().name(), u"PostgreSQL"_s);
        QVERIFY(db->isServer());
        QCOMPARE(scalar(db->connection(), u"SHOW TimeZone"_s).toString(), u"UTC"_s);
        QVERIFY2(db->describe().contains(db->config().name), qPrintable(db->describe()));
        QVERIFY(db->describe().startsWith(u"PostgreSQL — "_s));
    }

    void transactionCommitsOrRollsBackEverything()
    {
        auto opened = openFresh(m_dir.filePath(u"tx.sqlite"_s));
        QVERIFY(opened);
        const Database& db = *opened;
        createProbeTable(db);

        QVERIFY(insertProbe(db, u"un"_s).ok());
        const Result<void> failed = db.transaction([&](QSqlDatabase& c) -> Result<void> {
            QSqlQuery q(c);
            q.exec(u"INSERT INTO probe (text) VALUES ('deux')"_s);
            return Error(ErrorCode::Validation, u"refusé"_s);
        });
        QVERIFY(!failed.ok());
        QCOMPARE(failed.error().code(), ErrorCode::Validation);
        QCOMPARE(scalar(db.connection(), u"SELECT count(*) FROM probe"_s).toInt(), 1);

        // A nested step that fails while the outer step ignores it: nothing is committed.
        const Result<void> nested = db.transaction([&](QSqlDatabase& c) -> Result<void> {
            QSqlQuery q(c);
            q.exec(u"INSERT INTO probe (text) VALUES ('trois')"_s);
            const Result<void> inner = db.transaction([](QSqlDatabase&) -> Result<void> {
                return Error(ErrorCode::Conflict, u"périmé"_s);
            });
            Q_UNUSED(inner);
            return {};
        });
        QVERIFY(!nested.ok());
        QCOMPARE(scalar(db.connection(), u"SELECT count(*) FROM probe"_s).toInt(), 1);

        // Nested successes join the outer transaction.
        const Result<void> joined = db.transaction([&](QSqlDatabase&) -> Result<void> {
            if (auto r = insertProbe(db, u"quatre"_s); !r)
                return r;
            return insertProbe(db, u"cinq"_s);
        });
        QVERIFY(joined.ok());
        QCOMPARE(scalar(db.connection(), u"SELECT count(*) FROM probe"_s).toInt(), 3);
    }

    void lockHeldOnServerIsRetriedThenReported()
    {
        SERVER_ONLY();
        auto db = openFresh(m_dir.filePath(u"unused.sqlite"_s), 150);
        QVERIFY(db);
        createProbeTable(*db);
        {
            QSqlDatabase other = otherConnection(*db, u"other-session"_s);
            QVERIFY2(other.open(), qPrintable(other.lastError().text()));
            QSqlQuery hold(other);
            QVERIFY(hold.exec(u"BEGIN"_s));
            // Reads go on; every write to the table waits for this lock.
            QVERIFY(hold.exec(u"LOCK TABLE probe IN EXCLUSIVE MODE"_s));

            QElapsedTimer timer;
            timer.start();
            const Result<void> r = insertProbe(*db, u"bloqué"_s);
            QVERIFY(!r.ok());
            QVERIFY2(r.error().code() == ErrorCode::Contention, qPrintable(r.error().toString() + u" / "_s + r.error().detail()));
            QVERIFY2(r.error().message().contains(u"réessayez"_s, Qt::CaseInsensitive), qPrintable(r.error().message()));
            // Retried with a back-off before giving up: several lock timeouts of 150 ms.
            QVERIFY2(timer.elapsed() >= 3 * 150, qPrintable(QString::number(timer.elapsed())));
            QCOMPARE(scalar(db->connection(), u"SELECT count(*) FROM probe"_s).toInt(), 0);

            // Released while the next unit of work is being retried: it goes through.
            QThread* releaser = QThread::create([&] {
                QThread::msleep(200);
                QSqlQuery(other).exec(u"COMMIT"_s);
            });
            releaser->start();
            const Result<void> later = insertProbe(*db, u"patient"_s);
            QVERIFY(releaser->wait(10000));
            delete releaser;
            QVERIFY2(later.ok(), qPrintable(later.error().toString()));
            hold.finish();
            other.close();
        }
        QSqlDatabase::removeDatabase(u"other-session"_s);
        QCOMPARE(scalar(db->connection(), u"SELECT count(*) FROM probe"_s).toInt(), 1);
    }

    void foreignDatabaseOnServerIsRefusedAndUntouched()
    {
        SERVER_ONLY();
        Result<DatabaseConfig> config = freshDatabaseConfig({});
        QVERIFY2(config, qPrintable(config ? QString() : config.error().toString()));
        {
            QSqlDatabase other = QSqlDatabase::addDatabase(u"QPSQL"_s, u"foreign-writer"_s);
            other.setHostName(config->host);
            other.setPort(config->port);
            other.setUserName(config->user);
            other.setDatabaseName(config->name);
            QVERIFY(other.open());
            QSqlQuery q(other);
            QVERIFY(q.exec(u"CREATE TABLE recettes (nom TEXT)"_s));
            q.finish();
            other.close();
        }
        QSqlDatabase::removeDatabase(u"foreign-writer"_s);
        auto opened = Database::open(*config);
        QVERIFY(!opened.ok());
        QCOMPARE(opened.error().code(), ErrorCode::DatabaseCorrupt);
        QVERIFY2(opened.error().message().contains(u"n'a pas été modifiée"_s), qPrintable(opened.error().message()));
    }

    void unreachableOrMissingServerDatabaseIsReported()
    {
        SERVER_ONLY();
        Result<DatabaseConfig> config = freshDatabaseConfig({});
        QVERIFY(config);
        DatabaseConfig missing = *config;
        missing.name = u"iris_nulle_part"_s;
        auto opened = Database::open(missing);
        QVERIFY(!opened.ok());
        QCOMPARE(opened.error().code(), ErrorCode::NotFound);
        QVERIFY2(opened.error().message().contains(u"n'existe pas"_s), qPrintable(opened.error().message()));

        DatabaseConfig down = *config;
        down.host = u"127.0.0.1"_s;
        down.port = 1;  // nobody listens there
        opened = Database::open(down);
        QVERIFY(!opened.ok());
        QCOMPARE(opened.error().code(), ErrorCode::ConnectionLost);
        QVERIFY2(opened.error().message().contains(u"serveur"_s), qPrintable(opened.error().message()));
    }

    void timestampsFollowTheServerClock()
    {
        SERVER_ONLY();
        // A workstation whose clock is an hour off: opening the site measures the server's.
        ServerClock::setOffsetMs(3600 * 1000);
        QVERIFY(qAbs(QDateTime::currentDateTime().secsTo(sql::systemNow()) - 3600) <= 1);
        auto db = openMigrated(m_dir.filePath(u"unused.sqlite"_s));
        QVERIFY(db);
        QVERIFY2(qAbs(ServerClock::offsetMs()) < 1000, qPrintable(QString::number(ServerClock::offsetMs())));
        // What the services stamp (sql::systemNow) is the server's now.
        const QDateTime stamped = sql::systemNow();
        const QDateTime server = scalar(db->connection(), u"SELECT clock_timestamp()"_s).toDateTime();
        QVERIFY2(qAbs(stamped.msecsTo(server)) < 1000,
            qPrintable(stamped.toString(Qt::ISODateWithMs) + u" / "_s + server.toString(Qt::ISODateWithMs)));
    }

    void readOnlySessionOnServerRefusesWrites()
    {
        SERVER_ONLY();
        auto db = openMigrated(m_dir.filePath(u"unused.sqlite"_s));
        QVERIFY(db);
        DatabaseConfig consultConfig = db->config();
        consultConfig.readOnly = true;
        auto consult = Database::open(consultConfig);
        QVERIFY2(consult.ok(), qPrintable(consult.error().toString() + consult.error().detail()));
        QCOMPARE(scalar((*consult)->connection(), u"SELECT count(*) FROM citizens"_s).toInt(), 0);
        const Result<void> write = (*consult)->transaction([](QSqlDatabase& c) -> Result<void> {
            QSqlQuery q(c);
            if (!q.exec(u"DELETE FROM audit_events"_s))
                return Database::classify(q.lastError(), u"essai"_s);
            return {};
        });
        QVERIFY(!write.ok());
        QCOMPARE(write.error().code(), ErrorCode::DatabaseReadOnly);
    }

    void writeLockedByAnotherConnectionIsDatabaseLocked()
    {
        SQLITE_ONLY();
        const QString path = m_dir.filePath(u"locked.sqlite"_s);
        DatabaseConfig config{.path = path, .busyTimeoutMs = 150};
        auto opened = Database::open(config);
        QVERIFY(opened.ok());
        createProbeTable(**opened);

        // Another program holds the write lock.
        {
            QSqlDatabase other = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"other-writer"_s);
            other.setDatabaseName(path);
            QVERIFY(other.open());
            QSqlQuery hold(other);
            QVERIFY(hold.exec(u"BEGIN IMMEDIATE"_s));
            QVERIFY(hold.exec(u"INSERT INTO probe (text) VALUES ('autre')"_s));

            const Result<void> r = insertProbe(**opened, u"bloqué"_s);
            QVERIFY(!r.ok());
            QCOMPARE(r.error().code(), ErrorCode::DatabaseLocked);
            QVERIFY2(r.error().message().contains(u"occupée"_s), qPrintable(r.error().message()));

            // Reads still work under WAL while the other writer holds its lock.
            QCOMPARE(scalar((*opened)->connection(), u"SELECT count(*) FROM probe"_s).toInt(), 0);
            QVERIFY(hold.exec(u"ROLLBACK"_s));
            hold.finish();
            other.close();
        }
        QSqlDatabase::removeDatabase(u"other-writer"_s);
        QVERIFY(insertProbe(**opened, u"libre"_s).ok());
    }

    void readOnlyFileIsRefusedAndUntouched()
    {
        SQLITE_ONLY();
        const QString path = m_dir.filePath(u"readonly.sqlite"_s);
        {
            auto db = openMigrated(path);
            QVERIFY(db);
            db->closeAll();
        }
        QVERIFY(!QFile::exists(path + u"-wal"_s));
        QVERIFY(QFile::setPermissions(path, QFile::ReadOwner | QFile::ReadGroup | QFile::ReadOther));
        const QByteArray before = fileHash(path);
        struct stat st{};
        QCOMPARE(::stat(QFile::encodeName(path).constData(), &st), 0);
        const auto mtimeBefore = st.st_mtim;

        auto refused = Database::open({.path = path});
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code(), ErrorCode::DatabaseReadOnly);
        QVERIFY(refused.error().message().contains(u"lecture seule"_s));
        QCOMPARE(fileHash(path), before);

        // Consultation mode opens it, reads, and refuses writes.
        auto consult = Database::open({.path = path, .readOnly = true});
        QVERIFY2(consult.ok(), qPrintable(consult.error().toString() + consult.error().detail()));
        QCOMPARE(scalar((*consult)->connection(), u"SELECT count(*) FROM citizens"_s).toInt(), 0);
        const Result<void> write = (*consult)->transaction([](QSqlDatabase& c) -> Result<void> {
            QSqlQuery q(c);
            if (!q.exec(u"DELETE FROM audit_events"_s))
                return Database::classify(q.lastError(), u"essai"_s);
            return {};
        });
        QVERIFY(!write.ok());
        QCOMPARE(write.error().code(), ErrorCode::DatabaseReadOnly);
        // Pending migrations on a read-only database are refused, not attempted.
        MigrationRunner runner;
        runner.add(u"extra"_s, {Migration{1, u"essai"_s, [](QSqlDatabase&, const Dialect&) -> Result<void> {
                                              return {};
                                          }}});
        const Result<void> migrate = runner.run(**consult);
        QVERIFY(!migrate.ok());
        QCOMPARE(migrate.error().code(), ErrorCode::DatabaseReadOnly);
        (*consult)->closeAll();

        QCOMPARE(fileHash(path), before);
        QCOMPARE(::stat(QFile::encodeName(path).constData(), &st), 0);
        QCOMPARE(st.st_mtim.tv_sec, mtimeBefore.tv_sec);
        QCOMPARE(st.st_mtim.tv_nsec, mtimeBefore.tv_nsec);
        QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
    }

    void garbageFileIsCorruptAndUntouched()
    {
        SQLITE_ONLY();
        const QString path = m_dir.filePath(u"garbage.sqlite"_s);
        QByteArray bytes;
        for (int i = 0; i < 8192; ++i)
            bytes.append(char((i * 7919 + 13) % 251));
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(bytes);
        }
        auto opened = Database::open({.path = path});
        QVERIFY(!opened.ok());
        QCOMPARE(opened.error().code(), ErrorCode::DatabaseCorrupt);
        QVERIFY2(opened.error().message().contains(u"n'a pas été modifié"_s), qPrintable(opened.error().message()));
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), bytes);
        QVERIFY(!QFile::exists(path + u"-wal"_s));
        QVERIFY(!QFile::exists(path + u"-shm"_s));
    }

    void damagedSqliteFileIsCorruptAndUntouched()
    {
        SQLITE_ONLY();
        // A real SQLite header followed by garbage: only a read can tell.
        const QString path = m_dir.filePath(u"damaged.sqlite"_s);
        {
            auto db = openMigrated(path);
            QVERIFY(db);
            db->closeAll();
        }
        QByteArray bytes;
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::ReadWrite));
            bytes = f.readAll();
            for (int i = 100; i < bytes.size(); ++i)
                bytes[i] = char((i * 31) % 256);
            f.seek(0);
            f.write(bytes);
        }
        auto opened = Database::open({.path = path});
        QVERIFY(!opened.ok());
        QCOMPARE(opened.error().code(), ErrorCode::DatabaseCorrupt);
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), bytes);
    }

    void foreignSqliteFileIsRefusedAndUntouched()
    {
        SQLITE_ONLY();
        const QString path = m_dir.filePath(u"foreign.sqlite"_s);
        {
            QSqlDatabase other = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"foreign-writer"_s);
            other.setDatabaseName(path);
            QVERIFY(other.open());
            QSqlQuery q(other);
            QVERIFY(q.exec(u"CREATE TABLE recettes (nom TEXT)"_s));
            QVERIFY(q.exec(u"INSERT INTO recettes VALUES ('tarte')"_s));
            q.finish();
            other.close();
        }
        QSqlDatabase::removeDatabase(u"foreign-writer"_s);
        const QByteArray before = fileHash(path);
        auto opened = Database::open({.path = path});
        QVERIFY(!opened.ok());
        QCOMPARE(opened.error().code(), ErrorCode::DatabaseCorrupt);
        QCOMPARE(fileHash(path), before);
    }

    void newerSchemaIsRefusedBeforeAnyWrite()
    {
        const QString path = m_dir.filePath(u"newer.sqlite"_s);
        DatabaseConfig config;
        {
            auto db = openMigrated(path);
            QVERIFY(db);
            config = db->config();
            QSqlQuery q(db->connection());
            QVERIFY(q.exec(u"UPDATE schema_versions SET version = 99 WHERE owner = 'core'"_s));
            q.finish();
            db->closeAll();
        }
        const QByteArray before = onPostgres() ? QByteArray() : fileHash(path);

        auto opened = Database::open(config);
        QVERIFY(opened.ok());
        const QStringList tablesBefore = tableNames(**opened);
        MigrationRunner runner;
        // A module registered first with a pending step: it must not run either.
        bool moduleStepRan = false;
        runner.add(u"aaa"_s, {Migration{1, u"table du module"_s,
                                        [&](QSqlDatabase& c, const Dialect&) -> Result<void> {
                                            moduleStepRan = true;
                                            QSqlQuery q(c);
                                            q.exec(u"CREATE TABLE aaa_things (id INTEGER)"_s);
                                            return {};
                                        }}});
        runner.add(kCoreSchemaOwner, coreMigrations());
        const Result<void> r = runner.run(**opened);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code(), ErrorCode::SchemaTooNew);
        QVERIFY2(r.error().message().contains(u"plus récente"_s), qPrintable(r.error().message()));
        QVERIFY(!moduleStepRan);
        QCOMPARE(MigrationRunner::installedVersion(**opened, u"aaa"_s).value(), 0);
        QCOMPARE(tableNames(**opened), tablesBefore);
        (*opened)->closeAll();
        if (!onPostgres())
            QCOMPARE(fileHash(path), before);
    }

    void classifiesDriverErrors_data()
    {
        QTest::addColumn<QString>("native");
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("code");
        QTest::newRow("busy") << u"5"_s << u"database is locked"_s << int(ErrorCode::DatabaseLocked);
        QTest::newRow("locked") << u"6"_s << u"database table is locked"_s << int(ErrorCode::DatabaseLocked);
        QTest::newRow("busy-extended") << u"517"_s << u"database is locked"_s << int(ErrorCode::DatabaseLocked);
        QTest::newRow("readonly") << u"8"_s << u"attempt to write a readonly database"_s
                                  << int(ErrorCode::DatabaseReadOnly);
        QTest::newRow("corrupt") << u"11"_s << u"database disk image is malformed"_s
                                 << int(ErrorCode::DatabaseCorrupt);
        QTest::newRow("notadb") << u"26"_s << u"file is not a database"_s << int(ErrorCode::DatabaseCorrupt);
        QTest::newRow("unique") << u"19"_s << u"UNIQUE constraint failed: agents.login"_s
                                << int(ErrorCode::Duplicate);
        QTest::newRow("other") << u"1"_s << u"no such table: x"_s << int(ErrorCode::DatabaseError);
        // PostgreSQL: the SQLSTATE, as QPSQL reports it.
        QTest::newRow("pg-serialization") << u"40001"_s << u"could not serialize access"_s
                                          << int(ErrorCode::Contention);
        QTest::newRow("pg-deadlock") << u"40P01"_s << u"deadlock detected"_s << int(ErrorCode::Contention);
        QTest::newRow("pg-lock-timeout") << u"55P03"_s << u"canceling statement due to lock timeout"_s
                                         << int(ErrorCode::Contention);
        QTest::newRow("pg-unique") << u"23505"_s << u"duplicate key value violates unique constraint"_s
                                   << int(ErrorCode::Duplicate);
        QTest::newRow("pg-check") << u"23514"_s << u"violates check constraint"_s << int(ErrorCode::DatabaseError);
        QTest::newRow("pg-readonly") << u"25006"_s << u"cannot execute INSERT in a read-only transaction"_s
                                     << int(ErrorCode::DatabaseReadOnly);
        QTest::newRow("pg-privilege") << u"42501"_s << u"permission denied for table citizens"_s
                                      << int(ErrorCode::PermissionDenied);
        QTest::newRow("pg-shutdown") << u"57P01"_s << u"terminating connection due to administrator command"_s
                                     << int(ErrorCode::ConnectionLost);
        QTest::newRow("pg-gone") << QString() << u"server closed the connection unexpectedly"_s
                                 << int(ErrorCode::ConnectionLost);
        QTest::newRow("pg-auth") << QString() << u"FATAL:  password authentication failed for user \"iris\""_s
                                 << int(ErrorCode::AuthenticationFailed);
        QTest::newRow("pg-nodb") << u"3D000"_s << u"database \"x\" does not exist"_s << int(ErrorCode::NotFound);
    }

    void classifiesDriverErrors()
    {
        QFETCH(QString, native);
        QFETCH(QString, text);
        QFETCH(int, code);
        const bool pg = QByteArray(QTest::currentDataTag()).startsWith("pg-");
        const Error e = Database::classify(
            QSqlError(pg ? u"QPSQL: Unable to create query"_s : u"driver"_s, text,
                      pg && native.isEmpty() ? QSqlError::ConnectionError : QSqlError::StatementError, native),
            u"essai"_s);
        QCOMPARE(int(e.code()), code);
        QVERIFY(e.message().contains(u"essai"_s));
        QVERIFY(e.detail().contains(text));
    }

private:
    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TestDatabase)
#include "TestDatabase.moc"
