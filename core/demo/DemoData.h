#pragma once

#include "core/security/Permissions.h"

#include <QList>
#include <QString>
#include <span>

namespace iris::demo {

/// Reference tables of the demo data set. Street names are real streets of
/// Issy-les-Moulineaux; people are synthetic combinations of common French first
/// names and surnames; the services directory follows DOMAIN.md where it gives
/// figures (IRIS, CCAS, logement, état civil) and the city switchboard elsewhere.

/// Kind of weekly schedule of a demo service.
enum class HoursPreset {
    CentreAdministratif, ///< Mon–Fri 8:30–18:00, Thu to 19:00, Sat 8:30–12:00 except July–August
    Ccas, ///< Mon–Fri 8:30–18:00, Thu to 19:00
    Bureau, ///< Mon–Fri 8:30–12:00 and 13:30–17:30
    Mediatheque, ///< Tue–Sat, afternoons and Wednesday/Saturday all day
    PoliceMunicipale, ///< every day 7:00–23:00, holidays included
};

struct DemoServiceSpec
{
    const char* code;
    const char* name;
    const char* themes; ///< ';'-separated keywords
    const char* phone; ///< national spelling
    const char* addressLine2;
    HoursPreset hours;
    const char* onDutyNotes;
};

struct DemoMotiveSpec
{
    const char* code; ///< "etat-civil.acte-naissance"; the parent is the part before the dot
    const char* label;
    const char* serviceCode; ///< default service, may be empty
};

struct DemoAgentSpec
{
    const char* login;
    const char* password; ///< documented in resources/demo/AGENTS.md
    const char* displayName;
    Role role;
    const char* serviceCode;
};

std::span<const char* const> streetNames();
std::span<const char* const> maleFirstNames();
std::span<const char* const> femaleFirstNames();
std::span<const char* const> surnames();
std::span<const char* const> birthPlaces();
std::span<const char* const> emailDomains();
std::span<const DemoServiceSpec> services();
std::span<const DemoMotiveSpec> motives();
std::span<const DemoAgentSpec> agents();
/// Contact summaries per top-level motive code (French, short).
std::span<const char* const> contactSummaries(const QString& topMotiveCode);

} // namespace iris::demo
