#include "KbSyncHttp.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QNetworkReply>
#include <QSslCertificate>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace iris::kb {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("iris::kb::KbSyncHttp", text);
}

} // namespace

KbSyncHttp::KbSyncHttp(const KbSyncConfig& config)
    : m_config(config)
    , m_ssl(QSslConfiguration::defaultConfiguration())
    , m_deadline(config.totalTimeoutMs)
{
    m_nam.setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
    if (!config.caFile.isEmpty())
        m_ssl.addCaCertificates(QSslCertificate::fromPath(config.caFile));
}

Result<KbSyncHttp::Reply> KbSyncHttp::get(
    const QString& path, const QByteArray& ifNoneMatch, qint64 maxBytes, const Progress& progress)
{
    const QString server = m_config.server.toDisplayString();
    if (m_deadline.hasExpired())
        return Error(ErrorCode::IoError,
            tr("Synchronisation interrompue : le serveur %1 est trop lent "
               "(plus de %2 s au total).")
                .arg(server)
                .arg(m_config.totalTimeoutMs / 1000.0));
    QUrl url = m_config.server;
    url.setPath(url.path().endsWith(u'/') ? url.path().chopped(1) + path : url.path() + path);
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    request.setRawHeader("User-Agent", "iris-desk-kbsync/1");
    if (!ifNoneMatch.isEmpty())
        request.setRawHeader("If-None-Match", ifNoneMatch);
    if (url.scheme() == u"https"_s)
        request.setSslConfiguration(m_ssl);

    ++m_requests;
    QNetworkReply* reply = m_nam.get(request);
    QEventLoop loop;
    QTimer connectTimer;
    QTimer totalTimer;
    connectTimer.setSingleShot(true);
    totalTimer.setSingleShot(true);
    enum class Abort { None, Connect, Total, TooLong } abort = Abort::None;
    QObject::connect(&connectTimer, &QTimer::timeout, reply, [&] {
        abort = Abort::Connect;
        reply->abort();
    });
    QObject::connect(&totalTimer, &QTimer::timeout, reply, [&] {
        abort = Abort::Total;
        reply->abort();
    });
    QObject::connect(reply, &QNetworkReply::requestSent, &connectTimer, &QTimer::stop);
    QObject::connect(reply, &QNetworkReply::metaDataChanged, &connectTimer, &QTimer::stop);
    QObject::connect(reply, &QNetworkReply::downloadProgress, reply, [&](qint64 received, qint64 total) {
        if (received > maxBytes) {
            abort = Abort::TooLong;
            reply->abort();
            return;
        }
        if (progress)
            progress(received, total);
    });
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    connectTimer.start(m_config.connectTimeoutMs);
    totalTimer.start(std::max<qint64>(1, m_deadline.remainingTime()));
    if (!reply->isFinished())
        loop.exec(QEventLoop::ExcludeUserInputEvents);

    Reply r;
    r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    r.body = reply->readAll();
    r.etag = reply->rawHeader("ETag");
    m_bytes += r.body.size();
    const QNetworkReply::NetworkError error = reply->error();
    const QString errorText = reply->errorString();
    reply->deleteLater();

    switch (abort) {
    case Abort::Connect:
        return Error(ErrorCode::IoError,
            tr("Le serveur %1 ne répond pas (pas de connexion en %2 s).")
                .arg(server)
                .arg(m_config.connectTimeoutMs / 1000.0));
    case Abort::Total:
        return Error(ErrorCode::IoError,
            tr("Synchronisation interrompue : le serveur %1 est trop lent "
               "(plus de %2 s au total).")
                .arg(server)
                .arg(m_config.totalTimeoutMs / 1000.0));
    case Abort::TooLong:
        return Error(ErrorCode::DatabaseCorrupt,
            tr("Le serveur %1 envoie plus de données qu'annoncé : téléchargement refusé.").arg(server));
    case Abort::None:
        break;
    }
    if (r.status == 0 || (error != QNetworkReply::NoError && error < QNetworkReply::ContentAccessDenied)) {
        QString why = errorText;
        if (error == QNetworkReply::ConnectionRefusedError || error == QNetworkReply::HostNotFoundError)
            why = tr("serveur arrêté ou adresse inconnue");
        else if (error == QNetworkReply::SslHandshakeFailedError)
            why = tr("certificat du serveur non reconnu (%1)").arg(errorText);
        return Error(ErrorCode::IoError,
            tr("Serveur de la base de connaissances injoignable (%1) : %2.").arg(server, why), {}, errorText);
    }
    return r;
}

} // namespace iris::kb
