#include "core/storage/Dialect.h"
#include "core/storage/SqlScript.h"
#include "core/storage/schema/CoreSchema.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace iris {

// Step 2 — the relation side: services directory, agents, motive themes, contacts,
// dossiers (with their checklist, timeline and per-type/year sequences) and appointments.
//
// Deleting a citizen (CitizenService::remove): contacts keep their history anonymised
// (citizen_id SET NULL, they still count in the indicators), appointments go with the
// person (CASCADE), dossiers forbid it (RESTRICT: merge the records instead).
// contacts holds millions of rows: every foreign key column that a parent deletion has
// to look up is indexed, most with started_at so lists by citizen/service/agent/motive
// come out in date order from the index alone.
Migration coreSchemaStep2()
{
    Migration m;
    m.version = 2;
    m.description = u"annuaire des services, agents, motifs, contacts, dossiers, rendez-vous"_s;
    m.apply = [](QSqlDatabase& db, const Dialect& dialect) -> Result<void> {
        const QStringList ddl = {
            uR"(CREATE TABLE services (
                id {PK},
                version {INT} NOT NULL DEFAULT 1 CHECK (version >= 1),
                code {TEXT},
                name {TEXT} NOT NULL,
                name_key {TEXT} NOT NULL,
                themes {TEXT} NOT NULL DEFAULT '',
                search_key {TEXT} NOT NULL DEFAULT '',
                phone {TEXT},
                email {TEXT},
                address_line1 {TEXT} NOT NULL DEFAULT '',
                address_line2 {TEXT} NOT NULL DEFAULT '',
                postcode {TEXT} NOT NULL DEFAULT '',
                city {TEXT} NOT NULL DEFAULT '',
                opening_hours {TEXT} NOT NULL DEFAULT '',
                on_duty_notes {TEXT} NOT NULL DEFAULT '',
                active {BOOL} NOT NULL DEFAULT TRUE,
                created_at {TS} NOT NULL,
                updated_at {TS} NOT NULL))"_s,
            u"CREATE UNIQUE INDEX services_code ON services (code) WHERE code IS NOT NULL"_s,
            u"CREATE UNIQUE INDEX services_name_key ON services (name_key)"_s,

            uR"(CREATE TABLE agents (
                id {PK},
                version {INT} NOT NULL DEFAULT 1 CHECK (version >= 1),
                login {TEXT} NOT NULL,
                display_name {TEXT} NOT NULL,
                role {TEXT} NOT NULL,
                service_id {ID} REFERENCES services (id) ON DELETE SET NULL,
                active {BOOL} NOT NULL DEFAULT TRUE,
                password_hash {TEXT},
                last_login_at {TS},
                created_at {TS} NOT NULL,
                updated_at {TS} NOT NULL))"_s,
            u"CREATE UNIQUE INDEX agents_login ON agents (login)"_s,
            u"CREATE INDEX agents_service ON agents (service_id)"_s,

            uR"(CREATE TABLE motive_themes (
                id {PK},
                version {INT} NOT NULL DEFAULT 1 CHECK (version >= 1),
                parent_id {ID} REFERENCES motive_themes (id) ON DELETE RESTRICT,
                code {TEXT},
                label {TEXT} NOT NULL,
                default_service_id {ID} REFERENCES services (id) ON DELETE SET NULL,
                sort_order {INT} NOT NULL DEFAULT 0,
                active {BOOL} NOT NULL DEFAULT TRUE))"_s,
            u"CREATE UNIQUE INDEX motive_themes_code ON motive_themes (code) WHERE code IS NOT NULL"_s,
            u"CREATE INDEX motive_themes_parent ON motive_themes (parent_id, sort_order)"_s,
            u"CREATE INDEX motive_themes_service ON motive_themes (default_service_id)"_s,

            uR"(CREATE TABLE dossier_sequences (
                type_id {TEXT} NOT NULL,
                year {INT} NOT NULL,
                last_value {INT} NOT NULL,
                PRIMARY KEY (type_id, year)){WITHOUT_ROWID})"_s,

            uR"(CREATE TABLE dossiers (
                id {PK},
                version {INT} NOT NULL DEFAULT 1 CHECK (version >= 1),
                type_id {TEXT} NOT NULL,
                reference {TEXT} NOT NULL,
                year {INT} NOT NULL,
                sequence {INT} NOT NULL,
                status {TEXT} NOT NULL,
                subject {TEXT} NOT NULL DEFAULT '',
                service_id {ID} REFERENCES services (id) ON DELETE SET NULL,
                agent_id {ID} REFERENCES agents (id) ON DELETE SET NULL,
                opened_on {DATE} NOT NULL,
                due_date {DATE},
                closed_at {TS},
                citizen_id {ID} REFERENCES citizens (id) ON DELETE RESTRICT,
                organisation_id {ID} REFERENCES organisations (id) ON DELETE RESTRICT,
                created_at {TS} NOT NULL,
                updated_at {TS} NOT NULL))"_s,
            u"CREATE UNIQUE INDEX dossiers_reference ON dossiers (reference)"_s,
            u"CREATE UNIQUE INDEX dossiers_type_year_sequence ON dossiers (type_id, year, sequence)"_s,
            u"CREATE INDEX dossiers_citizen ON dossiers (citizen_id, opened_on)"_s,
            u"CREATE INDEX dossiers_organisation ON dossiers (organisation_id) WHERE organisation_id IS NOT NULL"_s,
            u"CREATE INDEX dossiers_service ON dossiers (service_id, due_date)"_s,
            u"CREATE INDEX dossiers_agent ON dossiers (agent_id, due_date)"_s,
            u"CREATE INDEX dossiers_open_due ON dossiers (due_date) WHERE closed_at IS NULL"_s,

            uR"(CREATE TABLE dossier_documents (
                id {PK},
                version {INT} NOT NULL DEFAULT 1 CHECK (version >= 1),
                dossier_id {ID} NOT NULL REFERENCES dossiers (id) ON DELETE CASCADE,
                position {INT} NOT NULL DEFAULT 0,
                label {TEXT} NOT NULL,
                required {BOOL} NOT NULL DEFAULT TRUE,
                state {TEXT} NOT NULL DEFAULT 'attendu' CHECK (state IN ('attendu', 'recu', 'verifie')),
                received_at {TS},
                received_by {ID} REFERENCES agents (id) ON DELETE SET NULL,
                verified_at {TS},
                verified_by {ID} REFERENCES agents (id) ON DELETE SET NULL,
                note {TEXT} NOT NULL DEFAULT ''))"_s,
            u"CREATE INDEX dossier_documents_dossier ON dossier_documents (dossier_id, position)"_s,

            // Agent kept as a plain id: the timeline outlives accounts.
            uR"(CREATE TABLE dossier_events (
                id {PK},
                dossier_id {ID} NOT NULL REFERENCES dossiers (id) ON DELETE CASCADE,
                at {TS} NOT NULL,
                agent_id {ID},
                kind {TEXT} NOT NULL,
                text {TEXT} NOT NULL DEFAULT ''))"_s,
            u"CREATE INDEX dossier_events_dossier ON dossier_events (dossier_id, at)"_s,

            uR"(CREATE TABLE contacts (
                id {PK},
                version {INT} NOT NULL DEFAULT 1 CHECK (version >= 1),
                channel {TEXT} NOT NULL CHECK (channel IN ('visite', 'telephone', 'courriel', 'courrier')),
                direction {TEXT} NOT NULL DEFAULT 'entrant' CHECK (direction IN ('entrant', 'sortant')),
                started_at {TS} NOT NULL,
                ended_at {TS},
                agent_id {ID} REFERENCES agents (id) ON DELETE SET NULL,
                service_id {ID} REFERENCES services (id) ON DELETE SET NULL,
                motive_theme_id {ID} REFERENCES motive_themes (id) ON DELETE SET NULL,
                summary {TEXT} NOT NULL DEFAULT '',
                outcome {TEXT} NOT NULL CHECK (outcome IN
                    ('repondu', 'oriente', 'dossier_cree', 'rendez_vous', 'rappel_prevu')),
                oriented_service_id {ID} REFERENCES services (id) ON DELETE SET NULL,
                dossier_id {ID} REFERENCES dossiers (id) ON DELETE SET NULL,
                callback_due_at {TS},
                citizen_id {ID} REFERENCES citizens (id) ON DELETE SET NULL,
                organisation_id {ID} REFERENCES organisations (id) ON DELETE SET NULL,
                created_at {TS} NOT NULL))"_s,
            u"CREATE INDEX contacts_citizen ON contacts (citizen_id, started_at)"_s,
            u"CREATE INDEX contacts_started ON contacts (started_at)"_s,
            u"CREATE INDEX contacts_service ON contacts (service_id, started_at)"_s,
            u"CREATE INDEX contacts_agent ON contacts (agent_id, started_at)"_s,
            u"CREATE INDEX contacts_motive ON contacts (motive_theme_id, started_at)"_s,
            u"CREATE INDEX contacts_oriented ON contacts (oriented_service_id) WHERE oriented_service_id IS NOT NULL"_s,
            u"CREATE INDEX contacts_dossier ON contacts (dossier_id) WHERE dossier_id IS NOT NULL"_s,
            u"CREATE INDEX contacts_organisation ON contacts (organisation_id) WHERE organisation_id IS NOT NULL"_s,
            u"CREATE INDEX contacts_callback ON contacts (callback_due_at) WHERE callback_due_at IS NOT NULL"_s,

            uR"(CREATE TABLE appointments (
                id {PK},
                version {INT} NOT NULL DEFAULT 1 CHECK (version >= 1),
                citizen_id {ID} NOT NULL REFERENCES citizens (id) ON DELETE CASCADE,
                service_id {ID} NOT NULL REFERENCES services (id) ON DELETE RESTRICT,
                agent_id {ID} REFERENCES agents (id) ON DELETE SET NULL,
                start_at {TS} NOT NULL,
                end_at {TS} NOT NULL,
                duration_minutes {INT} NOT NULL CHECK (duration_minutes > 0),
                motive_theme_id {ID} REFERENCES motive_themes (id) ON DELETE SET NULL,
                motive {TEXT} NOT NULL DEFAULT '',
                status {TEXT} NOT NULL DEFAULT 'prevu' CHECK (status IN ('prevu', 'honore', 'annule', 'absent')),
                dossier_id {ID} REFERENCES dossiers (id) ON DELETE SET NULL,
                cancel_reason {TEXT} NOT NULL DEFAULT '',
                created_at {TS} NOT NULL,
                updated_at {TS} NOT NULL))"_s,
            u"CREATE INDEX appointments_start ON appointments (start_at)"_s,
            u"CREATE INDEX appointments_service ON appointments (service_id, start_at)"_s,
            u"CREATE INDEX appointments_citizen ON appointments (citizen_id, start_at)"_s,
            u"CREATE INDEX appointments_agent ON appointments (agent_id, start_at)"_s,
            u"CREATE INDEX appointments_motive ON appointments (motive_theme_id) WHERE motive_theme_id IS NOT NULL"_s,
            u"CREATE INDEX appointments_dossier ON appointments (dossier_id) WHERE dossier_id IS NOT NULL"_s,
        };
        QStringList statements;
        for (const QString& s : ddl)
            statements << dialect.expand(s);
        return SqlScript::run(db, statements,
            QCoreApplication::translate("iris::CoreSchema", "création des tables de la relation usager"));
    };
    return m;
}

} // namespace iris
