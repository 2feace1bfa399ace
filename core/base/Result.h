#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>
#include <utility>

namespace iris {

/// What went wrong, in terms a caller can act on.
enum class ErrorCode {
    Validation,          ///< input refused; fields() says which and why
    NotFound,
    Conflict,            ///< stale version (optimistic locking)
    Duplicate,           ///< unique key already taken
    PermissionDenied,    ///< the agent's role does not allow it
    AuthenticationFailed,
    DatabaseLocked,
    DatabaseReadOnly,
    DatabaseCorrupt,
    Contention,          ///< another workstation wrote the same rows at the same moment (serialization
                         ///< failure, deadlock, lock timeout); retried by Database::transaction first
    ConnectionLost,      ///< the database server cannot be reached (stopped, restarting, network down)
    SchemaTooNew,        ///< file written by a newer IRIS Desk: never touched
    DatabaseError,
    IoError,
    InvalidArgument,
    Unsupported,
};

/// One refused field, with a French message for the agent.
struct FieldError
{
    QString field;
    QString message;
};

/// A failure with a French, user-facing message (and optional technical detail).
class Error
{
public:
    Error() = default;
    Error(ErrorCode code, QString message, QList<FieldError> fields = {}, QString detail = {})
        : m_code(code)
        , m_message(std::move(message))
        , m_fields(std::move(fields))
        , m_detail(std::move(detail))
    {
    }

    static Error validation(QList<FieldError> fields)
    {
        return Error(ErrorCode::Validation, QStringLiteral("Certaines informations sont invalides."),
                     std::move(fields));
    }

    ErrorCode code() const { return m_code; }
    const QString& message() const { return m_message; }
    const QList<FieldError>& fields() const { return m_fields; }
    const QString& detail() const { return m_detail; }

    /// Message of the given field, empty when that field is fine.
    QString fieldMessage(const QString& field) const
    {
        for (const FieldError& f : m_fields) {
            if (f.field == field)
                return f.message;
        }
        return {};
    }

    /// Everything in one French paragraph, for a dialog or the command line.
    QString toString() const
    {
        QStringList parts{m_message};
        for (const FieldError& f : m_fields)
            parts << f.message;
        return parts.join(QLatin1Char('\n'));
    }

private:
    ErrorCode m_code = ErrorCode::DatabaseError;
    QString m_message;
    QList<FieldError> m_fields;
    QString m_detail;
};

/// Either a value or an Error. Minimal std::expected for C++20.
template<typename T>
class [[nodiscard]] Result
{
public:
    Result(T value) : m_value(std::move(value)) { }
    Result(Error error) : m_error(std::move(error)) { }

    bool ok() const { return m_value.has_value(); }
    explicit operator bool() const { return ok(); }

    T& value() & { return *m_value; }
    const T& value() const& { return *m_value; }
    T&& value() && { return std::move(*m_value); }
    T* operator->() { return &*m_value; }
    const T* operator->() const { return &*m_value; }
    T& operator*() & { return *m_value; }
    const T& operator*() const& { return *m_value; }

    const Error& error() const { return m_error; }

private:
    std::optional<T> m_value;
    Error m_error;
};

template<>
class [[nodiscard]] Result<void>
{
public:
    Result() = default;
    Result(Error error) : m_failed(true), m_error(std::move(error)) { }

    bool ok() const { return !m_failed; }
    explicit operator bool() const { return ok(); }
    const Error& error() const { return m_error; }

private:
    bool m_failed = false;
    Error m_error;
};

} // namespace iris
