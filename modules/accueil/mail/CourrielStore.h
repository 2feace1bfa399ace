#pragma once

#include "core/base/Result.h"
#include "modules/accueil/mail/Courriel.h"
#include "modules/accueil/mail/MimeMessage.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QVariantMap>

namespace iris {
class Dialect;
}

namespace iris::accueil {

/// SQL of the courriel register (accueil_courriels and its raw / attachment tables),
/// shared by CourrielService. No permission checks here: the service does them.
class CourrielStore final
{
    Q_DECLARE_TR_FUNCTIONS(iris::accueil::CourrielStore)
public:
    explicit CourrielStore(const Dialect& dialect)
        : m_dialect(dialect)
    {
    }

    /// Courriels matching `where` (on alias c; citizen ci, agent a, service s joined),
    /// with names filled and attachments listed; bodies only when `withBody`.
    Result<QList<Courriel>> select(QSqlDatabase& c, const QString& where, const QVariantMap& binds,
        const QString& order, int limit, int offset, bool withBody) const;
    /// Id of the courriel with this Message-ID, 0 when none.
    Result<qint64> idOfMessage(QSqlDatabase& c, const QString& messageId) const;
    /// Inserts the courriel row (status, deadline, assignee, citizen as given), its raw
    /// bytes and its attachments; fills ids and version of `courriel`.
    Result<void> insert(QSqlDatabase& c, Courriel& courriel, const QString& sourceFile, const QByteArray& raw,
        const QList<MimeAttachment>& attachments) const;
    /// True when courriel `id` has this sender, subject and (when valid) reception time:
    /// the same message delivered again rather than another one reusing its Message-ID.
    Result<bool> sameMessage(QSqlDatabase& c, qint64 id, const QString& fromAddress, const QString& subject,
        const QDateTime& receivedAt) const;
    Result<QByteArray> attachmentData(QSqlDatabase& c, qint64 attachmentId, qint64* courrielId) const;
    Result<QByteArray> rawMessage(QSqlDatabase& c, qint64 courrielId) const;

    static QString sha256Hex(const QByteArray& data);

private:
    const Dialect& m_dialect;
};

} // namespace iris::accueil
