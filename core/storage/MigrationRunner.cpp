#include "core/storage/MigrationRunner.h"

#include "core/storage/ChangeFeed.h"

#include "core/storage/Database.h"
#include "core/storage/Dialect.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QSqlQuery>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace iris {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("iris::MigrationRunner", text);
}

Result<bool> versionTableExists(QSqlDatabase& db, const Dialect& dialect)
{
    QSqlQuery q(db);
    q.prepare(dialect.tableExistsQuery());
    q.bindValue(u":name"_s, u"schema_versions"_s);
    if (!q.exec())
        return Database::classify(q.lastError(), tr("lecture de la version du schéma"));
    return q.next();
}

Result<int> readVersion(QSqlDatabase& db, const Dialect& dialect, const QString& owner)
{
    const Result<bool> exists = versionTableExists(db, dialect);
    if (!exists)
        return exists.error();
    if (!*exists)
        return 0;
    QSqlQuery q(db);
    q.prepare(u"SELECT version FROM schema_versions WHERE owner = :owner"_s);
    q.bindValue(u":owner"_s, owner);
    if (!q.exec())
        return Database::classify(q.lastError(), tr("lecture de la version du schéma"));
    return q.next() ? q.value(0).toInt() : 0;
}

} // namespace

void MigrationRunner::add(const QString& owner, QList<Migration> steps)
{
    std::sort(steps.begin(), steps.end(),
              [](const Migration& a, const Migration& b) { return a.version < b.version; });
    for (Owner& o : m_owners) {
        if (o.name == owner) {
            o.steps = std::move(steps);
            return;
        }
    }
    m_owners.append(Owner{owner, std::move(steps)});
}

QStringList MigrationRunner::owners() const
{
    QStringList names;
    for (const Owner& o : m_owners)
        names << o.name;
    return names;
}

int MigrationRunner::latestVersion(const QString& owner) const
{
    for (const Owner& o : m_owners) {
        if (o.name == owner)
            return o.steps.isEmpty() ? 0 : o.steps.constLast().version;
    }
    return 0;
}

QList<std::pair<int, QString>> MigrationRunner::steps(const QString& owner) const
{
    QList<std::pair<int, QString>> out;
    for (const Owner& o : m_owners) {
        if (o.name != owner)
            continue;
        for (const Migration& m : o.steps)
            out.append({m.version, m.description});
    }
    return out;
}

Result<QList<std::pair<QString, int>>> MigrationRunner::installedVersions(const Database& database)
{
    QSqlDatabase db = database.connection();
    if (!db.isOpen())
        return Database::classify(db.lastError(), tr("ouverture de la base"));
    const Result<bool> exists = versionTableExists(db, database.dialect());
    if (!exists)
        return exists.error();
    QList<std::pair<QString, int>> out;
    if (!*exists)
        return out;
    QSqlQuery q(db);
    if (!q.exec(u"SELECT owner, version FROM schema_versions ORDER BY owner"_s))
        return Database::classify(q.lastError(), tr("lecture de la version du schéma"));
    while (q.next())
        out.append({q.value(0).toString(), q.value(1).toInt()});
    return out;
}

Result<int> MigrationRunner::installedVersion(const Database& database, const QString& owner)
{
    QSqlDatabase db = database.connection();
    if (!db.isOpen())
        return Database::classify(db.lastError(), tr("ouverture de la base"));
    return readVersion(db, database.dialect(), owner);
}

Result<void> MigrationRunner::run(const Database& database) const
{
    return runOwners(database, owners());
}

Result<void> MigrationRunner::run(const Database& database, const QString& owner) const
{
    return runOwners(database, {owner});
}

Result<void> MigrationRunner::runOwners(const Database& database, const QStringList& names) const
{
    QSqlDatabase db = database.connection();
    if (!db.isOpen())
        return Database::classify(db.lastError(), tr("ouverture de la base"));
    const Dialect& dialect = database.dialect();

    // Check everything before the first write: a file from a newer IRIS Desk
    // (for any owner) is left exactly as it is.
    QList<std::pair<const Owner*, int>> pending;
    for (const QString& name : names) {
        auto it = std::find_if(m_owners.cbegin(), m_owners.cend(), [&](const Owner& o) { return o.name == name; });
        if (it == m_owners.cend())
            return Error(ErrorCode::InvalidArgument,
                         tr("Aucune migration n'est déclarée pour « %1 ».").arg(name));
        for (int i = 0; i < it->steps.size(); ++i) {
            if (it->steps.at(i).version != i + 1 || !it->steps.at(i).apply)
                return Error(ErrorCode::InvalidArgument,
                             tr("Les étapes de schéma de « %1 » ne sont pas numérotées 1, 2, 3…").arg(name));
        }
        const Result<int> installed = readVersion(db, dialect, name);
        if (!installed)
            return installed.error();
        const int latest = it->steps.isEmpty() ? 0 : it->steps.constLast().version;
        if (*installed > latest)
            return Error(ErrorCode::SchemaTooNew,
                         tr("Cette base de données a été enregistrée par une version plus récente d'IRIS Desk "
                            "(schéma « %1 » en version %2, cette version ne connaît que la version %3). "
                            "Elle n'a pas été modifiée : mettez IRIS Desk à jour pour l'ouvrir.")
                             .arg(name)
                             .arg(*installed)
                             .arg(latest));
        if (*installed < latest)
            pending.append({&*it, *installed});
    }
    if (pending.isEmpty())
        return {};
    if (database.config().readOnly)
        return Error(ErrorCode::DatabaseReadOnly,
                     tr("La base est ouverte en lecture seule mais doit être mise à jour ; ouvrez-la normalement "
                        "pour la mettre à jour."));

    // Each step and its version bump in one transaction, behind the dialect's migration lock:
    // two workstations starting the new version at once take turns, and the second finds the
    // step done (the version is read again under the lock).
    auto lockAndCreate = [&](QSqlDatabase& tx) -> Result<void> {
        QSqlQuery q(tx);
        if (const QString lock = dialect.migrationLock(); !lock.isEmpty() && !q.exec(lock))
            return Database::classify(q.lastError(), tr("verrouillage de la mise à jour du schéma"));
        if (!q.exec(u"CREATE TABLE IF NOT EXISTS schema_versions ("
                    "owner %1 PRIMARY KEY, version %2 NOT NULL, applied_at %3 NOT NULL)"_s.arg(
                        dialect.textType(), dialect.intType(), dialect.timestampType())))
            return Database::classify(q.lastError(), tr("création de la table des versions"));
        return {};
    };

    for (const auto& [owner, installed] : std::as_const(pending)) {
        for (const Migration& step : owner->steps) {
            if (step.version <= installed)
                continue;
            Result<void> r = database.transaction([&](QSqlDatabase& tx) -> Result<void> {
                if (Result<void> locked = lockAndCreate(tx); !locked)
                    return locked;
                const Result<int> now = readVersion(tx, dialect, owner->name);
                if (!now)
                    return now.error();
                if (*now >= step.version)
                    return {};  // done meanwhile by another workstation
                if (*now != step.version - 1)
                    return Error(ErrorCode::Conflict,
                                 tr("Le schéma « %1 » a changé pendant la mise à jour (version %2).")
                                     .arg(owner->name)
                                     .arg(*now));
                Result<void> applied = step.apply(tx, dialect);
                if (!applied)
                    return applied;
                QSqlQuery q(tx);
                q.prepare(dialect.upsert(u"schema_versions"_s, {u"owner"_s, u"version"_s, u"applied_at"_s},
                                         {u"owner"_s}, {u"version"_s, u"applied_at"_s}));
                q.bindValue(u":owner"_s, owner->name);
                q.bindValue(u":version"_s, step.version);
                q.bindValue(u":applied_at"_s, dialect.toDbDateTime(QDateTime::currentDateTimeUtc()));
                if (!q.exec())
                    return Database::classify(q.lastError(), tr("enregistrement de la version du schéma"));
                return {};
            });
            if (!r)
                return Error(r.error().code(),
                             tr("La mise à jour du schéma « %1 » vers la version %2 (%3) a échoué ; la base est "
                                "restée en version %4. %5")
                                 .arg(owner->name)
                                 .arg(step.version)
                                 .arg(step.description)
                                 .arg(step.version - 1)
                                 .arg(r.error().message()),
                             r.error().fields(), r.error().detail());
        }
    }
    // The new tables notify the other workstations of their changes (PostgreSQL).
    return database.transaction([&](QSqlDatabase& tx) -> Result<void> {
        if (Result<void> locked = lockAndCreate(tx); !locked)
            return locked;
        return installChangeTriggers(tx, database);
    });
}

} // namespace iris
