#include "modules/accueil/shared/AccueilSchema.h"

#include "core/storage/Dialect.h"
#include "core/storage/SqlScript.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace iris::accueil {

namespace {

// Step 1 — counter queue and callbacks.
//
// Tickets are numbered per category and per day (accueil_ticket_sequences); the
// (day, category, number) triple is unique so two desks issuing at once cannot both get
// A012. The waiting queue of a day is read through a partial index on the callable
// statuses; the public display through (day, called_at).
Migration step1()
{
    Migration m;
    m.version = 1;
    m.description = u"accueil : catégories de tickets, guichets, tickets, rappels"_s;
    m.apply = [](QSqlDatabase& db, const Dialect& dialect) -> Result<void> {
        const QStringList ddl = {
            uR"(CREATE TABLE accueil_ticket_categories (
                id {PK},
                version {INT} NOT NULL DEFAULT 1 CHECK (version >= 1),
                label {TEXT} NOT NULL,
                prefix {TEXT} NOT NULL CHECK (length(prefix) = 1),
                default_service_id {ID} REFERENCES services (id) ON DELETE SET NULL,
                motive_theme_id {ID} REFERENCES motive_themes (id) ON DELETE SET NULL,
                sort_order {INT} NOT NULL DEFAULT 0,
                active {BOOL} NOT NULL DEFAULT TRUE))"_s,
            u"CREATE UNIQUE INDEX accueil_categories_prefix ON accueil_ticket_categories (prefix) WHERE active = TRUE"_s,

            uR"(CREATE TABLE accueil_desks (
                id {PK},
                version {INT} NOT NULL DEFAULT 1 CHECK (version >= 1),
                number {INT} NOT NULL CHECK (number > 0),
                label {TEXT} NOT NULL DEFAULT '',
                service_id {ID} REFERENCES services (id) ON DELETE SET NULL,
                active {BOOL} NOT NULL DEFAULT TRUE))"_s,
            u"CREATE UNIQUE INDEX accueil_desks_number ON accueil_desks (number)"_s,
            u"CREATE INDEX accueil_desks_service ON accueil_desks (service_id) WHERE service_id IS NOT NULL"_s,

            uR"(CREATE TABLE accueil_ticket_sequences (
                category_id {ID} NOT NULL REFERENCES accueil_ticket_categories (id) ON DELETE CASCADE,
                day {DATE} NOT NULL,
                last_value {INT} NOT NULL,
                PRIMARY KEY (category_id, day)){WITHOUT_ROWID})"_s,

            uR"(CREATE TABLE accueil_tickets (
                id {PK},
                version {INT} NOT NULL DEFAULT 1 CHECK (version >= 1),
                day {DATE} NOT NULL,
                category_id {ID} NOT NULL REFERENCES accueil_ticket_categories (id) ON DELETE RESTRICT,
                number {INT} NOT NULL,
                label {TEXT} NOT NULL,
                status {TEXT} NOT NULL DEFAULT 'en_attente' CHECK (status IN ('en_attente', 'appele',
                    'en_cours', 'en_pause', 'transfere', 'absent', 'parti', 'clos')),
                priority {INT} NOT NULL DEFAULT 0,
                appointment_id {ID} REFERENCES appointments (id) ON DELETE SET NULL,
                appointment_at {TS},
                citizen_id {ID} REFERENCES citizens (id) ON DELETE SET NULL,
                service_id {ID} REFERENCES services (id) ON DELETE SET NULL,
                desk_id {ID} REFERENCES accueil_desks (id) ON DELETE SET NULL,
                target_desk_id {ID} REFERENCES accueil_desks (id) ON DELETE SET NULL,
                agent_id {ID} REFERENCES agents (id) ON DELETE SET NULL,
                issued_at {TS} NOT NULL,
                queued_at {TS} NOT NULL,
                first_called_at {TS},
                called_at {TS},
                service_started_at {TS},
                ended_at {TS},
                call_count {INT} NOT NULL DEFAULT 0,
                outcome {TEXT},
                contact_id {ID} REFERENCES contacts (id) ON DELETE SET NULL,
                notes {TEXT} NOT NULL DEFAULT ''))"_s,
            u"CREATE UNIQUE INDEX accueil_tickets_number ON accueil_tickets (day, category_id, number)"_s,
            u"CREATE INDEX accueil_tickets_waiting ON accueil_tickets (day, queued_at) "
            u"WHERE status IN ('en_attente', 'transfere')"_s,
            u"CREATE INDEX accueil_tickets_called ON accueil_tickets (day, called_at) WHERE called_at IS NOT NULL"_s,
            u"CREATE INDEX accueil_tickets_desk ON accueil_tickets (desk_id, day)"_s,
            u"CREATE INDEX accueil_tickets_citizen ON accueil_tickets (citizen_id) WHERE citizen_id IS NOT NULL"_s,
            u"CREATE INDEX accueil_tickets_appointment ON accueil_tickets (appointment_id) "
            u"WHERE appointment_id IS NOT NULL"_s,
            u"CREATE INDEX accueil_tickets_contact ON accueil_tickets (contact_id) WHERE contact_id IS NOT NULL"_s,
            u"CREATE INDEX accueil_tickets_category ON accueil_tickets (category_id)"_s,
            u"CREATE INDEX accueil_tickets_service ON accueil_tickets (service_id) WHERE service_id IS NOT NULL"_s,
            u"CREATE INDEX accueil_tickets_target ON accueil_tickets (target_desk_id) WHERE target_desk_id IS NOT NULL"_s,
            u"CREATE INDEX accueil_tickets_agent ON accueil_tickets (agent_id) WHERE agent_id IS NOT NULL"_s,

            uR"(CREATE TABLE accueil_ticket_motives (
                ticket_id {ID} NOT NULL REFERENCES accueil_tickets (id) ON DELETE CASCADE,
                position {INT} NOT NULL,
                motive_theme_id {ID} NOT NULL REFERENCES motive_themes (id) ON DELETE RESTRICT,
                PRIMARY KEY (ticket_id, position)){WITHOUT_ROWID})"_s,
            u"CREATE INDEX accueil_ticket_motives_motive ON accueil_ticket_motives (motive_theme_id)"_s,

            // Agent and desk kept as plain ids: the history outlives accounts and desks.
            uR"(CREATE TABLE accueil_ticket_events (
                id {PK},
                ticket_id {ID} NOT NULL REFERENCES accueil_tickets (id) ON DELETE CASCADE,
                at {TS} NOT NULL,
                kind {TEXT} NOT NULL,
                desk_id {ID},
                agent_id {ID},
                detail {TEXT} NOT NULL DEFAULT ''))"_s,
            u"CREATE INDEX accueil_ticket_events_ticket ON accueil_ticket_events (ticket_id, at)"_s,

            uR"(CREATE TABLE accueil_callbacks (
                id {PK},
                version {INT} NOT NULL DEFAULT 1 CHECK (version >= 1),
                citizen_id {ID} REFERENCES citizens (id) ON DELETE SET NULL,
                phone {TEXT} NOT NULL,
                motive_theme_id {ID} REFERENCES motive_themes (id) ON DELETE SET NULL,
                subject {TEXT} NOT NULL DEFAULT '',
                due_at {TS} NOT NULL,
                assigned_agent_id {ID} REFERENCES agents (id) ON DELETE SET NULL,
                assigned_service_id {ID} REFERENCES services (id) ON DELETE SET NULL,
                origin_contact_id {ID} REFERENCES contacts (id) ON DELETE SET NULL,
                created_at {TS} NOT NULL,
                created_by {ID} REFERENCES agents (id) ON DELETE SET NULL,
                done_at {TS},
                done_by {ID} REFERENCES agents (id) ON DELETE SET NULL,
                done_contact_id {ID} REFERENCES contacts (id) ON DELETE SET NULL,
                result {TEXT} NOT NULL DEFAULT '',
                CHECK (assigned_agent_id IS NOT NULL OR assigned_service_id IS NOT NULL)))"_s,
            u"CREATE INDEX accueil_callbacks_open ON accueil_callbacks (due_at) WHERE done_at IS NULL"_s,
            u"CREATE INDEX accueil_callbacks_agent ON accueil_callbacks (assigned_agent_id, due_at) "
            u"WHERE done_at IS NULL"_s,
            u"CREATE INDEX accueil_callbacks_service ON accueil_callbacks (assigned_service_id, due_at) "
            u"WHERE done_at IS NULL"_s,
            u"CREATE INDEX accueil_callbacks_citizen ON accueil_callbacks (citizen_id) WHERE citizen_id IS NOT NULL"_s,
            u"CREATE INDEX accueil_callbacks_motive ON accueil_callbacks (motive_theme_id)"_s,
            u"CREATE INDEX accueil_callbacks_contacts ON accueil_callbacks (origin_contact_id)"_s,
            u"CREATE INDEX accueil_callbacks_done_contact ON accueil_callbacks (done_contact_id)"_s,
            u"CREATE INDEX accueil_callbacks_created_by ON accueil_callbacks (created_by)"_s,
            u"CREATE INDEX accueil_callbacks_done_by ON accueil_callbacks (done_by)"_s,
        };
        QStringList statements;
        for (const QString& s : ddl)
            statements << dialect.expand(s);
        return SqlScript::run(db, statements,
                              QCoreApplication::translate("iris::accueil::Schema", "création des tables de l'accueil"));
    };
    return m;
}

} // namespace

QList<Migration> accueilMigrations()
{
    return {step1()};
}

} // namespace iris::accueil
