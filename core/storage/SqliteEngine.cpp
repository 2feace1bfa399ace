#include "core/storage/DatabaseEngine.h"
#include "core/storage/Dialect.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlQuery>
#include <optional>
#include <sqlite3.h>

using namespace Qt::StringLiterals;

namespace iris::detail {

namespace {

QString tr(const char* text)
{
    return storageTr(text);
}

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

class SqliteEngine final : public DatabaseEngine
{
public:
    const Dialect& dialect() const override { return m_dialect; }

    Result<void> beforeOpen(const DatabaseConfig& config) const override
    {
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
                    tr("Le fichier de données « %1 » ne peut pas être lu.")
                        .arg(QDir::toNativeSeparators(path)),
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
                return Error(ErrorCode::NotFound,
                    tr("Le fichier de données « %1 » n'existe pas.").arg(QDir::toNativeSeparators(path)));
            if (!QDir().mkpath(info.absolutePath()))
                return Error(ErrorCode::IoError,
                    tr("Impossible de créer le dossier « %1 ».")
                        .arg(QDir::toNativeSeparators(info.absolutePath())));
        }

        if (info.exists()) {
            if (const std::optional<QSqlError> busy = lockProbe(path, config.busyTimeoutMs))
                return classifySqlite(*busy, tr("ouverture de la base"));
        }

        return {};
    }

    QSqlDatabase addConnection(const QString& name, const DatabaseConfig& config) const override
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        db.setDatabaseName(config.path);
        QStringList options { u"QSQLITE_BUSY_TIMEOUT=%1"_s.arg(qMax(0, config.busyTimeoutMs)) };
        if (config.readOnly)
            options << u"QSQLITE_OPEN_READONLY"_s;
        db.setConnectOptions(options.join(QLatin1Char(';')));
        return db;
    }

    void configure(QSqlDatabase& db, const DatabaseConfig& config) const override
    {
        QSqlQuery q(db);
        // Per-connection settings; none of them writes to the file.
        q.exec(u"PRAGMA foreign_keys = ON"_s);
        q.exec(u"PRAGMA synchronous = FULL"_s);
        q.exec(u"PRAGMA busy_timeout = %1"_s.arg(qMax(0, config.busyTimeoutMs)));
        q.exec(u"PRAGMA temp_store = MEMORY"_s);
        q.exec(u"PRAGMA cache_size = -16000"_s); // 16 MiB page cache per connection
    }

    Result<void> afterOpen(QSqlDatabase& db, const DatabaseConfig& config) const override
    {
        const QString path = config.path;
        // First read: fails with SQLITE_NOTADB / SQLITE_CORRUPT on a damaged file,
        // before anything is written.
        QStringList tables;
        {
            QSqlQuery q(db);
            if (!q.exec(u"SELECT name FROM sqlite_master WHERE type = 'table'"_s)) {
                Error e = classifySqlite(q.lastError(), tr("lecture de la base"));
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
                Error e = classifySqlite(q.lastError(), tr("ouverture de la base"));
                q.finish();
                return e;
            }
            if (q.value(0).toString().compare(u"wal"_s, Qt::CaseInsensitive) != 0) {
                q.finish();
                if (!q.exec(u"PRAGMA journal_mode = WAL"_s) || !q.next()
                    || q.value(0).toString().compare(u"wal"_s, Qt::CaseInsensitive) != 0) {
                    Error e = q.lastError().isValid()
                        ? classifySqlite(q.lastError(), tr("activation de la journalisation"))
                        : Error(ErrorCode::DatabaseError,
                            tr("Impossible d'activer la journalisation WAL de la base."));
                    q.finish();
                    return e;
                }
            }
        }
        return {};
    }

    bool isBroken(const QSqlDatabase&) const override { return false; }

    QString describe(const DatabaseConfig& config) const override
    {
        return QString(m_dialect.name() + u" — "_s + QDir::toNativeSeparators(config.path));
    }

private:
    SqliteDialect m_dialect;
};

} // namespace

std::unique_ptr<DatabaseEngine> makeSqliteEngine()
{
    return std::make_unique<SqliteEngine>();
}

Error classifySqlite(const QSqlError& error, const QString& context)
{
    bool ok = false;
    const int native = error.nativeErrorCode().toInt(&ok);
    const int primary = ok ? (native & 0xff) : -1;
    const QString text = error.databaseText().toLower() + u' ' + error.driverText().toLower();
    const QString detail = error.text();

    enum {
        Busy = 5,
        Locked = 6,
        ReadOnly = 8,
        IoErr = 10,
        Corrupt = 11,
        Full = 13,
        CantOpen = 14,
        Constraint = 19,
        NotADb = 26,
        Perm = 3
    };

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
            tr("La base de données est en lecture seule (%1) : rien n'a été enregistré.").arg(context), {},
            detail);
    if (primary == Corrupt || primary == NotADb || text.contains(u"not a database"_s)
        || text.contains(u"malformed"_s))
        return Error(ErrorCode::DatabaseCorrupt,
            tr("La base de données est endommagée ou n'est pas une base IRIS Desk (%1). "
               "Elle n'a pas été modifiée.")
                .arg(context),
            {}, detail);
    if (primary == Full)
        return Error(ErrorCode::IoError,
            tr("Le disque est plein (%1) : rien n'a été enregistré.").arg(context), {}, detail);
    if (primary == CantOpen)
        return Error(ErrorCode::IoError,
            tr("Le fichier de la base de données ne peut pas être ouvert (%1).").arg(context), {}, detail);
    if (primary == IoErr)
        return Error(ErrorCode::IoError,
            tr("Erreur de lecture ou d'écriture sur le disque (%1).").arg(context), {}, detail);
    if (primary == Constraint) {
        if (text.contains(u"unique"_s))
            return Error(
                ErrorCode::Duplicate, tr("Cet enregistrement existe déjà (%1).").arg(context), {}, detail);
        return Error(ErrorCode::DatabaseError,
            tr("L'enregistrement contredit une règle de la base (%1) : rien n'a été enregistré.")
                .arg(context),
            {}, detail);
    }
    return Error(ErrorCode::DatabaseError, tr("Erreur de la base de données (%1).").arg(context), {}, detail);
}

} // namespace iris::detail
