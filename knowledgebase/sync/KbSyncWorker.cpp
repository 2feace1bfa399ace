#include "KbSyncWorker.h"

namespace iris::kb {

KbSyncWorker::KbSyncWorker(QString kbPath, KbSyncConfig config, QObject* parent)
    : QObject(parent)
    , m_kbPath(std::move(kbPath))
    , m_config(std::move(config))
{
    qRegisterMetaType<iris::kb::KbSyncOutcome>();
    qRegisterMetaType<iris::kb::KbSyncConfig>();
}

void KbSyncWorker::setConfig(const KbSyncConfig& config)
{
    m_config = config;
}

void KbSyncWorker::synchronize()
{
    if (m_busy.exchange(true))
        return; // a sync is already running: the request is folded into it
    Q_EMIT started();
    KbSyncClient client(m_config);
    const auto result = client.sync(m_kbPath, [this](KbSyncClient::Stage stage, qint64 done, qint64 total) {
        Q_EMIT progress(static_cast<int>(stage), done, total);
    });
    m_busy = false;
    if (result)
        Q_EMIT succeeded(*result);
    else
        Q_EMIT failed(result.error().message(), result.error().code() == ErrorCode::IoError);
}

} // namespace iris::kb
