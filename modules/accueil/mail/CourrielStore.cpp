#include "modules/accueil/mail/CourrielStore.h"

#include "core/domain/Citizen.h"
#include "core/services/ServiceSupport.h"
#include "core/storage/Dialect.h"

#include <QCryptographicHash>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace iris::accueil {

namespace {

QString columns(bool withBody)
{
    return QString(
        u"c.id, c.version, c.message_id, c.received_at, c.registered_at, c.from_address, c.from_name, "
        u"c.to_address, c.subject, "_s
        + (withBody ? u"c.body_text"_s : u"''"_s)
        + u", c.malformed, c.warning, c.citizen_id, c.assigned_agent_id, c.assigned_service_id, c.due_at, "
          u"c.status, c.contact_id, c.answered_at, c.reply_contact_id, c.reply_message_id, c.note, "
          u"c.reply_to, c.reply_subject, "_s
        + (withBody ? u"c.reply_body"_s : u"''"_s)
        + u", ci.nom_usage, ci.nom_naissance, ci.prenoms, ci.phone, a.display_name, s.name"_s);
}

Courriel read(const QSqlQuery& q, const Dialect& d)
{
    Courriel x;
    int i = 0;
    x.id = q.value(i++).toLongLong();
    x.version = q.value(i++).toInt();
    x.messageId = q.value(i++).toString();
    x.receivedAt = d.fromDbDateTime(q.value(i++));
    x.registeredAt = d.fromDbDateTime(q.value(i++));
    x.fromAddress = q.value(i++).toString();
    x.fromName = q.value(i++).toString();
    x.toAddress = q.value(i++).toString();
    x.subject = q.value(i++).toString();
    x.bodyText = q.value(i++).toString();
    x.malformed = q.value(i++).toInt() != 0;
    x.warning = q.value(i++).toString();
    x.citizenId = sql::id(q.value(i++));
    x.assignedAgentId = sql::id(q.value(i++));
    x.assignedServiceId = sql::id(q.value(i++));
    x.dueAt = d.fromDbDateTime(q.value(i++));
    courrielStatusFromId(q.value(i++).toString(), &x.status);
    x.contactId = sql::id(q.value(i++));
    x.answeredAt = d.fromDbDateTime(q.value(i++));
    x.replyContactId = sql::id(q.value(i++));
    x.replyMessageId = q.value(i++).toString();
    x.note = q.value(i++).toString();
    x.replyTo = q.value(i++).toString();
    x.replySubject = q.value(i++).toString();
    x.replyBody = q.value(i++).toString();
    if (x.citizenId > 0) {
        Citizen c;
        c.nomUsage = q.value(i).toString();
        c.nomNaissance = q.value(i + 1).toString();
        c.prenoms = q.value(i + 2).toString();
        c.phone = q.value(i + 3).toString();
        x.citizenName = c.displayName();
    }
    i += 4;
    QStringList who { q.value(i).toString(), q.value(i + 1).toString() };
    who.removeAll(QString());
    x.assignee = who.join(u", "_s);
    return x;
}

} // namespace

QString CourrielStore::sha256Hex(const QByteArray& data)
{
    return QString::fromLatin1(QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex());
}

Result<QList<Courriel>> CourrielStore::select(QSqlDatabase& c, const QString& where, const QVariantMap& binds,
    const QString& order, int limit, int offset, bool withBody) const
{
    QString statement = u"SELECT "_s + columns(withBody)
        + u" FROM accueil_courriels c LEFT JOIN citizens ci ON ci.id = c.citizen_id "
          u"LEFT JOIN agents a ON a.id = c.assigned_agent_id "
          u"LEFT JOIN services s ON s.id = c.assigned_service_id WHERE "_s
        + where + u" ORDER BY "_s + order;
    if (limit > 0)
        statement += u" LIMIT :limit OFFSET :offset"_s;
    auto q = sql::prepare(c, statement, tr("lecture des courriels"));
    if (!q)
        return q.error();
    for (auto it = binds.cbegin(); it != binds.cend(); ++it)
        q->bindValue(it.key(), it.value());
    if (limit > 0) {
        q->bindValue(u":limit"_s, limit);
        q->bindValue(u":offset"_s, qMax(0, offset));
    }
    if (auto r = sql::exec(*q, tr("lecture des courriels")); !r)
        return r.error();
    QList<Courriel> rows;
    while (q->next())
        rows << read(*q, m_dialect);
    q->finish();
    if (rows.isEmpty())
        return rows;
    auto files = sql::prepare(c,
        u"SELECT id, file_name, mime_type, size FROM accueil_courriel_attachments "
        u"WHERE courriel_id = :id ORDER BY position"_s,
        tr("lecture des pièces jointes"));
    if (!files)
        return files.error();
    for (Courriel& x : rows) {
        files->bindValue(u":id"_s, x.id);
        if (auto r = sql::exec(*files, tr("lecture des pièces jointes")); !r)
            return r.error();
        while (files->next())
            x.attachments << CourrielAttachment { files->value(0).toLongLong(), files->value(1).toString(),
                files->value(2).toString(), files->value(3).toLongLong() };
    }
    return rows;
}

Result<qint64> CourrielStore::idOfMessage(QSqlDatabase& c, const QString& messageId) const
{
    auto q = sql::prepare(
        c, u"SELECT id FROM accueil_courriels WHERE message_id = :m"_s, tr("lecture des courriels"));
    if (!q)
        return q.error();
    q->bindValue(u":m"_s, messageId);
    if (auto r = sql::exec(*q, tr("lecture des courriels")); !r)
        return r.error();
    return q->next() ? q->value(0).toLongLong() : qint64(0);
}

Result<bool> CourrielStore::sameMessage(QSqlDatabase& c, qint64 id, const QString& fromAddress,
    const QString& subject, const QDateTime& receivedAt) const
{
    auto q = sql::prepare(c,
        u"SELECT from_address, subject, received_at FROM accueil_courriels WHERE id = :id"_s,
        tr("lecture des courriels"));
    if (!q)
        return q.error();
    q->bindValue(u":id"_s, id);
    if (auto r = sql::exec(*q, tr("lecture des courriels")); !r)
        return r.error();
    if (!q->next())
        return false;
    if (q->value(0).toString() != fromAddress || q->value(1).toString() != subject)
        return false;
    if (!receivedAt.isValid())
        return true;
    const QDateTime stored = m_dialect.fromDbDateTime(q->value(2));
    return qAbs(stored.secsTo(receivedAt)) < 1;
}

Result<void> CourrielStore::insert(QSqlDatabase& c, Courriel& x, const QString& sourceFile,
    const QByteArray& raw, const QList<MimeAttachment>& attachments) const
{
    const Dialect& d = m_dialect;
    const QString context = tr("enregistrement du courriel");
    auto q = sql::prepare(c,
        d.insertReturningId(u"accueil_courriels"_s,
            { u"message_id"_s, u"received_at"_s, u"registered_at"_s, u"from_address"_s, u"from_name"_s,
                u"to_address"_s, u"subject"_s, u"body_text"_s, u"malformed"_s, u"warning"_s, u"source_file"_s,
                u"citizen_id"_s, u"assigned_agent_id"_s, u"assigned_service_id"_s, u"due_at"_s, u"status"_s,
                u"note"_s }),
        context);
    if (!q)
        return q.error();
    q->bindValue(u":message_id"_s, x.messageId);
    q->bindValue(u":received_at"_s, d.toDbDateTime(x.receivedAt));
    q->bindValue(u":registered_at"_s, d.toDbDateTime(x.registeredAt));
    q->bindValue(u":from_address"_s, sql::text(x.fromAddress));
    q->bindValue(u":from_name"_s, sql::text(x.fromName));
    q->bindValue(u":to_address"_s, sql::text(x.toAddress));
    q->bindValue(u":subject"_s, sql::text(x.subject));
    q->bindValue(u":body_text"_s, sql::text(x.bodyText));
    q->bindValue(u":malformed"_s, x.malformed);
    q->bindValue(u":warning"_s, sql::text(x.warning));
    q->bindValue(u":source_file"_s, sql::text(sourceFile));
    q->bindValue(u":citizen_id"_s, sql::nullableId(x.citizenId));
    q->bindValue(u":assigned_agent_id"_s, sql::nullableId(x.assignedAgentId));
    q->bindValue(u":assigned_service_id"_s, sql::nullableId(x.assignedServiceId));
    q->bindValue(u":due_at"_s, d.toDbDateTime(x.dueAt));
    q->bindValue(u":status"_s, courrielStatusId(x.status));
    q->bindValue(u":note"_s, sql::text(x.note));
    if (auto r = sql::exec(*q, context); !r)
        return r;
    x.id = d.insertedId(*q);
    x.version = 1;

    auto rawQuery = sql::prepare(c,
        u"INSERT INTO accueil_courriel_raw (courriel_id, size, sha256, data) "
        u"VALUES (:id, :size, :sha, :data)"_s,
        context);
    if (!rawQuery)
        return rawQuery.error();
    rawQuery->bindValue(u":id"_s, x.id);
    rawQuery->bindValue(u":size"_s, qint64(raw.size()));
    rawQuery->bindValue(u":sha"_s, sha256Hex(raw));
    rawQuery->bindValue(u":data"_s, raw.isNull() ? QByteArray("") : raw);
    if (auto r = sql::exec(*rawQuery, context); !r)
        return r;

    auto file = sql::prepare(c,
        d.insertReturningId(u"accueil_courriel_attachments"_s,
            { u"courriel_id"_s, u"position"_s, u"file_name"_s, u"mime_type"_s, u"size"_s, u"sha256"_s,
                u"data"_s }),
        context);
    if (!file)
        return file.error();
    x.attachments.clear();
    for (qsizetype i = 0; i < attachments.size(); ++i) {
        const MimeAttachment& a = attachments.at(i);
        file->bindValue(u":courriel_id"_s, x.id);
        file->bindValue(u":position"_s, qint64(i + 1));
        file->bindValue(u":file_name"_s, a.fileName);
        file->bindValue(u":mime_type"_s, a.mimeType.isEmpty() ? u"application/octet-stream"_s : a.mimeType);
        file->bindValue(u":size"_s, qint64(a.data.size()));
        file->bindValue(u":sha256"_s, sha256Hex(a.data));
        // A non-null empty QByteArray: an empty attachment is still a BLOB, never NULL.
        file->bindValue(u":data"_s, a.data.isNull() ? QByteArray("") : a.data);
        if (auto r = sql::exec(*file, context); !r)
            return r;
        x.attachments << CourrielAttachment { d.insertedId(*file), a.fileName, a.mimeType,
            qint64(a.data.size()) };
    }
    return {};
}

Result<QByteArray> CourrielStore::attachmentData(
    QSqlDatabase& c, qint64 attachmentId, qint64* courrielId) const
{
    auto q = sql::prepare(c, u"SELECT courriel_id, data FROM accueil_courriel_attachments WHERE id = :id"_s,
        tr("lecture de la pièce jointe"));
    if (!q)
        return q.error();
    q->bindValue(u":id"_s, attachmentId);
    if (auto r = sql::exec(*q, tr("lecture de la pièce jointe")); !r)
        return r.error();
    if (!q->next())
        return Error(ErrorCode::NotFound, tr("Cette pièce jointe n'existe pas."));
    if (courrielId)
        *courrielId = q->value(0).toLongLong();
    return q->value(1).toByteArray();
}

Result<QByteArray> CourrielStore::rawMessage(QSqlDatabase& c, qint64 courrielId) const
{
    auto q = sql::prepare(c, u"SELECT data FROM accueil_courriel_raw WHERE courriel_id = :id"_s,
        tr("lecture du message d'origine"));
    if (!q)
        return q.error();
    q->bindValue(u":id"_s, courrielId);
    if (auto r = sql::exec(*q, tr("lecture du message d'origine")); !r)
        return r.error();
    if (!q->next())
        return Error(ErrorCode::NotFound, tr("Le message d'origine de ce courriel est introuvable."));
    return q->value(0).toByteArray();
}

} // namespace iris::accueil
