#include "modules/accueil/mail/CourrielSettings.h"

#include "core/base/ValidationErrors.h"
#include "core/services/AuditLog.h"
#include "core/services/CoreServices.h"
#include "core/storage/Database.h"
#include "core/storage/Dialect.h"
#include "modules/accueil/shared/AccueilIds.h"

#include <QDir>
#include <QHash>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace iris::accueil {

namespace {

const QString kReplyDays = u"reply_days"_s;
const QString kDefaultService = u"default_service_id"_s;
const QString kMotive = u"motive_theme_id"_s;
const QString kMaildir = u"maildir_path"_s;

qint64 lookupId(QSqlDatabase& c, const QString& statement, const QVariant& value)
{
    QSqlQuery q(c);
    q.prepare(statement);
    q.bindValue(u":v"_s, value);
    return q.exec() && q.next() ? q.value(0).toLongLong() : 0;
}

} // namespace

CourrielSettings::CourrielSettings(CoreServices& services)
    : m_services(services)
{
}

Result<CourrielSettings::Values> CourrielSettings::load() const
{
    QSqlDatabase c = m_services.database()->connection();
    auto q = sql::prepare(
        c, u"SELECT key, value FROM accueil_courriel_settings"_s, tr("lecture des réglages des courriels"));
    if (!q)
        return q.error();
    if (auto r = sql::exec(*q, tr("lecture des réglages des courriels")); !r)
        return r.error();
    QHash<QString, QString> raw;
    while (q->next())
        raw.insert(q->value(0).toString(), q->value(1).toString());
    Values v;
    bool ok = false;
    const int days = raw.value(kReplyDays).toInt(&ok);
    if (ok && days >= 1 && days <= 60)
        v.replyDays = days;
    v.defaultServiceId = raw.value(kDefaultService).toLongLong();
    v.motiveThemeId = raw.value(kMotive).toLongLong();
    v.maildirPath = raw.value(kMaildir);
    return v;
}

Result<CourrielSettings::Values> CourrielSettings::save(const Values& input)
{
    if (auto r = m_services.session().require(ids::PermConfigure); !r)
        return r.error();
    Values v = input;
    v.maildirPath = v.maildirPath.trimmed();
    if (!v.maildirPath.isEmpty())
        v.maildirPath = QDir::cleanPath(v.maildirPath);
    const Dialect& d = m_services.database()->dialect();
    const Result<void> tx = m_services.database()->transaction([&](QSqlDatabase& c) -> Result<void> {
        ValidationErrors errors;
        if (v.replyDays < 1 || v.replyDays > 60)
            errors.add(
                u"replyDays"_s, tr("Le délai de réponse doit être compris entre 1 et 60 jours ouvrés."));
        if (v.defaultServiceId > 0
            && !lookupId(c, u"SELECT id FROM services WHERE id = :v"_s, v.defaultServiceId))
            errors.add(u"defaultServiceId"_s, tr("Le service indiqué n'existe pas dans l'annuaire."));
        if (v.motiveThemeId > 0
            && !lookupId(c, u"SELECT id FROM motive_themes WHERE id = :v"_s, v.motiveThemeId))
            errors.add(u"motiveThemeId"_s, tr("Le motif indiqué n'existe pas."));
        if (!errors.isEmpty())
            return errors.toError();
        const QList<QPair<QString, QString>> rows = {
            { kReplyDays, QString::number(v.replyDays) },
            { kDefaultService, v.defaultServiceId > 0 ? QString::number(v.defaultServiceId) : QString() },
            { kMotive, v.motiveThemeId > 0 ? QString::number(v.motiveThemeId) : QString() },
            { kMaildir, v.maildirPath },
        };
        for (const auto& row : rows) {
            auto q = sql::prepare(c,
                d.upsert(u"accueil_courriel_settings"_s,
                    { u"key"_s, u"value"_s, u"updated_at"_s, u"updated_by"_s }, { u"key"_s },
                    { u"value"_s, u"updated_at"_s, u"updated_by"_s }),
                tr("enregistrement des réglages des courriels"));
            if (!q)
                return q.error();
            q->bindValue(u":key"_s, row.first);
            q->bindValue(u":value"_s, sql::text(row.second));
            q->bindValue(u":updated_at"_s, d.toDbDateTime(m_now()));
            q->bindValue(u":updated_by"_s, sql::nullableId(m_services.session().agent().id));
            if (auto r = sql::exec(*q, tr("enregistrement des réglages des courriels")); !r)
                return r;
        }
        return m_services.audit().record(c, u"update"_s, u"accueil_courriel_settings"_s, 0,
            { { u"reply_days"_s, v.replyDays }, { u"default_service_id"_s, v.defaultServiceId },
                { u"motive_theme_id"_s, v.motiveThemeId }, { u"maildir_path"_s, v.maildirPath } });
    });
    if (!tx)
        return tx.error();
    return v;
}

Result<qint64> CourrielSettings::effectiveDefaultService() const
{
    const Result<Values> v = load();
    if (!v)
        return v.error();
    QSqlDatabase c = m_services.database()->connection();
    if (v->defaultServiceId > 0
        && lookupId(c, u"SELECT id FROM services WHERE id = :v"_s, v->defaultServiceId))
        return v->defaultServiceId;
    return lookupId(c, u"SELECT id FROM services WHERE code = :v"_s, u"iris"_s);
}

Result<qint64> CourrielSettings::effectiveMotive() const
{
    const Result<Values> v = load();
    if (!v)
        return v.error();
    QSqlDatabase c = m_services.database()->connection();
    if (v->motiveThemeId > 0
        && lookupId(c, u"SELECT id FROM motive_themes WHERE id = :v"_s, v->motiveThemeId))
        return v->motiveThemeId;
    for (const QString& code : { u"information.autre"_s, u"information"_s })
        if (const qint64 id = lookupId(c, u"SELECT id FROM motive_themes WHERE code = :v"_s, code))
            return id;
    return qint64(0);
}

} // namespace iris::accueil
