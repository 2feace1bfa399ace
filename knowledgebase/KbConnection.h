#pragma once

#include "core/base/Result.h"
#include "knowledgebase/SqliteStatement.h"

#include <QString>
#include <functional>
#include <memory>
#include <string_view>

struct sqlite3;

namespace iris::kb {

/// One raw SQLite connection to a knowledge-base file, with the French tokenizer and
/// the ranking function registered (every connection that touches the FTS index must
/// have them). Owned by one thread at a time; open one per thread.
class KbConnection final
{
public:
    enum class Mode { ReadWrite, ReadOnly };

    ~KbConnection();
    KbConnection(const KbConnection&) = delete;
    KbConnection& operator=(const KbConnection&) = delete;

    /// Opens (creating the file in ReadWrite mode) with WAL and a busy timeout.
    static Result<std::unique_ptr<KbConnection>> open(const QString& path, Mode mode = Mode::ReadWrite);

    sqlite3* handle() const { return m_db; }
    const QString& path() const { return m_path; }

    SqliteStatement prepare(std::string_view sql) const { return SqliteStatement(m_db, sql); }
    /// Runs one or more statements without results.
    Result<void> exec(std::string_view sql) const;

    /// BEGIN IMMEDIATE … COMMIT around work; rolls back when work fails or commit fails.
    Result<void> transaction(const std::function<Result<void>()>& work) const;

    /// Rows changed by the last INSERT, UPDATE or DELETE.
    int changes() const;

    /// Counter that changes when another connection commits (PRAGMA data_version).
    qint64 dataVersion() const;

    /// A French error for `context` with SQLite's message as detail.
    Error error(const QString& context) const;

private:
    KbConnection(sqlite3* db, QString path);
    sqlite3* m_db = nullptr;
    QString m_path;
};

} // namespace iris::kb
