#include "tests/bench/PgFloor.h"

#include "core/storage/Database.h"
#include "core/storage/DatabaseEngine.h"

#include <QHash>
#include <QRegularExpression>

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

bool PgBare::execParams(const QByteArray& sql, const QList<QByteArray>& params, QByteArray* first)
{
    std::vector<const char*> values;
    for (const QByteArray& p : params)
        values.push_back(p.constData());
    return readAll(PQexecParams(m_conn, sql.constData(), int(values.size()), nullptr, values.data(), nullptr,
                       nullptr, 0),
        &m_error, m_conn, nullptr, first);
}

QueryTrace::QueryTrace(pg_conn* conn)
    : m_conn(conn)
{
    m_file = open_memstream(&m_buffer, &m_size);
    if (m_file && m_conn) {
        PQtrace(m_conn, m_file);
        PQsetTraceFlags(m_conn, PQTRACE_SUPPRESS_TIMESTAMPS);
    }
}

QueryTrace::~QueryTrace()
{
    (void)statements();
    std::free(m_buffer);
}

QList<QByteArray> QueryTrace::splitArguments(const QByteArray& list)
{
    QList<QByteArray> out;
    QByteArray current;
    bool quoted = false;
    for (qsizetype i = 0; i < list.size(); ++i) {
        const char c = list.at(i);
        if (quoted) {
            current += c;
            if (c == '\'') {
                if (i + 1 < list.size() && list.at(i + 1) == '\'')
                    current += list.at(++i);
                else
                    quoted = false;
            }
        } else if (c == '\'') {
            quoted = true;
            current += c;
        } else if (c == ',') {
            out << current.trimmed();
            current.clear();
        } else {
            current += c;
        }
    }
    if (!current.trimmed().isEmpty())
        out << current.trimmed();
    return out;
}

QByteArray QueryTrace::inlineArguments(QByteArray body, const QList<QByteArray>& literals)
{
    // From the highest index down, so that $1 does not eat the start of $12.
    for (qsizetype i = literals.size(); i >= 1; --i)
        body.replace(QByteArray(QByteArray("$") + QByteArray::number(i)), literals.at(i - 1));
    return body;
}

QList<QByteArray> QueryTrace::statements()
{
    if (!m_file)
        return {};
    if (m_conn)
        PQuntrace(m_conn);
    std::fclose(m_file);
    m_file = nullptr;
    const QByteArray text(m_buffer, qsizetype(m_size));

    // One message per line ("F\t<length>\tQuery\t \"…\""); a statement with a newline of its
    // own continues on the next lines, which do not start with a direction.
    QList<QByteArray> queries;
    for (const QByteArray& line : text.split('\n')) {
        if (line.startsWith("F\t") || line.startsWith("B\t")) {
            const qsizetype at = line.indexOf("\tQuery\t \"");
            queries << (line.startsWith("F\t") && at >= 0 ? line.mid(at + 9) : QByteArray());
        } else if (!queries.isEmpty() && !queries.constLast().isEmpty()) {
            queries.last() += '\n' + line;
        }
    }
    static const QRegularExpression prepare(u"^PREPARE (\\S+) AS (.*)$"_s, QRegularExpression::DotMatchesEverythingOption);
    static const QRegularExpression execute(u"^EXECUTE (\\S+)(?: \\((.*)\\))?$"_s, QRegularExpression::DotMatchesEverythingOption);
    QHash<QString, QByteArray> prepared;
    QList<QByteArray> out;
    for (QByteArray q : std::as_const(queries)) {
        if (q.isEmpty())
            continue;
        if (q.endsWith('"'))
            q.chop(1);
        const QString s = QString::fromUtf8(q);
        if (const auto m = prepare.match(s); m.hasMatch()) {
            prepared.insert(m.captured(1), m.captured(2).toUtf8());
        } else if (const auto e = execute.match(s); e.hasMatch()) {
            out << inlineArguments(prepared.value(e.captured(1)), splitArguments(e.captured(2).toUtf8()));
        } else if (!s.startsWith(u"DEALLOCATE"_s)) {
            out << q;
        }
    }
    return out;
}

} // namespace iris::bench
