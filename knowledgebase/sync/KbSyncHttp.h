#pragma once

#include "core/base/Result.h"
#include "knowledgebase/sync/KbSyncConfig.h"

#include <QByteArray>
#include <QDeadlineTimer>
#include <QNetworkAccessManager>
#include <QSslConfiguration>
#include <functional>

namespace iris::kb {

/// Blocking GETs for the sync (a local event loop: call it from a worker thread
/// or a command-line tool), with a connect timeout per request and one overall
/// deadline. Counts requests and body bytes for the figures.
class KbSyncHttp final
{
public:
    struct Reply
    {
        int status = 0;
        QByteArray body;
        QByteArray etag;
    };
    using Progress = std::function<void(qint64 received, qint64 total)>;

    explicit KbSyncHttp(const KbSyncConfig& config);

    /// `maxBytes`: the download is aborted beyond it (a bundle longer than the manifest says).
    Result<Reply> get(const QString& path, const QByteArray& ifNoneMatch = {}, qint64 maxBytes = 64 << 20,
        const Progress& progress = {});

    int requests() const { return m_requests; }
    qint64 bytesReceived() const { return m_bytes; }

private:
    KbSyncConfig m_config;
    QNetworkAccessManager m_nam;
    QSslConfiguration m_ssl;
    QDeadlineTimer m_deadline;
    int m_requests = 0;
    qint64 m_bytes = 0;
};

} // namespace iris::kb
