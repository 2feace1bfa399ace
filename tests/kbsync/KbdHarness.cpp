#include "KbdHarness.h"

#include "tests/support/TestPaths.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace iris::test {

QString KbdHarness::binary()
{
    return binaryDir() + u"/bin/iris-kbd"_s;
}

KbdHarness::Run KbdHarness::run(const QStringList& args, int timeoutMs)
{
    QProcess p;
    p.start(binary(), args);
    Run r;
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        r.err = u"timeout"_s;
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

bool KbdHarness::keygen(const QString& dir)
{
    return run({ u"keygen"_s, u"--secret"_s, dir + u"/secret.key"_s, u"--public"_s, dir + u"/public.key"_s })
               .exitCode
        == 0;
}

KbdHarness::Run KbdHarness::publish(const QString& store, const QString& jsonl, const QString& secret)
{
    return run({ u"publish"_s, u"--store"_s, store, u"--jsonl"_s, jsonl, u"--secret"_s, secret });
}

QJsonObject KbdHarness::article(
    const QString& id, const QString& title, const QString& body, const QString& section)
{
    return QJsonObject { { u"id"_s, id }, { u"url"_s, QString(u"https://example.invalid/"_s + id) },
        { u"title"_s, title }, { u"updated"_s, u"2026-01-15"_s }, { u"section"_s, section },
        { u"tags"_s, QJsonArray { u"démarches"_s } }, { u"summary"_s, QString(title + u" : résumé."_s) },
        { u"body"_s, body } };
}

void KbdHarness::writeJsonl(const QString& path, const QList<QJsonObject>& articles)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        qFatal("cannot write %s", qPrintable(path));
    for (const QJsonObject& a : articles) {
        f.write(QJsonDocument(a).toJson(QJsonDocument::Compact));
        f.write("\n");
    }
}

QUrl KbdHarness::start(const QString& store, const QStringList& extra, bool tls)
{
    stop();
    m_log.clear();
    m_process = std::make_unique<QProcess>();
    m_process->setProcessChannelMode(QProcess::SeparateChannels);
    m_process->start(
        binary(), QStringList { u"serve"_s, u"--store"_s, store, u"--listen"_s, u"127.0.0.1:0"_s } + extra);
    if (!m_process->waitForStarted(10000))
        return {};
    static const QRegularExpression listening(uR"re("event":"listening","address":"127\.0\.0\.1:(\d+)")re"_s);
    const QDeadlineTimer deadline(10000);
    while (!deadline.hasExpired()) {
        if (!m_process->waitForReadyRead(200) && m_process->state() != QProcess::Running)
            return {};
        m_log += m_process->readAllStandardOutput();
        const auto match = listening.match(QString::fromUtf8(m_log));
        if (match.hasMatch()) {
            QUrl url;
            url.setScheme(tls ? u"https"_s : u"http"_s);
            url.setHost(u"127.0.0.1"_s);
            url.setPort(match.captured(1).toInt());
            return url;
        }
    }
    return {};
}

QStringList KbdHarness::logLines()
{
    if (m_process) {
        m_process->waitForReadyRead(100);
        m_log += m_process->readAllStandardOutput();
    }
    return QString::fromUtf8(m_log).split(u'\n', Qt::SkipEmptyParts);
}

void KbdHarness::stop()
{
    if (!m_process)
        return;
    if (m_process->state() != QProcess::NotRunning) {
        m_process->terminate();
        if (!m_process->waitForFinished(5000)) {
            m_process->kill();
            m_process->waitForFinished();
        }
    }
    m_log += m_process->readAllStandardOutput();
    m_process.reset();
}

KbdHarness::~KbdHarness()
{
    stop();
}

} // namespace iris::test
