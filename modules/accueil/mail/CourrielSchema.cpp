#include "modules/accueil/mail/CourrielSchema.h"

#include "core/storage/Dialect.h"
#include "core/storage/SqlScript.h"
#include "modules/accueil/mail/MailIds.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace iris::accueil {

namespace {

// Step 1 — the courriel register.
//
// One row per Message-ID (unique index): the importer relies on it, so a message
// delivered twice, or imported again after its file was moved back to new/, is never
// registered twice. The raw message and the attachment bytes live in their own tables so
// the register lists stay light. No assignee is required: when neither a default service
// nor the IRIS service exists, a courriel stays unassigned and every agent holding
// accueil.mail sees it.
Migration step1()
{
    Migration m;
    m.version = 1;
    m.description = u"accueil : registre des courriels, pièces jointes, réglages"_s;
    m.apply = [](QSqlDatabase& db, const Dialect& dialect) -> Result<void> {
        const QStringList ddl = {
            uR"(CREATE TABLE accueil_courriels (
                id {PK},
                version {INT} NOT NULL DEFAULT 1 CHECK (version >= 1),
                message_id {TEXT} NOT NULL CHECK (length(message_id) > 0),
                received_at {TS} NOT NULL,
                registered_at {TS} NOT NULL,
                from_address {TEXT} NOT NULL DEFAULT '',
                from_name {TEXT} NOT NULL DEFAULT '',
                to_address {TEXT} NOT NULL DEFAULT '',
                subject {TEXT} NOT NULL DEFAULT '',
                body_text {TEXT} NOT NULL DEFAULT '',
                malformed {BOOL} NOT NULL DEFAULT FALSE,
                warning {TEXT} NOT NULL DEFAULT '',
                source_file {TEXT} NOT NULL DEFAULT '',
                citizen_id {ID} REFERENCES citizens (id) ON DELETE SET NULL,
                assigned_agent_id {ID} REFERENCES agents (id) ON DELETE SET NULL,
                assigned_service_id {ID} REFERENCES services (id) ON DELETE SET NULL,
                due_at {TS} NOT NULL,
                status {TEXT} NOT NULL DEFAULT 'a_traiter' CHECK (status IN ('a_traiter', 'repondu', 'classe')),
                contact_id {ID} REFERENCES contacts (id) ON DELETE SET NULL,
                answered_at {TS},
                answered_by {ID} REFERENCES agents (id) ON DELETE SET NULL,
                reply_contact_id {ID} REFERENCES contacts (id) ON DELETE SET NULL,
                reply_message_id {TEXT} NOT NULL DEFAULT '',
                reply_to {TEXT} NOT NULL DEFAULT '',
                reply_subject {TEXT} NOT NULL DEFAULT '',
                reply_body {TEXT} NOT NULL DEFAULT '',
                note {TEXT} NOT NULL DEFAULT ''))"_s,
            u"CREATE UNIQUE INDEX accueil_courriels_message ON accueil_courriels (message_id)"_s,
            u"CREATE INDEX accueil_courriels_received ON accueil_courriels (received_at)"_s,
            u"CREATE INDEX accueil_courriels_open ON accueil_courriels (due_at) WHERE status = 'a_traiter'"_s,
            u"CREATE INDEX accueil_courriels_agent ON accueil_courriels (assigned_agent_id, due_at)"_s,
            u"CREATE INDEX accueil_courriels_service ON accueil_courriels (assigned_service_id, due_at)"_s,
            u"CREATE INDEX accueil_courriels_citizen ON accueil_courriels (citizen_id) WHERE citizen_id IS NOT NULL"_s,
            u"CREATE INDEX accueil_courriels_from ON accueil_courriels (from_address)"_s,
            u"CREATE INDEX accueil_courriels_contact ON accueil_courriels (contact_id) WHERE contact_id IS NOT NULL"_s,
            u"CREATE INDEX accueil_courriels_reply_contact ON accueil_courriels (reply_contact_id) "
            u"WHERE reply_contact_id IS NOT NULL"_s,
            u"CREATE INDEX accueil_courriels_answered_by ON accueil_courriels (answered_by) "
            u"WHERE answered_by IS NOT NULL"_s,

            uR"(CREATE TABLE accueil_courriel_raw (
                courriel_id {ID} PRIMARY KEY REFERENCES accueil_courriels (id) ON DELETE CASCADE,
                size {INT} NOT NULL,
                sha256 {TEXT} NOT NULL,
                data {BLOB} NOT NULL))"_s,

            uR"(CREATE TABLE accueil_courriel_attachments (
                id {PK},
                courriel_id {ID} NOT NULL REFERENCES accueil_courriels (id) ON DELETE CASCADE,
                position {INT} NOT NULL,
                file_name {TEXT} NOT NULL,
                mime_type {TEXT} NOT NULL DEFAULT 'application/octet-stream',
                size {INT} NOT NULL,
                sha256 {TEXT} NOT NULL,
                data {BLOB} NOT NULL))"_s,
            u"CREATE UNIQUE INDEX accueil_courriel_attachments_pos ON accueil_courriel_attachments "
            u"(courriel_id, position)"_s,

            // Site settings of the feature, one row per key (reply_days, default_service_id,
            // motive_theme_id, maildir_path); a missing row means the built-in default.
            uR"(CREATE TABLE accueil_courriel_settings (
                key {TEXT} PRIMARY KEY,
                value {TEXT} NOT NULL,
                updated_at {TS} NOT NULL,
                updated_by {ID} REFERENCES agents (id) ON DELETE SET NULL){WITHOUT_ROWID})"_s,
            u"CREATE INDEX accueil_courriel_settings_by ON accueil_courriel_settings (updated_by)"_s,
        };
        QStringList statements;
        for (const QString& s : ddl)
            statements << dialect.expand(s);
        return SqlScript::run(db, statements,
            QCoreApplication::translate("iris::accueil::Schema", "création du registre des courriels"));
    };
    return m;
}

} // namespace

QList<Migration> courrielMigrations()
{
    return { step1() };
}

void registerCourrielSchema(MigrationRunner& migrations)
{
    migrations.add(ids::CourrielSchemaOwner, courrielMigrations());
}

} // namespace iris::accueil
