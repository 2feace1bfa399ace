#pragma once

#include <QByteArray>
#include <QString>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

namespace iris::kb {

/// A prepared statement on a raw SQLite connection (RAII). Binds are 1-based.
class SqliteStatement final
{
public:
    SqliteStatement() = default;
    SqliteStatement(sqlite3* db, std::string_view sql);
    ~SqliteStatement();
    SqliteStatement(SqliteStatement&& other) noexcept;
    SqliteStatement& operator=(SqliteStatement&& other) noexcept;
    SqliteStatement(const SqliteStatement&) = delete;
    SqliteStatement& operator=(const SqliteStatement&) = delete;

    bool isValid() const { return m_stmt != nullptr; }
    /// SQLite's message when preparing or the last step failed.
    QString errorMessage() const { return m_error; }

    void bind(int index, std::string_view utf8);
    void bind(int index, const QString& text);
    void bind(int index, qint64 value);
    void bindNull(int index);

    /// Advances: true while a row is available; false at the end or on error (see ok()).
    bool step();
    bool ok() const { return m_error.isEmpty(); }
    /// Resets for a new execution, keeping the prepared plan; clears bindings.
    void reset();

    qint64 int64(int column) const;
    double real(int column) const;
    QString text(int column) const;
    std::string_view utf8(int column) const;
    bool isNull(int column) const;

    sqlite3_stmt* handle() const { return m_stmt; }

private:
    sqlite3* m_db = nullptr;
    sqlite3_stmt* m_stmt = nullptr;
    QString m_error;
};

} // namespace iris::kb
