#pragma once

#include "core/storage/Database.h"
#include "core/storage/Dialect.h"
#include "core/storage/MigrationRunner.h"
#include "core/storage/schema/CoreSchema.h"
#include "tests/support/TestEngines.h"

#include <QCryptographicHash>
#include <QFile>
#include <QSqlQuery>
#include <QTest>
#include <memory>

namespace iris::test {

/// SHA-256 of a file's bytes ("" when it cannot be read).
inline QByteArray fileHash(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
}

/// Opens (creating) a database at path — on PostgreSQL a new database on the test server —
/// and installs the core schema; fails the test otherwise. `options` carries the settings
/// other than the location (readOnly, busyTimeoutMs).
inline std::shared_ptr<Database> openMigrated(const QString& path, DatabaseConfig options = {})
{
    Result<DatabaseConfig> fresh = freshDatabaseConfig(path);
    if (!fresh) {
        QTest::qFail(qPrintable(fresh.error().toString()), __FILE__, __LINE__);
        return {};
    }
    DatabaseConfig config = *fresh;
    config.readOnly = options.readOnly;
    config.busyTimeoutMs = options.busyTimeoutMs;
    auto opened = Database::open(config);
    if (!opened) {
        QTest::qFail(qPrintable(opened.error().toString() + QLatin1Char(' ') + opened.error().detail()),
            __FILE__, __LINE__);
        return {};
    }
    MigrationRunner runner;
    runner.add(kCoreSchemaOwner, coreMigrations());
    const Result<void> migrated = runner.run(**opened);
    if (!migrated) {
        QTest::qFail(qPrintable(migrated.error().toString() + QLatin1Char(' ') + migrated.error().detail()),
            __FILE__, __LINE__);
        return {};
    }
    return *opened;
}

/// First column of the first row of a query ("" / invalid when none).
inline QVariant scalar(QSqlDatabase db, const QString& sql)
{
    QSqlQuery q(db);
    if (!q.exec(sql) || !q.next())
        return {};
    return q.value(0);
}

/// The database's own tables, by name (either engine).
inline QStringList tableNames(const Database& db)
{
    QStringList names;
    QSqlQuery q(db.connection());
    if (q.exec(db.dialect().listTablesQuery()))
        while (q.next())
            names << q.value(0).toString();
    return names;
}

} // namespace iris::test
