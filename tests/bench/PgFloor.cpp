#include "tests/bench/PgFloor.h"

#include "core/storage/Database.h"
#include "core/storage/DatabaseEngine.h"
#include "core/storage/PgDriver.h"

#include <QHash>

#include <libpq-fe.h>

#include <cstdlib>
#include <vector>

using namespace Qt::StringLiterals;

namespace iris::bench {

PgBare::~PgBare()
{
    if (m_conn)
        PQfinish(m_conn);
}

bool PgBare::connect(const DatabaseConfig& config)
{
    const QList<std::pair<QByteArray, QByteArray>> params = detail::postgresConnectParams(config, u"iris-bench-floor"_s);
    std::vector<const char*> keys;
    std::vector<const char*> values;
    for (const auto& [k, v] : params) {
        keys.push_back(k.constData());
        values.push_back(v.constData());
    }
    keys.push_back(nullptr);
    values.push_back(nullptr);
    m_conn = PQconnectdbParams(keys.data(), values.data(), 0);
    if (PQstatus(m_conn) != CONNECTION_OK) {
        m_error = QString::fromUtf8(PQerrorMessage(m_conn));
        return false;
    }
    return true;
}

namespace {

bool readAll(PGresult* r, QString* error, pg_conn* conn, int* rows, QByteArray* first)
{
    const ExecStatusType status = PQresultStatus(r);
    const bool ok = status == PGRES_TUPLES_OK || status == PGRES_COMMAND_OK;
    if (!ok)
        *error = QString::fromUtf8(PQerrorMessage(conn));
    const int n = PQntuples(r);
    const int cols = PQnfields(r);
    volatile char sink = 0;
    for (int i = 0; i < n; ++i)
        for (int c = 0; c < cols; ++c)
            sink = sink ^ PQgetvalue(r, i, c)[0];
    if (rows)
        *rows = n;
    if (first && n > 0 && cols > 0)
        *first = QByteArray(PQgetvalue(r, 0, 0));
    PQclear(r);
    return ok;
}

} // namespace

bool PgBare::exec(const QByteArray& sql, int* rows)
{
    return readAll(PQexec(m_conn, sql.constData()), &m_error, m_conn, rows, nullptr);
}

bool PgBare::execPrepared(const QByteArray& sql, const QList<QByteArray>& params, QByteArray* first)
{
    auto it = m_prepared.constFind(sql);
    if (it == m_prepared.constEnd()) {
        const QByteArray name = "floor_" + QByteArray::number(m_prepared.size() + 1);
        PGresult* r = PQprepare(m_conn, name.constData(), sql.constData(), 0, nullptr);
        const bool ok = PQresultStatus(r) == PGRES_COMMAND_OK;
        PQclear(r);
        if (!ok) {
            m_error = QString::fromUtf8(PQerrorMessage(m_conn));
            return false;
        }
        it = m_prepared.insert(sql, name);
    }
    std::vector<const char*> values;
    for (const QByteArray& p : params)
        values.push_back(p.isNull() ? nullptr : p.constData());
    return readAll(PQexecPrepared(m_conn, it->constData(), int(values.size()), values.data(), nullptr, nullptr, 0),
        &m_error, m_conn, nullptr, first);
}

bool PgBare::execParams(const QByteArray& sql, const QList<QByteArray>& params, QByteArray* first)
{
    std::vector<const char*> values;
    for (const QByteArray& p : params)
        values.push_back(p.isNull() ? nullptr : p.constData());
    return readAll(PQexecParams(m_conn, sql.constData(), int(values.size()), nullptr, values.data(), nullptr,
                       nullptr, 0),
        &m_error, m_conn, nullptr, first);
}

QueryTrace::QueryTrace(const QSqlDatabase& db)
    : m_db(db)
    , m_seen(std::make_shared<QList<TracedStatement>>())
{
    auto seen = m_seen;
    setPgStatementObserver(m_db, [seen](const QByteArray& sql, const QList<QByteArray>& params) {
        seen->append(TracedStatement { sql, params });
    });
}

QueryTrace::~QueryTrace()
{
    (void)statements();
}

QList<TracedStatement> QueryTrace::statements()
{
    if (!m_stopped) {
        setPgStatementObserver(m_db, {});
        m_stopped = true;
    }
    return *m_seen;
}

} // namespace iris::bench
