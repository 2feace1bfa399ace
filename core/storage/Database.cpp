#include "core/storage/Database.h"

#include "core/storage/Dialect.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QMutex>
#include <QSet>
#include <QSqlDriver>
#include <QSqlQuery>
#include <QThreadStorage>

#include <sqlite3.h>

#include <atomic>
#include <optional>

using namespace Qt::StringLiterals;

namespace iris {

namespace {

/// One read of the schema on a throw-away connection, waiting the busy timeout once:
/// a file another program holds under an exclusive lock is reported after that single
/// wait, not after one wait per per-connection PRAGMA that needs the schema. Only a busy
/// or locked answer counts; anything else is left to the regular open to classify.
std::optional<QSqlError> lockProbe(const QString& path, int busyTimeoutMs)
{
    sqlite3* handle = nullptr;
    const int opened = sqlite3_open_v2(path.toUtf8().constData(), &handle, SQLITE_OPEN_READONLY, nullptr);
    std::optional<QSqlError> busy;
    if (opened == SQLITE_OK) {
        sqlite3_busy_timeout(handle, qMax(0, busyTimeoutMs));
        const int rc = sqlite3_exec(handle, "SELECT count(*) FROM sqlite_master", nullptr, nullptr, nullptr);
        if ((rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED)
            busy = QSqlError(QString(), QString::fromUtf8(sqlite3_errmsg(handle)), QSqlError::ConnectionError,
                             QString::number(rc));
    }
    sqlite3_close(handle);
    return busy;
}

std::atomic<quint64> g_databaseCounter{0};
std::atomic<quint64> g_connectionCounter{0};

/// Connection names of one Database, across threads.
struct ConnectionRegistry
{
    QMutex mutex;
    QSet<QString> names;
};

struct ThreadConnection
{
    QString name;
    std::weak_ptr<ConnectionRegistry> registry;
    int depth = 0;              ///< transaction nesting on this thread
    bool rollbackOnly = false;  ///< a nested step failed: the outer transaction must not commit
};

/// The calling thread's connections, removed when the thread ends.
struct ThreadConnections
{
    QHash<quint64, ThreadConnection> byDatabase;

    ~ThreadConnections()
    {
        // At process exit the application object may already be gone; the
        // driver then cleans up with the process.
        if (!QCoreApplication::instance())
            return;
        for (const ThreadConnection& c : std::as_const(byDatabase)) {
            if (auto registry = c.registry.lock()) {
                QMutexLocker lock(&registry->mutex);
                registry->names.remove(c.name);
            }
            if (QSqlDatabase::contains(c.name)) {
                QSqlDatabase::database(c.name, false).close();
                QSqlDatabase::removeDatabase(c.name);
            }
        }
    }
};

// QThreadStorage (not thread_local): Qt deletes it inside the thread's own finish
// step, before QThread::wait() returns, so a finished worker leaves no connection behind.
ThreadConnections& threadConnections()
{
    static QThreadStorage<ThreadConnections*> storage;
    if (!storage.hasLocalData())
        storage.setLocalData(new ThreadConnections);
    return *storage.localData();
}

const char* const kContext = "iris::Database";

QString tr(const char* text)
{
    return QCoreApplication::translate(kContext, text);
}

bool hasWriteBit(const QFileInfo& info)
{
    // Mode bits, not access(): an administrator who marked the file read-only
    // means it, even when IRIS Desk runs as root.
    const auto perms = info.permissions();
    return (perms & (QFile::WriteOwner | QFile::WriteGroup | QFile::WriteOther)) && info.isWritable();
}

Error readOnlyFileError(const QString& path)
{
    return Error(ErrorCode::DatabaseReadOnly,
                 tr("Le fichier de données « %1 » est en lecture seule : IRIS Desk ne peut pas y enregistrer. "
                    "Vérifiez ses droits d'accès ou ouvrez-le en consultation seule. Il n'a pas été modifié.")
                     .arg(QDir::toNativeSeparators(path)));
}

Error foreignFileError(const QString& path, const QString& detail)
{
    return Error(ErrorCode::DatabaseCorrupt,
                 tr("Le fichier « %1 » n'est pas une base de données IRIS Desk lisible (fichier endommagé ou "
                    "d'un autre format). Il n'a pas été modifié.")
                     .arg(QDir::toNativeSeparators(path)),
                 {}, detail);
}

} // namespace

struct Database::Private
{
    DatabaseConfig config;
    SqliteDialect dialect;
    quint64 key = ++g_databaseCounter;
    std::shared_ptr<ConnectionRegistry> registry = std::make_shared<ConnectionRegistry>();
};

Database::Database(DatabaseConfig config)
    : d(std::make_unique<Private>())
{
    d->config = std::move(config);
}

Database::~Database()
{
    // A plugin may drop the last reference during static destruction, after
    // QCoreApplication is gone and Qt's connection dictionary with it: the OS
    // reclaims the handles then, and touching QSqlDatabase would crash.
    if (QCoreApplication::instance())
        closeAll();
}

Result<std::shared_ptr<Database>> Database::open(const DatabaseConfig& config)
{
    if (config.driver != DatabaseConfig::Driver::Sqlite)
        return Error(ErrorCode::Unsupported, tr("Seules les bases SQLite sont prises en charge par cette version."));
    if (config.path.isEmpty())
        return Error(ErrorCode::InvalidArgument, tr("Aucun fichier de base de données n'a été indiqué."));

    const QString path = config.path;
    const QFileInfo info(path);
    if (info.exists()) {
        if (info.isDir())
            return Error(ErrorCode::InvalidArgument,
                         tr("« %1 » est un dossier, pas un fichier de base de données.")
                             .arg(QDir::toNativeSeparators(path)));
        // Recognise the file before SQLite touches it: a non-SQLite file must never
        // be written to (a WAL switch would overwrite its first bytes).
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return Error(ErrorCode::IoError,
                         tr("Le fichier de données « %1 » ne peut pas être lu.").arg(QDir::toNativeSeparators(path)),
                         {}, file.errorString());
        const QByteArray header = file.read(16);
        file.close();
        if (!header.isEmpty() && header != QByteArray("SQLite format 3\0", 16))
            return foreignFileError(path, u"unknown file header"_s);
        if (!config.readOnly) {
            if (!hasWriteBit(info))
                return readOnlyFileError(path);
            const QFileInfo dir(info.absolutePath());
            if (!hasWriteBit(dir) && !QFileInfo::exists(QString(path + u"-wal"_s)))
                return Error(ErrorCode::DatabaseReadOnly,
                             tr("Le dossier « %1 » est en lecture seule : IRIS Desk ne peut pas y enregistrer. "
                                "La base n'a pas été modifiée.")
                                 .arg(QDir::toNativeSeparators(info.absolutePath())));
        }
    } else {
        if (config.readOnly)
            return Error(ErrorCode::NotFound, tr("Le fichier de données « %1 » n'existe pas.")
                                                  .arg(QDir::toNativeSeparators(path)));
        if (!QDir().mkpath(info.absolutePath()))
            return Error(ErrorCode::IoError, tr("Impossible de créer le dossier « %1 ».")
                                                 .arg(QDir::toNativeSeparators(info.absolutePath())));
    }

    if (info.exists()) {
        if (const std::optional<QSqlError> busy = lockProbe(path, config.busyTimeoutMs))
            return classify(*busy, tr("ouverture de la base"));
    }

    std::shared_ptr<Database> database(new Database(config));
    QSqlDatabase db = database->connection();
    if (!db.isOpen()) {
        Error e = classify(db.lastError(), tr("ouverture de la base"));
        return e;
    }

    // First read: fails with SQLITE_NOTADB / SQLITE_CORRUPT on a damaged file,
    // before anything is written.
    QStringList tables;
    {
        QSqlQuery q(db);
        if (!q.exec(u"SELECT name FROM sqlite_master WHERE type = 'table'"_s)) {
            Error e = classify(q.lastError(), tr("lecture de la base"));
            q.finish();
            if (e.code() == ErrorCode::DatabaseCorrupt)
                return foreignFileError(path, e.detail());
            return e;
        }
        while (q.next())
            tables << q.value(0).toString();
    }
    QStringList ours = tables;
    ours.removeIf([](const QString& t) { return t.startsWith(u"sqlite_"_s); });
    if (!ours.isEmpty() && !ours.contains(u"schema_versions"_s)) {
        return foreignFileError(path, u"SQLite file without schema_versions"_s);
    }

    if (!config.readOnly) {
        QSqlQuery q(db);
        if (!q.exec(u"PRAGMA journal_mode"_s) || !q.next()) {
            Error e = classify(q.lastError(), tr("ouverture de la base"));
            q.finish();
            return e;
        }
        if (q.value(0).toString().compare(u"wal"_s, Qt::CaseInsensitive) != 0) {
            q.finish();
            if (!q.exec(u"PRAGMA journal_mode = WAL"_s) || !q.next()
                || q.value(0).toString().compare(u"wal"_s, Qt::CaseInsensitive) != 0) {
                Error e = q.lastError().isValid()
                    ? classify(q.lastError(), tr("activation de la journalisation"))
                    : Error(ErrorCode::DatabaseError, tr("Impossible d'activer la journalisation WAL de la base."));
                q.finish();
                    return e;
            }
        }
    }
    return database;
}

QSqlDatabase Database::connection() const
{
    ThreadConnections& mine = threadConnections();
    auto it = mine.byDatabase.constFind(d->key);
    if (it != mine.byDatabase.constEnd() && QSqlDatabase::contains(it->name))
        return QSqlDatabase::database(it->name, false);

    const QString name = u"iris-db%1-c%2"_s.arg(d->key).arg(++g_connectionCounter);
    QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
    db.setDatabaseName(d->config.path);
    QStringList options{u"QSQLITE_BUSY_TIMEOUT=%1"_s.arg(qMax(0, d->config.busyTimeoutMs))};
    if (d->config.readOnly)
        options << u"QSQLITE_OPEN_READONLY"_s;
    db.setConnectOptions(options.join(QLatin1Char(';')));
    {
        QMutexLocker lock(&d->registry->mutex);
        d->registry->names.insert(name);
    }
    ThreadConnection tc;
    tc.name = name;
    tc.registry = d->registry;
    mine.byDatabase.insert(d->key, tc);

    if (db.open()) {
        QSqlQuery q(db);
        // Per-connection settings; none of them writes to the file.
        q.exec(u"PRAGMA foreign_keys = ON"_s);
        q.exec(u"PRAGMA synchronous = FULL"_s);
        q.exec(u"PRAGMA busy_timeout = %1"_s.arg(qMax(0, d->config.busyTimeoutMs)));
        q.exec(u"PRAGMA temp_store = MEMORY"_s);
        q.exec(u"PRAGMA cache_size = -16000"_s);  // 16 MiB page cache per connection
    }
    return db;
}

const Dialect& Database::dialect() const
{
    return d->dialect;
}

const DatabaseConfig& Database::config() const
{
    return d->config;
}

QString Database::describe() const
{
    return QString(d->dialect.name() + u" — "_s + QDir::toNativeSeparators(d->config.path));
}

Result<void> Database::transaction(const std::function<Result<void>(QSqlDatabase&)>& work) const
{
    QSqlDatabase db = connection();
    if (!db.isOpen())
        return classify(db.lastError(), tr("ouverture de la base"));
    ThreadConnection& tc = threadConnections().byDatabase[d->key];

    if (tc.depth > 0) {
        ++tc.depth;
        Result<void> r = work(db);
        --tc.depth;
        if (!r)
            tc.rollbackOnly = true;
        return r;
    }

    QSqlQuery q(db);
    if (!q.exec(d->dialect.beginWrite()))
        return classify(q.lastError(), tr("début de l'enregistrement"));
    tc.depth = 1;
    tc.rollbackOnly = false;

    auto rollback = [&db] {
        QSqlQuery r(db);
        r.exec(u"ROLLBACK"_s);
    };

    Result<void> result;
    try {
        result = work(db);
    } catch (...) {
        threadConnections().byDatabase[d->key].depth = 0;
        rollback();
        throw;
    }
    ThreadConnection& after = threadConnections().byDatabase[d->key];
    after.depth = 0;
    if (!result) {
        rollback();
        return result;
    }
    if (after.rollbackOnly) {
        after.rollbackOnly = false;
        rollback();
        return Error(ErrorCode::DatabaseError,
                     tr("Une étape de l'enregistrement a échoué ; rien n'a été enregistré."));
    }
    if (!q.exec(u"COMMIT"_s)) {
        Error e = classify(q.lastError(), tr("validation de l'enregistrement"));
        rollback();
        return e;
    }
    return {};
}

Error Database::classify(const QSqlError& error, const QString& context)
{
    bool ok = false;
    const int native = error.nativeErrorCode().toInt(&ok);
    const int primary = ok ? (native & 0xff) : -1;
    const QString text = error.databaseText().toLower() + u' ' + error.driverText().toLower();
    const QString detail = error.text();

    enum { Busy = 5, Locked = 6, ReadOnly = 8, IoErr = 10, Corrupt = 11, Full = 13, CantOpen = 14,
           Constraint = 19, NotADb = 26, Perm = 3 };

    if (primary == Busy || primary == Locked || text.contains(u"database is locked"_s)
        || text.contains(u"database table is locked"_s))
        return Error(ErrorCode::DatabaseLocked,
                     tr("La base de données est occupée par un autre poste ou programme (%1). "
                        "Réessayez dans un instant ; rien n'a été enregistré.")
                         .arg(context),
                     {}, detail);
    if (primary == ReadOnly || primary == Perm || text.contains(u"readonly"_s)
        || text.contains(u"read-only"_s))
        return Error(ErrorCode::DatabaseReadOnly,
                     tr("La base de données est en lecture seule (%1) : rien n'a été enregistré.").arg(context),
                     {}, detail);
    if (primary == Corrupt || primary == NotADb || text.contains(u"not a database"_s)
        || text.contains(u"malformed"_s))
        return Error(ErrorCode::DatabaseCorrupt,
                     tr("La base de données est endommagée ou n'est pas une base IRIS Desk (%1). "
                        "Elle n'a pas été modifiée.")
                         .arg(context),
                     {}, detail);
    if (primary == Full)
        return Error(ErrorCode::IoError, tr("Le disque est plein (%1) : rien n'a été enregistré.").arg(context), {},
                     detail);
    if (primary == CantOpen)
        return Error(ErrorCode::IoError,
                     tr("Le fichier de la base de données ne peut pas être ouvert (%1).").arg(context), {}, detail);
    if (primary == IoErr)
        return Error(ErrorCode::IoError,
                     tr("Erreur de lecture ou d'écriture sur le disque (%1).").arg(context), {}, detail);
    if (primary == Constraint) {
        if (text.contains(u"unique"_s))
            return Error(ErrorCode::Duplicate,
                         tr("Cet enregistrement existe déjà (%1).").arg(context), {}, detail);
        return Error(ErrorCode::DatabaseError,
                     tr("L'enregistrement contredit une règle de la base (%1) : rien n'a été enregistré.")
                         .arg(context),
                     {}, detail);
    }
    return Error(ErrorCode::DatabaseError, tr("Erreur de la base de données (%1).").arg(context), {}, detail);
}

Result<void> Database::check(const QSqlQuery& query, const QString& context)
{
    if (query.lastError().type() == QSqlError::NoError)
        return {};
    return classify(query.lastError(), context);
}

void Database::closeAll()
{
    QList<QString> names;
    {
        QMutexLocker lock(&d->registry->mutex);
        names = d->registry->names.values();
        d->registry->names.clear();
    }
    ThreadConnections& here = threadConnections();
    const auto mine = here.byDatabase.constFind(d->key);
    if (mine != here.byDatabase.constEnd()) {
        if (QSqlDatabase::contains(mine->name))
            QSqlDatabase::database(mine->name, false).close();
        here.byDatabase.remove(d->key);
    }
    for (const QString& name : std::as_const(names))
        QSqlDatabase::removeDatabase(name);
}

} // namespace iris
