#include "core/storage/schema/CoreSchema.h"

#include "core/storage/Dialect.h"
#include "core/storage/SqlScript.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace iris {

// Search index design (see CitizenRepository):
// - citizen_name_tokens: one row per folded word of the names (nom d'usage, nom de
//   naissance, prénoms); a query word is a prefix range on `token`.
// - citizen_name_pairs: for every ordered pair of distinct name words, the first three
//   letters of each ("dup jea"); a two-word query becomes one narrow range here
//   instead of the intersection of two wide ones.
// - phone_rev / phone2_rev: digits of the E.164 number reversed, so "last digits" is a
//   prefix range; email_key: the lower-cased e-mail.
Migration coreSchemaStep1()
{
    Migration m;
    m.version = 1;
    m.description = u"usagers, index de recherche, foyers, associations, journal d'audit"_s;
    m.apply = [](QSqlDatabase& db, const Dialect& dialect) -> Result<void> {
        const QStringList ddl = {
            uR"(CREATE TABLE citizens (
                id {PK},
                version {INT} NOT NULL DEFAULT 1 CHECK (version >= 1),
                civilite {TEXT} NOT NULL DEFAULT '',
                nom_usage {TEXT} NOT NULL DEFAULT '',
                nom_naissance {TEXT} NOT NULL DEFAULT '',
                prenoms {TEXT} NOT NULL DEFAULT '',
                birth_date {DATE},
                birth_place {TEXT} NOT NULL DEFAULT '',
                address_line1 {TEXT} NOT NULL DEFAULT '',
                address_line2 {TEXT} NOT NULL DEFAULT '',
                postcode {TEXT} NOT NULL DEFAULT '',
                city {TEXT} NOT NULL DEFAULT '',
                phone {TEXT},
                phone2 {TEXT},
                email {TEXT},
                preferred_channel {TEXT} NOT NULL DEFAULT '',
                consent_contact {BOOL} NOT NULL DEFAULT FALSE,
                notes {TEXT} NOT NULL DEFAULT '',
                nir {TEXT},
                name_key {TEXT} NOT NULL DEFAULT '',
                email_key {TEXT},
                phone_rev {TEXT},
                phone2_rev {TEXT},
                created_at {TS} NOT NULL,
                updated_at {TS} NOT NULL))"_s,
            u"CREATE INDEX citizens_phone ON citizens (phone)"_s,
            u"CREATE INDEX citizens_phone2 ON citizens (phone2)"_s,
            u"CREATE INDEX citizens_phone_rev ON citizens (phone_rev)"_s,
            u"CREATE INDEX citizens_phone2_rev ON citizens (phone2_rev)"_s,
            u"CREATE INDEX citizens_email_key ON citizens (email_key)"_s,
            u"CREATE INDEX citizens_birth_date ON citizens (birth_date)"_s,
            u"CREATE INDEX citizens_nir ON citizens (nir)"_s,

            uR"(CREATE TABLE citizen_name_tokens (
                token {TEXT} NOT NULL,
                citizen_id {ID} NOT NULL REFERENCES citizens (id) ON DELETE CASCADE,
                PRIMARY KEY (token, citizen_id)){WITHOUT_ROWID})"_s,
            u"CREATE INDEX citizen_name_tokens_citizen ON citizen_name_tokens (citizen_id, token)"_s,
            uR"(CREATE TABLE citizen_name_pairs (
                pair_key {TEXT} NOT NULL,
                citizen_id {ID} NOT NULL REFERENCES citizens (id) ON DELETE CASCADE,
                PRIMARY KEY (pair_key, citizen_id)){WITHOUT_ROWID})"_s,
            u"CREATE INDEX citizen_name_pairs_citizen ON citizen_name_pairs (citizen_id)"_s,

            uR"(CREATE TABLE households (
                id {PK},
                version {INT} NOT NULL DEFAULT 1 CHECK (version >= 1),
                label {TEXT} NOT NULL DEFAULT '',
                notes {TEXT} NOT NULL DEFAULT '',
                created_at {TS} NOT NULL,
                updated_at {TS} NOT NULL))"_s,
            uR"(CREATE TABLE household_members (
                household_id {ID} NOT NULL REFERENCES households (id) ON DELETE CASCADE,
                citizen_id {ID} NOT NULL REFERENCES citizens (id) ON DELETE CASCADE,
                link {TEXT} NOT NULL
                    CHECK (link IN ('chef_de_famille', 'conjoint', 'enfant', 'autre')),
                dependant {BOOL} NOT NULL DEFAULT FALSE,
                joined_at {TS} NOT NULL,
                PRIMARY KEY (household_id, citizen_id)))"_s,
            // A person belongs to one household at a time.
            u"CREATE UNIQUE INDEX household_members_citizen ON household_members (citizen_id)"_s,

            uR"(CREATE TABLE organisations (
                id {PK},
                version {INT} NOT NULL DEFAULT 1 CHECK (version >= 1),
                name {TEXT} NOT NULL,
                name_key {TEXT} NOT NULL,
                rna {TEXT},
                siret {TEXT},
                address_line1 {TEXT} NOT NULL DEFAULT '',
                address_line2 {TEXT} NOT NULL DEFAULT '',
                postcode {TEXT} NOT NULL DEFAULT '',
                city {TEXT} NOT NULL DEFAULT '',
                phone {TEXT},
                email {TEXT},
                representative_id {ID} REFERENCES citizens (id) ON DELETE SET NULL,
                notes {TEXT} NOT NULL DEFAULT '',
                created_at {TS} NOT NULL,
                updated_at {TS} NOT NULL))"_s,
            u"CREATE INDEX organisations_name_key ON organisations (name_key)"_s,
            u"CREATE UNIQUE INDEX organisations_rna ON organisations (rna) WHERE rna IS NOT NULL"_s,
            u"CREATE INDEX organisations_siret ON organisations (siret)"_s,
            u"CREATE INDEX organisations_representative ON organisations (representative_id)"_s,

            // No foreign key to agents: the trail outlives accounts and records.
            uR"(CREATE TABLE audit_events (
                id {PK},
                at {TS} NOT NULL,
                agent_id {ID},
                agent_login {TEXT} NOT NULL,
                action {TEXT} NOT NULL,
                entity_kind {TEXT} NOT NULL,
                entity_id {ID},
                details {TEXT} NOT NULL DEFAULT '{}'))"_s,
            u"CREATE INDEX audit_events_entity ON audit_events (entity_kind, entity_id, at)"_s,
            u"CREATE INDEX audit_events_at ON audit_events (at)"_s,
            u"CREATE INDEX audit_events_agent ON audit_events (agent_id, at)"_s,
        };
        QStringList statements;
        for (const QString& s : ddl)
            statements << dialect.expand(s);
        return SqlScript::run(db, statements,
                              QCoreApplication::translate("iris::CoreSchema", "création des tables des usagers"));
    };
    return m;
}

} // namespace iris
