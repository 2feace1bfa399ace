#include "modules/accueil/post/PostSettings.h"

#include "core/base/ValidationErrors.h"
#include "core/services/AuditLog.h"
#include "core/services/CoreServices.h"
#include "core/storage/Database.h"
#include "core/storage/Dialect.h"
#include "modules/accueil/post/PostIds.h"
#include "modules/accueil/shared/AccueilIds.h"

#include <QJsonObject>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace iris::accueil {

namespace {
const QString kReplyDays = u"reply_working_days"_s;
const QString kAckDays = u"acknowledgement_working_days"_s;
const QString kMaxBytes = u"max_attachment_bytes"_s;
const QString kCourt = u"administrative_court"_s;
const QString kAckTemplate = u"template_acknowledgement"_s;
const QString kReplyTemplate = u"template_reply"_s;
} // namespace

PostSettingsStore::PostSettingsStore(CoreServices& services)
    : m_services(services)
{
}

Result<PostSettings> PostSettingsStore::load() const
{
    const Session& s = m_services.session();
    if (!s.can(ids::PermPost) && !s.can(ids::PermPostHandle) && !s.can(ids::PermConfigure))
        return s.require(ids::PermPost).error();
    QSqlDatabase c = m_services.database()->connection();
    auto q = sql::prepare(
        c, u"SELECT key, value FROM accueil_post_settings"_s, tr("lecture des paramètres du courrier"));
    if (!q)
        return q.error();
    if (auto r = sql::exec(*q, tr("lecture des paramètres du courrier")); !r)
        return r.error();
    PostSettings p;
    while (q->next()) {
        const QString key = q->value(0).toString();
        const QString value = q->value(1).toString();
        bool ok = false;
        if (key == kReplyDays) {
            const int v = value.toInt(&ok);
            if (ok && v > 0)
                p.replyWorkingDays = v;
        } else if (key == kAckDays) {
            const int v = value.toInt(&ok);
            if (ok && v > 0)
                p.acknowledgementWorkingDays = v;
        } else if (key == kMaxBytes) {
            const qint64 v = value.toLongLong(&ok);
            if (ok && v > 0)
                p.maxAttachmentBytes = v;
        } else if (key == kCourt) {
            if (!value.trimmed().isEmpty())
                p.administrativeCourt = value;
        } else if (key == kAckTemplate) {
            p.acknowledgementTemplate = value;
        } else if (key == kReplyTemplate) {
            p.replyTemplate = value;
        }
    }
    return p;
}

Result<void> PostSettingsStore::save(const PostSettings& p)
{
    if (auto r = m_services.session().require(ids::PermConfigure); !r)
        return r;
    ValidationErrors errors;
    if (p.replyWorkingDays < 1 || p.replyWorkingDays > 90)
        errors.add(kReplyDays, tr("Le délai de réponse doit être compris entre 1 et 90 jours ouvrés."));
    if (p.acknowledgementWorkingDays < 1 || p.acknowledgementWorkingDays > 90)
        errors.add(
            kAckDays, tr("Le délai d'accusé de réception doit être compris entre 1 et 90 jours ouvrés."));
    if (p.maxAttachmentBytes < 1024 || p.maxAttachmentBytes > 200LL * 1024 * 1024)
        errors.add(kMaxBytes,
            tr("La taille maximale d'un courrier numérisé doit être comprise entre 1 Ko et 200 Mo."));
    if (p.administrativeCourt.trimmed().isEmpty())
        errors.add(kCourt, tr("Indiquez le tribunal administratif compétent."));
    if (!errors.isEmpty())
        return errors.toError();
    const QList<std::pair<QString, QString>> rows = {
        { kReplyDays, QString::number(p.replyWorkingDays) },
        { kAckDays, QString::number(p.acknowledgementWorkingDays) },
        { kMaxBytes, QString::number(p.maxAttachmentBytes) },
        { kCourt, p.administrativeCourt.trimmed() },
        { kAckTemplate, p.acknowledgementTemplate },
        { kReplyTemplate, p.replyTemplate },
    };
    const Dialect& d = m_services.database()->dialect();
    return m_services.database()->transaction([&](QSqlDatabase& c) -> Result<void> {
        auto q = sql::prepare(c,
            d.upsert(u"accueil_post_settings"_s, { u"key"_s, u"value"_s, u"updated_at"_s, u"updated_by"_s },
                { u"key"_s }, { u"value"_s, u"updated_at"_s, u"updated_by"_s }),
            tr("enregistrement des paramètres du courrier"));
        if (!q)
            return q.error();
        QJsonObject details;
        for (const auto& [key, value] : rows) {
            q->bindValue(u":key"_s, key);
            q->bindValue(u":value"_s, sql::text(value));
            q->bindValue(u":updated_at"_s, d.toDbDateTime(m_now()));
            q->bindValue(u":updated_by"_s, sql::nullableId(m_services.session().agent().id));
            if (auto r = sql::exec(*q, tr("enregistrement des paramètres du courrier")); !r)
                return r;
            if (!key.startsWith(u"template_"_s))
                details.insert(key, value);
        }
        return m_services.audit().record(c, auditaction::Update, u"accueil_post_settings"_s, 0, details);
    });
}

} // namespace iris::accueil
