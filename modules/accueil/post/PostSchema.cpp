#include "modules/accueil/post/PostSchema.h"

#include "core/storage/Dialect.h"
#include "core/storage/SqlScript.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace iris::accueil {

namespace {

// Step 1 — the register.
//
// Numbers are allocated from accueil_post_sequences inside the registering transaction
// by one upsert under the row's lock (BEGIN IMMEDIATE on SQLite), and (year, sequence) is
// unique besides, so two agents registering at once can never share "2026-000123".
Migration step1()
{
    Migration m;
    m.version = 1;
    m.description = u"accueil : registre du courrier, pièces jointes, paramètres"_s;
    m.apply = [](QSqlDatabase& db, const Dialect& dialect) -> Result<void> {
        const QStringList ddl = {
            uR"(CREATE TABLE accueil_post_sequences (
                year {INT} NOT NULL PRIMARY KEY,
                last_value {INT} NOT NULL CHECK (last_value >= 0)){WITHOUT_ROWID})"_s,

            uR"(CREATE TABLE accueil_post_letters (
                id {PK},
                version {INT} NOT NULL DEFAULT 1 CHECK (version >= 1),
                year {INT} NOT NULL,
                sequence {INT} NOT NULL CHECK (sequence > 0),
                reference {TEXT} NOT NULL,
                received_on {DATE} NOT NULL,
                registered_at {TS} NOT NULL,
                registered_by {ID} REFERENCES agents (id) ON DELETE SET NULL,
                citizen_id {ID} REFERENCES citizens (id) ON DELETE SET NULL,
                organisation_id {ID} REFERENCES organisations (id) ON DELETE SET NULL,
                sender_name {TEXT} NOT NULL,
                sender_address {TEXT} NOT NULL DEFAULT '',
                subject {TEXT} NOT NULL,
                motive_theme_id {ID} REFERENCES motive_themes (id) ON DELETE SET NULL,
                silence_rule {TEXT} NOT NULL DEFAULT 'sans_objet'
                    CHECK (silence_rule IN ('sans_objet', 'acceptation', 'rejet')),
                missing_pieces {TEXT} NOT NULL DEFAULT '',
                pieces_due_on {DATE},
                assigned_agent_id {ID} REFERENCES agents (id) ON DELETE SET NULL,
                assigned_service_id {ID} REFERENCES services (id) ON DELETE SET NULL,
                due_on {DATE} NOT NULL,
                ack_due_on {DATE} NOT NULL,
                status {TEXT} NOT NULL DEFAULT 'a_traiter' CHECK (status IN ('a_traiter', 'repondu', 'classe')),
                incoming_contact_id {ID} REFERENCES contacts (id) ON DELETE SET NULL,
                acknowledged_on {DATE},
                replied_on {DATE},
                reply_mode {TEXT} CHECK (reply_mode IN ('courrier', 'courriel', 'telephone', 'visite')),
                reply_summary {TEXT} NOT NULL DEFAULT '',
                reply_contact_id {ID} REFERENCES contacts (id) ON DELETE SET NULL,
                notes {TEXT} NOT NULL DEFAULT '',
                search_key {TEXT} NOT NULL DEFAULT '',
                CHECK (citizen_id IS NULL OR organisation_id IS NULL)))"_s,
            u"CREATE UNIQUE INDEX accueil_post_letters_number ON accueil_post_letters (year, sequence)"_s,
            u"CREATE UNIQUE INDEX accueil_post_letters_reference ON accueil_post_letters (reference)"_s,
            u"CREATE INDEX accueil_post_letters_open ON accueil_post_letters (due_on) WHERE status = 'a_traiter'"_s,
            u"CREATE INDEX accueil_post_letters_received ON accueil_post_letters (received_on)"_s,
            u"CREATE INDEX accueil_post_letters_agent ON accueil_post_letters (assigned_agent_id, due_on)"_s,
            u"CREATE INDEX accueil_post_letters_service ON accueil_post_letters (assigned_service_id, due_on)"_s,
            u"CREATE INDEX accueil_post_letters_citizen ON accueil_post_letters (citizen_id) WHERE citizen_id IS NOT NULL"_s,
            u"CREATE INDEX accueil_post_letters_organisation ON accueil_post_letters (organisation_id) "
            u"WHERE organisation_id IS NOT NULL"_s,
            u"CREATE INDEX accueil_post_letters_motive ON accueil_post_letters (motive_theme_id)"_s,
            u"CREATE INDEX accueil_post_letters_registered_by ON accueil_post_letters (registered_by)"_s,
            u"CREATE INDEX accueil_post_letters_in_contact ON accueil_post_letters (incoming_contact_id)"_s,
            u"CREATE INDEX accueil_post_letters_reply_contact ON accueil_post_letters (reply_contact_id)"_s,

            uR"(CREATE TABLE accueil_post_documents (
                id {PK},
                letter_id {ID} NOT NULL REFERENCES accueil_post_letters (id) ON DELETE CASCADE,
                kind {TEXT} NOT NULL CHECK (kind IN ('scan', 'accuse', 'reponse', 'reponse_jointe')),
                file_name {TEXT} NOT NULL,
                size {INT} NOT NULL CHECK (size > 0),
                sha256 {TEXT} NOT NULL,
                content {BLOB} NOT NULL,
                created_at {TS} NOT NULL,
                created_by {ID} REFERENCES agents (id) ON DELETE SET NULL))"_s,
            u"CREATE INDEX accueil_post_documents_letter ON accueil_post_documents (letter_id, kind)"_s,
            u"CREATE INDEX accueil_post_documents_created_by ON accueil_post_documents (created_by)"_s,

            uR"(CREATE TABLE accueil_post_settings (
                key {TEXT} NOT NULL PRIMARY KEY,
                value {TEXT} NOT NULL,
                updated_at {TS} NOT NULL,
                updated_by {ID} REFERENCES agents (id) ON DELETE SET NULL){WITHOUT_ROWID})"_s,
        };
        QStringList statements;
        for (const QString& s : ddl)
            statements << dialect.expand(s);
        return SqlScript::run(db, statements,
            QCoreApplication::translate("iris::accueil::PostSchema", "création du registre du courrier"));
    };
    return m;
}

} // namespace

QList<Migration> postMigrations()
{
    return { step1() };
}

} // namespace iris::accueil
