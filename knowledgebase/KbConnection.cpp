#include "knowledgebase/KbConnection.h"

#include "knowledgebase/Fts5RankFunction.h"
#include "knowledgebase/Fts5Tokenizer.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <sqlite3.h>

namespace iris::kb {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("iris::kb::KbConnection", text);
}

fts5_api* fts5Api(sqlite3* db)
{
    fts5_api* api = nullptr;
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &stmt, nullptr) == SQLITE_OK) {
        sqlite3_bind_pointer(stmt, 1, reinterpret_cast<void*>(&api), "fts5_api_ptr", nullptr);
        sqlite3_step(stmt);
    }
    sqlite3_finalize(stmt);
    return api;
}

} // namespace

KbConnection::KbConnection(sqlite3* db, QString path)
    : m_db(db)
    , m_path(std::move(path))
{
}

KbConnection::~KbConnection()
{
    sqlite3_close_v2(m_db);
}

Result<std::unique_ptr<KbConnection>> KbConnection::open(const QString& path, Mode mode)
{
    if (path.isEmpty())
        return Error(ErrorCode::InvalidArgument, tr("Aucun fichier de base de connaissances indiqué."));
    if (mode == Mode::ReadOnly && !QFileInfo::exists(path))
        return Error(ErrorCode::NotFound, tr("La base de connaissances « %1 » n'existe pas.").arg(path));
    sqlite3* db = nullptr;
    const int flags
        = mode == Mode::ReadOnly ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    const QByteArray file = QFileInfo(path).absoluteFilePath().toUtf8();
    int rc = sqlite3_open_v2(file.constData(), &db, flags | SQLITE_OPEN_NOMUTEX, nullptr);
    std::unique_ptr<KbConnection> connection(new KbConnection(db, path));
    if (rc != SQLITE_OK) {
        const ErrorCode code = rc == SQLITE_CANTOPEN ? ErrorCode::IoError : ErrorCode::DatabaseError;
        return Error(code, tr("Impossible d'ouvrir la base de connaissances « %1 ».").arg(path), {},
            QString::fromUtf8(sqlite3_errmsg(db)));
    }
    sqlite3_extended_result_codes(db, 1);
    sqlite3_busy_timeout(db, 5000);
    fts5_api* api = fts5Api(db);
    if (!api || registerFrenchTokenizer(api) != SQLITE_OK || registerRankFunction(api) != SQLITE_OK)
        return Error(
            ErrorCode::Unsupported, tr("Le moteur de recherche plein texte (FTS5) est indisponible."));
    if (mode == Mode::ReadWrite) {
        // The KB is shared, replaceable content: WAL lets searches run during an import
        // or a sync; NORMAL is durable across application crashes in WAL mode.
        if (auto r = connection->exec(
                "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA cache_size=-65536;");
            !r)
            return r.error();
    }
    if (auto r = connection->exec("PRAGMA foreign_keys=ON; PRAGMA temp_store=MEMORY;"); !r)
        return r.error();
    // Reading the header tells a non-database file apart before anyone relies on it.
    if (auto r = connection->exec("SELECT count(*) FROM sqlite_schema;"); !r)
        return Error(ErrorCode::DatabaseCorrupt,
            tr("Le fichier « %1 » n'est pas une base de connaissances lisible.").arg(path), {},
            r.error().detail());
    return connection;
}

Result<void> KbConnection::exec(std::string_view sql) const
{
    const std::string text(sql);
    char* message = nullptr;
    if (sqlite3_exec(m_db, text.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
        Error e = error(tr("Erreur de la base de connaissances."));
        if (message) {
            e = Error(e.code(), e.message(), {}, QString::fromUtf8(message));
            sqlite3_free(message);
        }
        return e;
    }
    return {};
}

Result<void> KbConnection::transaction(const std::function<Result<void>()>& work) const
{
    if (auto r = exec("BEGIN IMMEDIATE"); !r)
        return r;
    Result<void> result = work();
    if (result) {
        result = exec("COMMIT");
        if (result)
            return result;
    }
    (void)exec("ROLLBACK"); // the original error is the one to report
    return result;
}

int KbConnection::changes() const
{
    return sqlite3_changes(m_db);
}

qint64 KbConnection::dataVersion() const
{
    SqliteStatement stmt = prepare("PRAGMA data_version");
    return stmt.step() ? stmt.int64(0) : -1;
}

Error KbConnection::error(const QString& context) const
{
    const int rc = sqlite3_extended_errcode(m_db);
    ErrorCode code = ErrorCode::DatabaseError;
    switch (rc & 0xFF) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        code = ErrorCode::DatabaseLocked;
        break;
    case SQLITE_READONLY:
        code = ErrorCode::DatabaseReadOnly;
        break;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
        code = ErrorCode::DatabaseCorrupt;
        break;
    case SQLITE_IOERR:
    case SQLITE_FULL:
    case SQLITE_CANTOPEN:
        code = ErrorCode::IoError;
        break;
    default:
        break;
    }
    return Error(code, context, {}, QString::fromUtf8(sqlite3_errmsg(m_db)));
}

} // namespace iris::kb
