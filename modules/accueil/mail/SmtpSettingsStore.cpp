#include "modules/accueil/mail/SmtpSettingsStore.h"

#include "core/base/ValidationErrors.h"
#include "core/services/AuditLog.h"
#include "core/services/CoreServices.h"
#include "core/storage/Database.h"
#include "core/storage/Dialect.h"
#include "modules/accueil/mail/MailIds.h"
#include "modules/accueil/mail/SmtpPasswordVault.h"
#include "modules/accueil/shared/AccueilIds.h"

#include <QFileInfo>
#include <QHash>
#include <QRegularExpression>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace iris::accueil {

namespace {
const QString kHost = u"smtp.host"_s;
const QString kPort = u"smtp.port"_s;
const QString kSecurity = u"smtp.security"_s;
const QString kUser = u"smtp.user"_s;
const QString kPassword = u"smtp.password"_s;
const QString kFromAddress = u"smtp.from_address"_s;
const QString kFromName = u"smtp.from_name"_s;
const QString kTimeout = u"smtp.timeout"_s;
const QString kCaFile = u"smtp.ca_file"_s;
const QString kSignature = u"signature"_s;
} // namespace

SmtpSettingsStore::SmtpSettingsStore(CoreServices& services)
    : m_services(services)
{
}

QString SmtpSettingsStore::defaultSignature()
{
    return tr(
        "Accueil IRIS — Mairie d'Issy-les-Moulineaux\n47 rue du Général Leclerc, 92130 Issy-les-Moulineaux\n"
        "01 41 23 80 00");
}

QString SmtpSettingsStore::keyPath() const
{
    const Database& db = *m_services.database();
    return db.isServer() ? SmtpPasswordVault::sharedSiteKeyPath() : SmtpPasswordVault::keyPathFor(db.config().path);
}

SmtpPasswordVault SmtpSettingsStore::vault() const
{
    return SmtpPasswordVault(keyPath(), m_services.database()->isServer());
}

Result<SmtpSettingsStore::Values> SmtpSettingsStore::load() const
{
    return read(true);
}

Result<SmtpSettingsStore::Values> SmtpSettingsStore::loadForEditing() const
{
    return read(false);
}

Result<SmtpSettingsStore::Values> SmtpSettingsStore::read(bool decrypt) const
{
    const Session& s = m_services.session();
    if (!s.can(ids::PermMail) && !s.can(ids::PermConfigure))
        return s.require(ids::PermMail).error();
    QSqlDatabase c = m_services.database()->connection();
    const QString context = tr("lecture des paramètres d'envoi des courriels");
    auto q = sql::prepare(c, u"SELECT key, value FROM accueil_mail_send_settings"_s, context);
    if (!q)
        return q.error();
    if (auto r = sql::exec(*q, context); !r)
        return r.error();
    QHash<QString, QString> raw;
    while (q->next())
        raw.insert(q->value(0).toString(), q->value(1).toString());
    Values v;
    v.smtp.host = raw.value(kHost);
    bool ok = false;
    if (const int port = raw.value(kPort).toInt(&ok); ok && port > 0 && port < 65536)
        v.smtp.port = port;
    smtpSecurityFromId(raw.value(kSecurity), &v.smtp.security);
    v.smtp.user = raw.value(kUser);
    v.smtp.fromAddress = raw.value(kFromAddress);
    v.smtp.fromName = raw.value(kFromName);
    if (const int t = raw.value(kTimeout).toInt(&ok); ok && t > 0 && t <= 300)
        v.smtp.timeoutSeconds = t;
    v.smtp.caFile = raw.value(kCaFile);
    v.signature = raw.contains(kSignature) ? raw.value(kSignature) : defaultSignature();
    const QString sealed = raw.value(kPassword);
    v.passwordStored = !sealed.isEmpty();
    if (decrypt && v.passwordStored) {
        const Result<QString> password = vault().open(sealed);
        if (!password)
            return password.error();
        v.smtp.password = *password;
    }
    return v;
}

Result<SmtpSettingsStore::Values> SmtpSettingsStore::save(const Values& input, Password password)
{
    if (auto r = m_services.session().require(ids::PermConfigure); !r)
        return r.error();
    Values v = input;
    v.smtp.host = v.smtp.host.trimmed();
    v.smtp.user = v.smtp.user.trimmed();
    v.smtp.fromAddress = v.smtp.fromAddress.trimmed();
    v.smtp.fromName = v.smtp.fromName.trimmed();
    v.smtp.caFile = v.smtp.caFile.trimmed();
    ValidationErrors errors;
    static const QRegularExpression hostRe(u"^[A-Za-z0-9.\\-:\\[\\]]+$"_s);
    if (v.smtp.host.isEmpty() || !hostRe.match(v.smtp.host).hasMatch())
        errors.add(u"host"_s, tr("Indiquez le nom ou l'adresse du serveur d'envoi (ex. smtp.ville.fr)."));
    if (v.smtp.port < 1 || v.smtp.port > 65535)
        errors.add(u"port"_s, tr("Le port doit être compris entre 1 et 65535."));
    static const QRegularExpression addressRe(u"^[^@\\s<>\",;]+@[^@\\s<>\",;]+\\.[^@\\s<>\",;]+$"_s);
    if (!addressRe.match(v.smtp.fromAddress).hasMatch())
        errors.add(u"fromAddress"_s, tr("L'adresse d'expédition n'est pas une adresse électronique valide."));
    if (v.smtp.timeoutSeconds < 1 || v.smtp.timeoutSeconds > 300)
        errors.add(u"timeout"_s, tr("Le délai d'attente doit être compris entre 1 et 300 secondes."));
    if (!v.smtp.caFile.isEmpty() && !QFileInfo(v.smtp.caFile).isReadable())
        errors.add(u"caFile"_s,
            tr("Le certificat d'autorité « %1 » est introuvable ou illisible.").arg(v.smtp.caFile));
    if (!errors.isEmpty())
        return errors.toError();

    // Sealed before the transaction: the key file is written once, outside any lock.
    QString sealed;
    if (password == Password::Replace) {
        const Result<QString> s = vault().seal(v.smtp.password);
        if (!s)
            return s.error();
        sealed = *s;
    }
    const Dialect& d = m_services.database()->dialect();
    const QString context = tr("enregistrement des paramètres d'envoi des courriels");
    const Result<void> tx = m_services.database()->transaction([&](QSqlDatabase& c) -> Result<void> {
        QList<QPair<QString, QString>> rows = {
            { kHost, v.smtp.host },
            { kPort, QString::number(v.smtp.port) },
            { kSecurity, smtpSecurityId(v.smtp.security) },
            { kUser, v.smtp.user },
            { kFromAddress, v.smtp.fromAddress },
            { kFromName, v.smtp.fromName },
            { kTimeout, QString::number(v.smtp.timeoutSeconds) },
            { kCaFile, v.smtp.caFile },
            { kSignature, v.signature },
        };
        if (password == Password::Replace)
            rows.append({ kPassword, sealed });
        auto q = sql::prepare(c,
            d.upsert(u"accueil_mail_send_settings"_s,
                { u"key"_s, u"value"_s, u"updated_at"_s, u"updated_by"_s }, { u"key"_s },
                { u"value"_s, u"updated_at"_s, u"updated_by"_s }),
            context);
        if (!q)
            return q.error();
        for (const auto& row : std::as_const(rows)) {
            q->bindValue(u":key"_s, row.first);
            q->bindValue(u":value"_s, sql::text(row.second));
            q->bindValue(u":updated_at"_s, d.toDbDateTime(m_now()));
            q->bindValue(u":updated_by"_s, sql::nullableId(m_services.session().agent().id));
            if (auto r = sql::exec(*q, context); !r)
                return r;
        }
        // Never the password itself, only that it changed.
        return m_services.audit().record(c, u"update"_s, u"accueil_mail_send_settings"_s, 0,
            { { u"host"_s, v.smtp.host }, { u"port"_s, v.smtp.port },
                { u"security"_s, smtpSecurityId(v.smtp.security) }, { u"user"_s, v.smtp.user },
                { u"from_address"_s, v.smtp.fromAddress }, { u"ca_file"_s, v.smtp.caFile },
                { u"password_changed"_s, password == Password::Replace } });
    });
    if (!tx)
        return tx.error();
    return read(false);
}

} // namespace iris::accueil
