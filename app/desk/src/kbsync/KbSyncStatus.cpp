#include "app/desk/src/kbsync/KbSyncStatus.h"

#include "ui/widgets/ElidingLabel.h"

#include "app/desk/src/SiteSettings.h"
#include "knowledgebase/KbStore.h"
#include "knowledgebase/sync/KbSyncState.h"
#include "knowledgebase/sync/KbSyncWorker.h"

#include <QLabel>
#include <QMainWindow>
#include <QStatusBar>
#include <QToolButton>

using namespace Qt::StringLiterals;

namespace iris::shell::kbsync {

namespace {

QString hhmm(const QDateTime& t)
{
    return t.toLocalTime().toString(u"HH:mm"_s);
}

} // namespace

KbSyncStatus::KbSyncStatus(QMainWindow* window, KbSyncSettings settings)
    : QObject(window)
    , m_settings(std::move(settings))
{
    // Beside the agent's name: at most a third of a narrow window, "…" beyond.
    m_label = new ui::ElidingLabel(window);
    m_label->setObjectName(u"statusKbSync"_s);
    m_label->setMaximumWidth(220);
    window->statusBar()->addPermanentWidget(m_label);
    m_button = new QToolButton(window);
    m_button->setObjectName(u"statusKbSyncButton"_s);
    m_button->setText(tr("Synchroniser"));
    m_button->setToolTip(tr("Synchroniser maintenant la base de connaissances avec le serveur"));
    m_button->setAutoRaise(true);
    window->statusBar()->addPermanentWidget(m_button);

    if (!m_settings.enabled()) {
        m_button->setEnabled(false);
        m_label->setText(m_settings.problem.isEmpty() ? tr("Base locale — synchronisation non configurée")
                                                      : m_settings.problem);
        return;
    }
    showLocalVersion();

    m_worker = new iris::kb::KbSyncWorker(m_settings.kbPath, m_settings.config);
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &iris::kb::KbSyncWorker::started, this, &KbSyncStatus::onStarted);
    connect(m_worker, &iris::kb::KbSyncWorker::progress, this, &KbSyncStatus::onProgress);
    connect(m_worker, &iris::kb::KbSyncWorker::succeeded, this, &KbSyncStatus::onSucceeded);
    connect(m_worker, &iris::kb::KbSyncWorker::failed, this, &KbSyncStatus::onFailed);
    connect(m_button, &QToolButton::clicked, this, &KbSyncStatus::syncNow);
    connect(&m_timer, &QTimer::timeout, this, &KbSyncStatus::syncNow);
    m_thread.setObjectName(u"kbsync"_s);
    m_thread.start(QThread::LowPriority);
    if (m_settings.intervalMinutes > 0)
        m_timer.start(m_settings.intervalMinutes * 60 * 1000);
    QTimer::singleShot(0, this, &KbSyncStatus::syncNow); // on start
}

KbSyncStatus::~KbSyncStatus()
{
    m_thread.quit();
    m_thread.wait();
}

KbSyncStatus* KbSyncStatus::attach(QMainWindow* window, const QString& databasePath)
{
    return new KbSyncStatus(window, KbSyncSettings::load(SiteSettings::pathFor(databasePath), databasePath));
}

QString KbSyncStatus::text() const
{
    return m_label->text();
}

void KbSyncStatus::syncNow()
{
    if (m_worker)
        QMetaObject::invokeMethod(m_worker, &iris::kb::KbSyncWorker::synchronize, Qt::QueuedConnection);
}

void KbSyncStatus::showLocalVersion()
{
    auto store = iris::kb::KbStore::open(m_settings.kbPath, iris::kb::KbConnection::Mode::ReadOnly);
    if (!store) {
        m_label->setText(tr("Base locale absente — en attente de la première synchronisation"));
        return;
    }
    const auto state = iris::kb::KbSyncState::load(**store);
    if (state && state->syncedAt.isValid())
        m_label->setText(tr("Base locale — version %1, synchronisée à %2")
                             .arg(state->serverVersion)
                             .arg(hhmm(state->syncedAt)));
    else
        m_label->setText(tr("Base locale — version %1").arg((*store)->contentVersion()));
}

void KbSyncStatus::onStarted()
{
    m_button->setEnabled(false);
    m_label->setToolTip({});
    m_label->setText(tr("Synchronisation de la base…"));
}

void KbSyncStatus::onProgress(int stage, qint64 done, qint64 total)
{
    if (stage == int(iris::kb::KbSyncClient::Stage::Download) && total > 0)
        m_label->setText(tr("Synchronisation de la base… %1 %").arg(done * 100 / total));
    else if (stage == int(iris::kb::KbSyncClient::Stage::Apply))
        m_label->setText(tr("Mise à jour de la base…"));
}

void KbSyncStatus::onSucceeded(const iris::kb::KbSyncOutcome& outcome)
{
    m_button->setEnabled(true);
    m_offlineSince = {};
    m_label->setText(
        tr("Base à jour — version %1, synchronisée à %2").arg(outcome.version).arg(hhmm(outcome.at)));
    Q_EMIT syncFinished(true);
}

void KbSyncStatus::onFailed(const QString& message, bool offline)
{
    m_button->setEnabled(true);
    m_label->setToolTip(message);
    if (offline) {
        if (!m_offlineSince.isValid())
            m_offlineSince = QDateTime::currentDateTime();
        m_label->setText(
            tr("Hors ligne depuis %1 — la base locale reste consultable").arg(hhmm(m_offlineSince)));
    } else {
        m_label->setText(tr("Échec de la synchronisation : %1").arg(message));
    }
    Q_EMIT syncFinished(false);
}

} // namespace iris::shell::kbsync
