#pragma once

#include <QByteArray>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QStandardPaths>
#include <QString>
#include <QStringList>
#include <memory>

namespace iris::test {

/// A real SMTP server (aiosmtpd, tests/accueil/data/smtp_test_server.py) on a free port
/// of 127.0.0.1, delivering to a Maildir the test reads back through Python's own e-mail
/// parser — an independent check of what IRIS put on the wire.
class SmtpTestServer final
{
public:
    ~SmtpTestServer() { kill(); }

    static QString script()
    {
        return qEnvironmentVariable("IRIS_SOURCE_DIR")
            + QStringLiteral("/tests/accueil/data/smtp_test_server.py");
    }
    /// The Debian python3 (python3-aiosmtpd is a Debian package), else the first on PATH.
    static QString python()
    {
        const QString system
            = QStandardPaths::findExecutable(QStringLiteral("python3"), { QStringLiteral("/usr/bin") });
        return system.isEmpty() ? QStandardPaths::findExecutable(QStringLiteral("python3")) : system;
    }

    /// Starts the server; false with a message when it did not come up within 10 s.
    bool start(const QString& maildir, const QStringList& options = {}, QString* error = nullptr)
    {
        m_maildir = maildir;
        m_process = std::make_unique<QProcess>();
        m_process->setProcessChannelMode(QProcess::SeparateChannels);
        m_process->start(python(), QStringList { script(), QStringLiteral("serve"), maildir } + options);
        QByteArray out;
        while (m_process->waitForReadyRead(10000)) {
            out += m_process->readAllStandardOutput();
            if (out.contains('\n'))
                break;
        }
        const QByteArray line = out.trimmed();
        if (!line.startsWith("READY ")) {
            if (error)
                *error = QStringLiteral("serveur SMTP de test non démarré : ") + QString::fromUtf8(out)
                    + QString::fromUtf8(m_process->readAllStandardError());
            return false;
        }
        m_port = line.mid(6).toInt();
        return m_port > 0;
    }
    int port() const { return m_port; }
    QString maildir() const { return m_maildir; }
    QProcess* process() const { return m_process.get(); }

    /// Kills the server at once (SIGKILL), as a crash would.
    void kill()
    {
        if (m_process && m_process->state() != QProcess::NotRunning) {
            m_process->kill();
            m_process->waitForFinished(5000);
        }
    }

    /// Every message received, parsed by Python (headers decoded and raw, body decoded).
    QJsonArray messages() const
    {
        if (!QDir(m_maildir).exists())
            return {};
        QProcess dump;
        dump.start(python(), { script(), QStringLiteral("dump"), m_maildir });
        if (!dump.waitForFinished(20000) || dump.exitCode() != 0)
            return {};
        return QJsonDocument::fromJson(dump.readAllStandardOutput()).array();
    }

private:
    std::unique_ptr<QProcess> m_process;
    QString m_maildir;
    int m_port = 0;
};

} // namespace iris::test
