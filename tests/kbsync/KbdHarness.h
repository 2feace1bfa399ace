#pragma once

#include <QJsonObject>
#include <QList>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QUrl>
#include <memory>

namespace iris::test {

/// Drives the real iris-kbd binary from tests: key pairs, publishes, a server on
/// 127.0.0.1 with a port chosen by the system (read back from its log).
class KbdHarness final
{
public:
    static QString binary();

    struct Run
    {
        int exitCode = -1;
        QString out;
        QString err;
    };
    static Run run(const QStringList& args, int timeoutMs = 60000);

    /// keygen into dir/secret.key and dir/public.key; returns false on failure.
    static bool keygen(const QString& dir);
    static Run publish(const QString& store, const QString& jsonl, const QString& secret);

    /// A synthetic article in the city-site format.
    static QJsonObject article(const QString& id, const QString& title, const QString& body,
        const QString& section = QStringLiteral("demarches"));
    static void writeJsonl(const QString& path, const QList<QJsonObject>& articles);

    /// Starts `iris-kbd serve`; extra arguments e.g. {"--cert", c, "--key", k}. Empty URL on failure.
    QUrl start(const QString& store, const QStringList& extra = {}, bool tls = false);
    void stop();
    /// Everything the server wrote on standard output so far (the access log).
    QStringList logLines();
    QProcess* process() const { return m_process.get(); }
    ~KbdHarness();

private:
    std::unique_ptr<QProcess> m_process;
    QByteArray m_log;
};

} // namespace iris::test
