#pragma once

#include <QString>
#include <QTemporaryDir>

namespace iris::test {

/// A PostgreSQL cluster of one suite's own (scripts/test-pg-cluster.sh), for the tests that
/// stop and restart the server in the middle of a session — the shared "iris_pg" fixture's
/// server must stay up for the other suites running meanwhile. Stopped and removed on
/// destruction.
class OwnPgCluster final
{
public:
    OwnPgCluster() = default;
    ~OwnPgCluster();
    OwnPgCluster(const OwnPgCluster&) = delete;
    OwnPgCluster& operator=(const OwnPgCluster&) = delete;

    /// Keep fsync and synchronous commits (the benchmarks); before start().
    void setDurable(bool durable) { m_durable = durable; }
    /// initdb and start; false and a message when the server binaries are missing or it fails
    /// (the suite then fails: it never skips).
    bool start(QString* error);
    /// Fast shutdown (every connection is closed by the server), data kept.
    bool pause(QString* error);
    /// Starts again on the same port.
    bool resume(QString* error);

    /// The server's data folder (pg_hba.conf, postgresql.conf…).
    QString dataDir() const;

    /// "postgresql://iris@127.0.0.1:PORT/postgres"
    QString uri() const { return m_uri; }
    /// The state folder's uri file (what IRIS_TEST_PG_URI_FILE names).
    QString uriFile() const;

private:
    bool run(const QString& action, QString* error);
    QTemporaryDir m_state;
    QString m_uri;
    bool m_started = false;
    bool m_durable = false;
};

} // namespace iris::test
