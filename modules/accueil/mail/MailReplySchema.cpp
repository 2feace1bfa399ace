#include "modules/accueil/mail/MailReplySchema.h"

#include "core/storage/Database.h"
#include "core/storage/Dialect.h"
#include "core/storage/SqlScript.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace iris::accueil {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("iris::accueil::MailReplySchema", text);
}

struct DefaultTemplate
{
    QString code;
    QString label;
    QString subject;
    QString body;
};

// The acknowledgement follows CRPA L112-3 / R112-5 (date of receipt, the service in
// charge and its contact details) and the Services Publics+ commitment to acknowledge an
// electronic request within a week.
QList<DefaultTemplate> defaults()
{
    const QString closing
        = tr("Nous vous prions d'agréer, {civilite}, l'expression de nos salutations distinguées.\n\n"
             "{agent}\n{signature}");
    return {
        { u"accuse-reception"_s, tr("Accusé de réception"), tr("Re: {objet}"),
            tr("{civilite},\n\n"
               "Nous avons bien reçu votre courriel du {date_reception} et nous vous en remercions.\n\n"
               "Votre demande est enregistrée ; elle est suivie par le service suivant, qui vous répondra "
               "dans "
               "les meilleurs délais :\n\n{service}\n{service_coordonnees}\n\n")
                + closing },
        { u"reponse-simple"_s, tr("Réponse simple"), tr("Re: {objet}"),
            tr("{civilite},\n\n"
               "En réponse à votre courriel du {date_reception}, nous vous apportons les éléments "
               "suivants.\n\n\n\n"
               "Nous restons à votre disposition pour tout renseignement complémentaire.\n\n")
                + closing },
        { u"orientation"_s, tr("Orientation vers un service"), tr("Re: {objet}"),
            tr("{civilite},\n\n"
               "Nous avons bien reçu votre courriel du {date_reception}. Votre demande relève du service "
               "{service}, que nous vous invitons à contacter directement :\n\n{service_coordonnees}\n\n")
                + closing },
        { u"demande-pieces"_s, tr("Demande de pièces complémentaires"), tr("Re: {objet}"),
            tr("{civilite},\n\n"
               "Nous avons bien reçu votre courriel du {date_reception}. Afin de traiter votre demande, "
               "merci de "
               "nous adresser les pièces suivantes :\n\n- \n- \n\n"
               "Vous pouvez les joindre en réponse à ce courriel ou les déposer à l'accueil de la "
               "mairie.\n\n")
                + closing },
    };
}

// Step 1 — SMTP settings (key/value, the password sealed) and the reply templates.
Migration step1()
{
    Migration m;
    m.version = 1;
    m.description = u"accueil-courriel-envoi : serveur d'envoi et modèles de réponse"_s;
    m.apply = [](QSqlDatabase& db, const Dialect& dialect) -> Result<void> {
        const QStringList ddl = {
            // One row per key (smtp.host, smtp.port, smtp.security, smtp.user,
            // smtp.password — sealed, see SmtpPasswordVault —, smtp.from_address,
            // smtp.from_name, smtp.timeout, smtp.ca_file, signature); a missing row = the default.
            uR"(CREATE TABLE accueil_mail_send_settings (
                key {TEXT} PRIMARY KEY,
                value {TEXT} NOT NULL,
                updated_at {TS} NOT NULL,
                updated_by {ID} REFERENCES agents (id) ON DELETE SET NULL){WITHOUT_ROWID})"_s,
            u"CREATE INDEX accueil_mail_send_settings_by ON accueil_mail_send_settings (updated_by)"_s,

            uR"(CREATE TABLE accueil_reply_templates (
                id {PK},
                version {INT} NOT NULL DEFAULT 1 CHECK (version >= 1),
                code {TEXT},
                label {TEXT} NOT NULL CHECK (length(label) > 0),
                subject {TEXT} NOT NULL,
                body {TEXT} NOT NULL,
                sort_order {INT} NOT NULL DEFAULT 0,
                created_at {TS} NOT NULL,
                updated_at {TS} NOT NULL))"_s,
            u"CREATE UNIQUE INDEX accueil_reply_templates_label ON accueil_reply_templates (label)"_s,
            u"CREATE UNIQUE INDEX accueil_reply_templates_code ON accueil_reply_templates (code) WHERE code IS NOT NULL"_s,
        };
        QStringList statements;
        for (const QString& s : ddl)
            statements << dialect.expand(s);
        const QString context = tr("création des paramètres d'envoi des courriels");
        if (Result<void> r = SqlScript::run(db, statements, context); !r)
            return r;
        QSqlQuery insert(db);
        const QDateTime now = QDateTime::currentDateTime();
        insert.prepare(
            u"INSERT INTO accueil_reply_templates (code, label, subject, body, sort_order, created_at, "
            u"updated_at) VALUES (:code, :label, :subject, :body, :sort, :now, :now)"_s);
        int order = 0;
        for (const DefaultTemplate& t : defaults()) {
            insert.bindValue(u":code"_s, t.code);
            insert.bindValue(u":label"_s, t.label);
            insert.bindValue(u":subject"_s, t.subject);
            insert.bindValue(u":body"_s, t.body);
            insert.bindValue(u":sort"_s, order += 10);
            insert.bindValue(u":now"_s, dialect.toDbDateTime(now));
            if (!insert.exec())
                return Database::classify(insert.lastError(), context);
        }
        return {};
    };
    return m;
}

} // namespace

QList<Migration> mailReplyMigrations()
{
    return { step1() };
}

void registerMailReplySchema(MigrationRunner& migrations)
{
    migrations.add(MailReplySchemaOwner, mailReplyMigrations());
}

} // namespace iris::accueil
