#include "modules/accueil/mail/MaildirWatcher.h"

#include "core/services/CoreServices.h"
#include "core/services/DossierService.h"
#include "modules/accueil/mail/MaildirImporter.h"

#include <QDir>
#include <QFileSystemWatcher>
#include <QtConcurrent/QtConcurrentRun>

using namespace Qt::StringLiterals;

namespace iris::accueil {

MaildirWatcher::MaildirWatcher(CoreServices& services, QObject* parent)
    : QObject(parent)
    , m_db(services.database())
    , m_session(services.session())
    , m_calendar(services.dossiers().calendar())
{
    qRegisterMetaType<iris::accueil::MaildirImportReport>();
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(300);
    m_rescan.setInterval(60'000);
    connect(&m_debounce, &QTimer::timeout, this, &MaildirWatcher::importNow);
    connect(&m_rescan, &QTimer::timeout, this, &MaildirWatcher::importNow);
    connect(&m_future, &QFutureWatcher<Outcome>::finished, this, &MaildirWatcher::onFinished);
}

MaildirWatcher::~MaildirWatcher()
{
    m_pending = false;
    m_future.waitForFinished();
}

void MaildirWatcher::setRescanInterval(int milliseconds)
{
    m_rescan.setInterval(qMax(0, milliseconds));
    if (milliseconds <= 0)
        m_rescan.stop();
    else if (isWatching())
        m_rescan.start();
}

void MaildirWatcher::setDebounce(int milliseconds)
{
    m_debounce.setInterval(qMax(0, milliseconds));
}

Result<void> MaildirWatcher::start(const QString& maildir)
{
    if (auto r = MaildirImporter::checkMaildir(maildir); !r)
        return r;
    stop();
    m_maildir = QDir(maildir).absolutePath();
    m_fsWatcher = new QFileSystemWatcher(this);
    const QString newDir = QDir(m_maildir).filePath(u"new"_s);
    if (QFileInfo(newDir).isDir())
        m_fsWatcher->addPath(newDir);
    connect(m_fsWatcher, &QFileSystemWatcher::directoryChanged, this, [this] { m_debounce.start(); });
    if (m_rescan.interval() > 0)
        m_rescan.start();
    importNow();
    return {};
}

void MaildirWatcher::stop()
{
    m_debounce.stop();
    m_rescan.stop();
    m_pending = false;
    delete m_fsWatcher;
    m_fsWatcher = nullptr;
    m_maildir.clear();
}

void MaildirWatcher::importNow()
{
    if (m_maildir.isEmpty())
        return;
    if (m_running) {
        m_pending = true;
        return;
    }
    m_running = true;
    // The worker gets its own CoreServices (same session) and, through Database, its own
    // connection: Qt connections never cross threads.
    m_future.setFuture(QtConcurrent::run(
        [db = m_db, session = m_session, calendar = m_calendar, path = m_maildir]() -> Outcome {
            CoreServices services(db, session, nullptr);
            services.dossiers().setCalendar(calendar);
            Outcome out;
            const Result<MaildirImportReport> report = MaildirImporter(services).importFrom(path);
            out.ok = report.ok();
            if (report)
                out.report = *report;
            else
                out.error = report.error().toString();
            return out;
        }));
}

void MaildirWatcher::onFinished()
{
    m_running = false;
    const Outcome out = m_future.result();
    if (!out.ok)
        Q_EMIT failed(out.error);
    else if (out.report.imported > 0 || out.report.failed > 0)
        Q_EMIT imported(out.report);
    if (m_pending) {
        m_pending = false;
        importNow();
    }
}

} // namespace iris::accueil
