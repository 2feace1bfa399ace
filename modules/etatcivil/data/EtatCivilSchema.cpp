#include "modules/etatcivil/data/EtatCivilSchema.h"

#include "core/storage/Dialect.h"
#include "core/storage/SqlScript.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace iris::etatcivil {

namespace {

Migration step1()
{
    Migration m;
    m.version = 1;
    m.description = u"état civil : paramètres datés, demandes d'actes, démarches, recensement"_s;
    m.apply = [](QSqlDatabase& db, const Dialect& dialect) -> Result<void> {
        QStringList ddl = {
            uR"(CREATE TABLE ec_parameters (
                id {PK},
                key {TEXT} NOT NULL,
                value {TEXT} NOT NULL,
                valid_from {DATE} NOT NULL,
                note {TEXT} NOT NULL DEFAULT '',
                set_by {ID} REFERENCES agents (id) ON DELETE SET NULL,
                set_at {TS} NOT NULL))"_s,
            u"CREATE UNIQUE INDEX ec_parameters_key_from ON ec_parameters (key, valid_from)"_s,

            uR"(CREATE TABLE ec_act_requests (
                dossier_id {ID} PRIMARY KEY REFERENCES dossiers (id) ON DELETE CASCADE,
                act_type {TEXT} NOT NULL,
                document {TEXT} NOT NULL,
                copies {INT} NOT NULL DEFAULT 1 CHECK (copies BETWEEN 1 AND 10),
                person_citizen_id {ID} REFERENCES citizens (id) ON DELETE SET NULL,
                person_nom {TEXT} NOT NULL,
                person_prenoms {TEXT} NOT NULL,
                person_birth_date {DATE},
                person_birth_place {TEXT} NOT NULL DEFAULT '',
                parent1 {TEXT} NOT NULL DEFAULT '',
                parent2 {TEXT} NOT NULL DEFAULT '',
                single_parent {BOOL} NOT NULL DEFAULT FALSE,
                event_date {DATE},
                event_commune {TEXT} NOT NULL DEFAULT '',
                event_country {TEXT} NOT NULL DEFAULT '',
                french_national {BOOL} NOT NULL DEFAULT TRUE,
                last_domicile {TEXT} NOT NULL DEFAULT '',
                requester_nom {TEXT} NOT NULL,
                requester_prenoms {TEXT} NOT NULL DEFAULT '',
                requester_link {TEXT} NOT NULL,
                requester_address {TEXT} NOT NULL DEFAULT '',
                requester_email {TEXT} NOT NULL DEFAULT '',
                channel {TEXT} NOT NULL,
                delivery_mode {TEXT} NOT NULL,
                verdict {TEXT} NOT NULL,
                entitlement_reason {TEXT} NOT NULL,
                entitlement_rule {TEXT} NOT NULL,
                conditions {TEXT} NOT NULL DEFAULT '',
                location_kind {TEXT} NOT NULL,
                destination {TEXT} NOT NULL DEFAULT '',
                location_explanation {TEXT} NOT NULL DEFAULT '',
                register_year {INT},
                register_number {TEXT},
                refusal_reason {TEXT} NOT NULL DEFAULT '',
                delivered_at {TS}))"_s,
            u"CREATE INDEX ec_act_requests_person ON ec_act_requests (person_citizen_id) WHERE person_citizen_id IS NOT NULL"_s,

            uR"(CREATE TABLE ec_procedures (
                dossier_id {ID} PRIMARY KEY REFERENCES dossiers (id) ON DELETE CASCADE,
                kind {TEXT} NOT NULL,
                person_nom {TEXT} NOT NULL DEFAULT '',
                person_prenoms {TEXT} NOT NULL DEFAULT '',
                person_birth_date {DATE},
                event_date {DATE},
                appointment_id {ID} REFERENCES appointments (id) ON DELETE SET NULL,
                details {TEXT} NOT NULL DEFAULT '{}',
                flag {TEXT} NOT NULL DEFAULT ''))"_s,
            u"CREATE INDEX ec_procedures_kind ON ec_procedures (kind)"_s,

            uR"(CREATE TABLE ec_recensements (
                id {PK},
                citizen_id {ID} NOT NULL REFERENCES citizens (id) ON DELETE RESTRICT,
                dossier_id {ID} NOT NULL REFERENCES dossiers (id) ON DELETE RESTRICT,
                attestation_number {TEXT} NOT NULL,
                issued_on {DATE} NOT NULL,
                issued_by {ID} REFERENCES agents (id) ON DELETE SET NULL))"_s,
            u"CREATE UNIQUE INDEX ec_recensements_citizen ON ec_recensements (citizen_id)"_s,
            u"CREATE UNIQUE INDEX ec_recensements_number ON ec_recensements (attestation_number)"_s,
        };
        for (QString& s : ddl)
            s = dialect.expand(s);
        return SqlScript::run(db, ddl, QCoreApplication::translate("iris::etatcivil::EtatCivilSchema",
                                                                   "schéma de l'état civil"));
    };
    return m;
}

} // namespace

QList<Migration> EtatCivilSchema::migrations()
{
    return {step1()};
}

} // namespace iris::etatcivil
