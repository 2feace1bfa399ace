#include "app/desk/src/DemoSeedRunner.h"

#include <QProgressDialog>
#include <QtConcurrent/QtConcurrentRun>

using namespace Qt::StringLiterals;

namespace iris::shell {

DemoSeedRunner::DemoSeedRunner(std::shared_ptr<Database> db, QObject* parent)
    : QObject(parent)
    , m_db(std::move(db))
    , m_done(std::make_shared<std::atomic<qint64>>(0))
    , m_total(std::make_shared<std::atomic<qint64>>(0))
    , m_cancel(std::make_shared<std::atomic<bool>>(false))
{
    // The worker only stores counters; the GUI reads them at its own pace instead of
    // being flooded with one queued call per row.
    m_poll.setInterval(100);
    connect(&m_poll, &QTimer::timeout, this, &DemoSeedRunner::updateProgress);
    connect(&m_watcher, &QFutureWatcher<std::optional<Result<DemoSeedReport>>>::finished, this,
        &DemoSeedRunner::onFinished);
}

DemoSeedRunner::~DemoSeedRunner()
{
    m_cancel->store(true);
    m_watcher.waitForFinished();
    delete m_dialog;
}

void DemoSeedRunner::start(const DemoSeedOptions& options)
{
    auto* dialog = new QProgressDialog(tr("Préparation de la base de démonstration…"), tr("Annuler"), 0, 0);
    dialog->setObjectName(u"demoSeedProgress"_s);
    dialog->setWindowTitle(tr("IRIS Desk — premier démarrage"));
    dialog->setMinimumDuration(0);
    dialog->setAutoClose(false);
    dialog->setAutoReset(false);
    connect(dialog, &QProgressDialog::canceled, this, [this] {
        m_cancel->store(true);
        if (m_dialog)
            m_dialog->setLabelText(tr("Annulation…"));
    });
    m_dialog = dialog;
    dialog->show();

    m_poll.start();
    m_watcher.setFuture(
        QtConcurrent::run([db = m_db, options, done = m_done, total = m_total, cancel = m_cancel] {
            const DemoSeeder seeder(db);
            return std::optional<Result<DemoSeedReport>>(seeder.seed(options, [&](qint64 d, qint64 t) {
                done->store(d);
                total->store(t);
                return !cancel->load();
            }));
        }));
}

void DemoSeedRunner::updateProgress()
{
    if (!m_dialog)
        return;
    const qint64 total = m_total->load();
    if (total <= 0)
        return;
    // QProgressDialog works in int; scale to per mille.
    m_dialog->setMaximum(1000);
    m_dialog->setValue(int(qBound<qint64>(qint64(0), qint64(m_done->load()) * 1000 / total, qint64(1000))));
}

void DemoSeedRunner::onFinished()
{
    m_poll.stop();
    if (m_dialog) {
        m_dialog->hide();
        m_dialog->deleteLater();
    }
    const std::optional<Result<DemoSeedReport>> result = m_watcher.result();
    if (result.has_value())
        Q_EMIT finished(*result);
    else
        Q_EMIT finished(
            Error(ErrorCode::DatabaseError, tr("Les données de démonstration n'ont pas été créées.")));
}

} // namespace iris::shell
