#include "tests/support/OwnPgCluster.h"

#include "tests/support/TestPaths.h"

#include <QFile>
#include <QProcess>

using namespace Qt::StringLiterals;

namespace iris::test {

OwnPgCluster::~OwnPgCluster()
{
    if (m_started) {
        QString ignored;
        run(u"stop"_s, &ignored);
    }
}

QString OwnPgCluster::dataDir() const
{
    QFile f(m_state.filePath(u"datadir"_s));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(f.readAll()).trimmed() + u"/db"_s;
}

QString OwnPgCluster::uriFile() const
{
    return m_state.filePath(u"uri"_s);
}

bool OwnPgCluster::run(const QString& action, QString* error)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    if (m_durable) {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"IRIS_PG_DURABLE"_s, u"1"_s);
        p.setProcessEnvironment(env);
    }
    p.start(u"bash"_s, { sourceDir() + u"/scripts/test-pg-cluster.sh"_s, action, m_state.path() });
    if (!p.waitForFinished(120000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        *error = u"test-pg-cluster.sh %1 a échoué : %2"_s.arg(action, QString::fromUtf8(p.readAll()));
        return false;
    }
    return true;
}

bool OwnPgCluster::start(QString* error)
{
    if (!m_state.isValid()) {
        *error = u"dossier temporaire impossible"_s;
        return false;
    }
    if (!run(u"start"_s, error))
        return false;
    m_started = true;
    QFile f(uriFile());
    if (!f.open(QIODevice::ReadOnly)) {
        *error = u"Les binaires du serveur PostgreSQL sont absents (scripts/deps.sh les installe) : "
                 u"ce test ne peut pas tourner."_s;
        return false;
    }
    m_uri = QString::fromUtf8(f.readAll()).trimmed();
    return !m_uri.isEmpty();
}

bool OwnPgCluster::pause(QString* error)
{
    return run(u"pause"_s, error);
}

bool OwnPgCluster::resume(QString* error)
{
    return run(u"resume"_s, error);
}

} // namespace iris::test
