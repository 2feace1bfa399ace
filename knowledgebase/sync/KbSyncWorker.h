#pragma once

#include "knowledgebase/sync/KbSyncClient.h"
#include "knowledgebase/sync/KbSyncConfig.h"

#include <QMetaType>
#include <QObject>
#include <QString>
#include <atomic>

namespace iris::kb {

/// Runs KbSyncClient off the GUI thread: move it to a QThread and invoke
/// synchronize() through a queued connection. It opens its own connection to the
/// knowledge base, so searches on other connections keep working during a sync (WAL).
class KbSyncWorker final : public QObject
{
    Q_OBJECT

public:
    KbSyncWorker(QString kbPath, KbSyncConfig config, QObject* parent = nullptr);

    bool isBusy() const { return m_busy; }

public Q_SLOTS:
    void synchronize();
    void setConfig(const iris::kb::KbSyncConfig& config);

Q_SIGNALS:
    void started();
    /// stage: KbSyncClient::Stage as int; total may be 0 when unknown.
    void progress(int stage, qint64 done, qint64 total);
    void succeeded(const iris::kb::KbSyncOutcome& outcome);
    /// offline: the server could not be reached or was too slow (the local base stays usable).
    void failed(const QString& message, bool offline);

private:
    QString m_kbPath;
    KbSyncConfig m_config;
    std::atomic_bool m_busy { false };
};

} // namespace iris::kb

Q_DECLARE_METATYPE(iris::kb::KbSyncOutcome)
Q_DECLARE_METATYPE(iris::kb::KbSyncConfig)
