#include "core/storage/PgDriver.h"
#include "core/storage/PgValues.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QLocale>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlField>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QSqlResult>
#include <QStringList>
#include <QUuid>
#include <QVariant>

#include <libpq-fe.h>

#include <cmath>
#include <cstdlib>
#include <deque>

Q_DECLARE_OPAQUE_POINTER(PGconn*)
Q_DECLARE_METATYPE(PGconn*)
Q_DECLARE_OPAQUE_POINTER(PGresult*)
Q_DECLARE_METATYPE(PGresult*)

using namespace Qt::StringLiterals;

namespace iris {
namespace {

using namespace detail::pg;

/// Server-side statements kept per connection; the oldest is released beyond this.
constexpr int kMaxStatements = 400;

class PgResult;

class PgDriver final : public QSqlDriver
{
public:
    PgDriver() = default;
    ~PgDriver() override { close(); }

    bool hasFeature(DriverFeature f) const override
    {
        switch (f) {
        case Transactions: case QuerySize: case LastInsertId: case LowPrecisionNumbers: case BLOB:
        case Unicode: case PreparedQueries: case PositionalPlaceholders: case MultipleResultSets:
            return true;
        default:
            return false;
        }
    }

    bool open(const QString& db, const QString& user, const QString& password, const QString& host, int port,
              const QString& options) override
    {
        close();
        const auto quote = [](QString s) {
            s.replace(u'\\', u"\\\\"_s).replace(u'\'', u"\\'"_s);
            return QString(u'\'' + s + u'\'');
        };
        QStringList info;
        if (!host.isEmpty())
            info << u"host="_s + quote(host);
        if (!db.isEmpty())
            info << u"dbname="_s + quote(db);
        if (!user.isEmpty())
            info << u"user="_s + quote(user);
        if (!password.isEmpty())
            info << u"password="_s + quote(password);
        if (port != -1)
            info << u"port="_s + quote(QString::number(port));
        if (!options.isEmpty())
            info << QString(options).replace(u';', u' ');
        m_conn = PQconnectdb(info.join(u' ').toUtf8().constData());
        if (PQstatus(m_conn) != CONNECTION_OK) {
            setLastError(makeError(u"Unable to connect"_s, QSqlError::ConnectionError, nullptr));
            setOpenError(true);
            PQfinish(m_conn);
            m_conn = nullptr;
            return false;
        }
        // What QPSQL sets, in one round trip: UTF-8, ISO dates, bytea as escape text, UTC.
        PGresult* r = PQexec(m_conn, "SET client_encoding TO 'UTF8'; SET DateStyle TO 'ISO'; "
                                     "SET bytea_output TO escape; SET TIME ZONE 'UTC'");
        const bool ok = PQresultStatus(r) == PGRES_COMMAND_OK;
        if (!ok)
            setLastError(makeError(u"Unable to set up the session"_s, QSqlError::ConnectionError, r));
        PQclear(r);
        if (!ok) {
            setOpenError(true);
            PQfinish(m_conn);
            m_conn = nullptr;
            return false;
        }
        setOpen(true);
        setOpenError(false);
        return true;
    }

    void close() override
    {
        if (m_conn)
            PQfinish(m_conn);
        m_conn = nullptr;
        m_statements.clear();
        m_order.clear();
        setOpen(false);
        setOpenError(false);
    }

    bool isOpen() const override { return m_conn && PQstatus(m_conn) == CONNECTION_OK; }

    QSqlResult* createResult() const override;

    bool beginTransaction() override { return command("BEGIN", QSqlError::TransactionError); }
    bool commitTransaction() override { return command("COMMIT", QSqlError::TransactionError); }
    bool rollbackTransaction() override { return command("ROLLBACK", QSqlError::TransactionError); }

    QStringList tables(QSql::TableType type) const override
    {
        QStringList out;
        if (!isOpen() || !(type & (QSql::Tables | QSql::Views)))
            return out;
        QString kinds;
        if (type & QSql::Tables)
            kinds += u"'r','p'"_s;
        if (type & QSql::Views)
            kinds += QString(kinds.isEmpty() ? u""_s : u","_s) + u"'v'"_s;
        QSqlQuery q(createResult());
        q.exec(u"SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
               u"WHERE c.relkind IN ("_s + kinds + u") AND n.nspname = current_schema() ORDER BY c.relname"_s);
        while (q.next())
            out << q.value(0).toString();
        return out;
    }

    QString escapeIdentifier(const QString& identifier, IdentifierType) const override
    {
        if (identifier.isEmpty() || (identifier.startsWith(u'"') && identifier.endsWith(u'"')))
            return identifier;
        QString e = identifier;
        e.replace(u'"', u"\"\""_s);
        return QString(u'"' + e + u'"');
    }

    /// SQL literals for statements built as text (db copy's multi-row INSERTs), as QPSQL
    /// writes them; strings and bytes escaped by libpq for this connection.
    QString formatValue(const QSqlField& field, bool trimStrings) const override
    {
        if (field.isNull())
            return u"NULL"_s;
        const QVariant v = field.value();
        switch (field.metaType().id()) {
        case QMetaType::QDateTime:
        case QMetaType::QDate:
        case QMetaType::QTime: {
            const QByteArray text = paramText(v);
            if (text.isNull())
                return u"NULL"_s;
            const QString type = field.metaType().id() == QMetaType::QDateTime ? u"TIMESTAMP WITH TIME ZONE "_s
                : field.metaType().id() == QMetaType::QDate                    ? u"DATE "_s
                                                                               : QString();
            return QString(type + u'\'' + QString::fromLatin1(text) + u'\'');
        }
        case QMetaType::Bool:
            return v.toBool() ? u"TRUE"_s : u"FALSE"_s;
        case QMetaType::QByteArray: {
            const QByteArray bytes = v.toByteArray();
            size_t length = 0;
            unsigned char* escaped = PQescapeByteaConn(
                m_conn, reinterpret_cast<const unsigned char*>(bytes.constData()), size_t(bytes.size()), &length);
            const QString out = u'\'' + QString::fromLatin1(reinterpret_cast<const char*>(escaped)) + u'\'';
            PQfreemem(escaped);
            return out;
        }
        case QMetaType::Double:
        case QMetaType::Float:
        case QMetaType::Int:
        case QMetaType::UInt:
        case QMetaType::LongLong:
        case QMetaType::ULongLong: {
            const QByteArray text = paramText(v);
            const bool special = text.contains('N') || text.contains('I'); // NaN, Infinity
            return special ? QString(u'\'' + QString::fromLatin1(text) + u'\'') : QString::fromLatin1(text);
        }
        default: {
            QString s = v.toString();
            if (trimStrings)
                while (s.endsWith(u' '))
                    s.chop(1);
            const QByteArray raw = s.toUtf8();
            QByteArray escaped(raw.size() * 2 + 1, Qt::Uninitialized);
            int err = 0;
            const size_t n = PQescapeStringConn(m_conn, escaped.data(), raw.constData(), size_t(raw.size()), &err);
            escaped.truncate(qsizetype(n));
            return QString(u'\'' + QString::fromUtf8(escaped) + u'\'');
        }
        }
    }

    QVariant handle() const override { return QVariant::fromValue(m_conn); }

    QSqlError makeError(const QString& what, QSqlError::ErrorType type, const PGresult* r) const
    {
        const char* message = r ? PQresultErrorMessage(r) : nullptr;
        if (!message || !*message)
            message = m_conn ? PQerrorMessage(m_conn) : "";
        QString text = QString::fromUtf8(message).trimmed();
        QString state;
        if (r)
            state = QString::fromLatin1(PQresultErrorField(r, PG_DIAG_SQLSTATE));
        if (!state.isEmpty())
            text += u" ("_s + state + u')';
        return QSqlError(QString::fromUtf16(detail::kPgDriverPrefix) + u": "_s + what, text, type, state);
    }

    /// The server-side name of sql, prepared on first use (false and *error when it fails).
    bool statementFor(const QByteArray& sql, QByteArray* name, QSqlError* error)
    {
        if (auto it = m_statements.constFind(sql); it != m_statements.constEnd()) {
            *name = *it;
            return true;
        }
        const QByteArray fresh = "iris_" + QByteArray::number(++m_counter);
        PGresult* r = PQprepare(m_conn, fresh.constData(), sql.constData(), 0, nullptr);
        const bool ok = PQresultStatus(r) == PGRES_COMMAND_OK;
        if (!ok)
            *error = makeError(u"Unable to prepare statement"_s, QSqlError::StatementError, r);
        PQclear(r);
        if (!ok)
            return false;
        if (m_order.size() >= kMaxStatements)
            release(m_order.front());
        m_statements.insert(sql, fresh);
        m_order.push_back(sql);
        *name = fresh;
        return true;
    }

    /// Forgets sql's statement (the server refused to run it again, e.g. after a schema change).
    void release(const QByteArray& sql)
    {
        const QByteArray name = m_statements.take(sql);
        for (auto it = m_order.begin(); it != m_order.end(); ++it) {
            if (*it == sql) {
                m_order.erase(it);
                break;
            }
        }
        if (!name.isEmpty() && m_conn)
            PQclear(PQexec(m_conn, QByteArray("DEALLOCATE " + name).constData()));
    }

    PGconn* conn() const { return m_conn; }
    int statementCount() const { return int(m_statements.size()); }
    void observe(const QByteArray& sql, const QList<QByteArray>& params) const
    {
        if (m_observer)
            m_observer(sql, params);
    }
    void setObserver(PgStatementObserver o) { m_observer = std::move(o); }

private:
    bool command(const char* sql, QSqlError::ErrorType type)
    {
        if (!isOpen())
            return false;
        observe(sql, {});
        PGresult* r = PQexec(m_conn, sql);
        const bool ok = PQresultStatus(r) == PGRES_COMMAND_OK;
        if (!ok)
            setLastError(makeError(QString::fromLatin1(sql), type, r));
        PQclear(r);
        return ok;
    }

    PGconn* m_conn = nullptr;
    QHash<QByteArray, QByteArray> m_statements; ///< SQL ($n placeholders) → server-side name
    std::deque<QByteArray> m_order;             ///< SQL in the order prepared
    quint64 m_counter = 0;
    PgStatementObserver m_observer;
};

class PgResult final : public QSqlResult
{
public:
    explicit PgResult(const PgDriver* driver)
        : QSqlResult(driver)
    {
    }
    ~PgResult() override { clear(); }

    QVariant handle() const override { return QVariant::fromValue(m_result); }

protected:
    bool reset(const QString& query) override
    {
        clear();
        PgDriver* drv = pg();
        if (!drv || !drv->isOpen())
            return false;
        const QByteArray sql = query.toUtf8();
        drv->observe(sql, {});
        if (!PQsendQuery(drv->conn(), sql.constData())) {
            setLastError(drv->makeError(u"Unable to send query"_s, QSqlError::StatementError, nullptr));
            return false;
        }
        // Every result of a script, the first one current.
        while (PGresult* r = PQgetResult(drv->conn())) {
            if (!m_result)
                m_result = r;
            else
                m_more.push_back(r);
        }
        return processResult();
    }

    bool prepare(const QString& query) override
    {
        clear();
        m_sql = numberedPlaceholders(query);
        PgDriver* drv = pg();
        if (!drv || !drv->isOpen())
            return false;
        QSqlError error;
        if (!drv->statementFor(m_sql, &m_name, &error)) {
            setLastError(error);
            m_name.clear();
            return false;
        }
        return true;
    }

    bool exec() override
    {
        clear();
        PgDriver* drv = pg();
        if (!drv || !drv->isOpen() || m_name.isEmpty())
            return false;
        const QVariantList values = boundValues();
        QList<QByteArray> texts;
        texts.reserve(values.size());
        for (const QVariant& v : values)
            texts << paramText(v);
        QList<const char*> pointers;
        pointers.reserve(texts.size());
        for (const QByteArray& t : std::as_const(texts))
            pointers << (t.isNull() ? nullptr : t.constData());
        drv->observe(m_sql, texts);
        m_result = PQexecPrepared(drv->conn(), m_name.constData(), int(pointers.size()), pointers.constData(),
                                  nullptr, nullptr, 0);
        if (m_result && PQresultStatus(m_result) == PGRES_FATAL_ERROR) {
            // A statement prepared before a schema change may no longer be runnable
            // ("cached plan must not change result type"): prepare it afresh next time.
            if (qstrcmp(PQresultErrorField(m_result, PG_DIAG_SQLSTATE), "0A000") == 0) {
                drv->release(m_sql);
                m_name.clear();
            }
        }
        return processResult();
    }

    bool fetch(int i) override
    {
        if (!isActive() || i < 0 || i >= m_size)
            return false;
        setAt(i);
        return true;
    }
    bool fetchFirst() override { return fetch(0); }
    bool fetchLast() override { return fetch(m_size - 1); }
    bool fetchNext() override
    {
        const int row = at() == QSql::BeforeFirstRow ? 0 : at() + 1;
        if (at() == QSql::AfterLastRow || !fetch(row)) {
            setAt(QSql::AfterLastRow);
            return false;
        }
        return true;
    }

    bool nextResult() override
    {
        if (m_more.empty())
            return false;
        PQclear(m_result);
        m_result = m_more.front();
        m_more.pop_front();
        setAt(QSql::BeforeFirstRow);
        return processResult();
    }

    QVariant data(int field) override
    {
        if (!m_result || field < 0 || field >= PQnfields(m_result) || at() < 0)
            return QVariant();
        const Oid type = PQftype(m_result, field);
        if (PQgetisnull(m_result, at(), field))
            return QVariant(metaTypeOf(type), nullptr);
        return readValue(PQgetvalue(m_result, at(), field), type);
    }

    bool isNull(int field) override
    {
        return !m_result || at() < 0 || PQgetisnull(m_result, at(), field);
    }

    int size() override { return isSelect() ? m_size : -1; }

    int numRowsAffected() override
    {
        return m_result ? QByteArray(PQcmdTuples(m_result)).toInt() : -1;
    }

    QSqlRecord record() const override
    {
        QSqlRecord info;
        if (!isActive() || !isSelect() || !m_result)
            return info;
        for (int i = 0; i < PQnfields(m_result); ++i) {
            QSqlField f(QString::fromUtf8(PQfname(m_result, i)), metaTypeOf(PQftype(m_result, i)));
            info.append(f);
        }
        return info;
    }

    QVariant lastInsertId() const override
    {
        QSqlQuery q(driver()->createResult());
        if (q.exec(u"SELECT lastval()"_s) && q.next())
            return q.value(0);
        return QVariant();
    }

private:
    PgDriver* pg() const { return const_cast<PgDriver*>(static_cast<const PgDriver*>(driver())); }

    bool processResult()
    {
        m_size = -1;
        const ExecStatusType status = m_result ? PQresultStatus(m_result) : PGRES_FATAL_ERROR;
        if (status == PGRES_TUPLES_OK) {
            setSelect(true);
            setActive(true);
            m_size = PQntuples(m_result);
            return true;
        }
        if (status == PGRES_COMMAND_OK || status == PGRES_EMPTY_QUERY) {
            setSelect(false);
            setActive(true);
            return true;
        }
        setSelect(false);
        setActive(false);
        setLastError(pg()->makeError(u"Unable to create query"_s, QSqlError::StatementError, m_result));
        return false;
    }

    void clear()
    {
        if (m_result)
            PQclear(m_result);
        m_result = nullptr;
        for (PGresult* r : m_more)
            PQclear(r);
        m_more.clear();
        m_size = -1;
        setAt(QSql::BeforeFirstRow);
        setActive(false);
    }

    QByteArray m_sql;  ///< the prepared statement, $n placeholders
    QByteArray m_name; ///< its server-side name
    PGresult* m_result = nullptr;
    std::deque<PGresult*> m_more;
    int m_size = -1;
};

QSqlResult* PgDriver::createResult() const
{
    return new PgResult(this);
}

PgDriver* pgDriverOf(const QSqlDatabase& db)
{
    return db.isValid() ? dynamic_cast<PgDriver*>(db.driver()) : nullptr;
}

} // namespace

namespace detail {

QSqlDriver* makePgDriver()
{
    return new PgDriver;
}

} // namespace detail

void setPgStatementObserver(const QSqlDatabase& db, PgStatementObserver observer)
{
    if (PgDriver* d = pgDriverOf(db))
        d->setObserver(std::move(observer));
}

int pgPreparedStatementCount(const QSqlDatabase& db)
{
    PgDriver* d = pgDriverOf(db);
    return d ? d->statementCount() : 0;
}

} // namespace iris
