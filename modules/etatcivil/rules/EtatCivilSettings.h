#pragma once

#include <QString>

namespace iris::etatcivil {

/// The rule parameters in force on a given day. Default-constructed = the values of
/// DOMAIN.md and the texts they come from; a site administrator overrides them from a
/// date on (ParameterStore), and ParameterStore::settingsAt() builds this snapshot.
struct EtatCivilSettings
{
    /// The commune whose registers the service holds (orientation of other acts).
    QString commune = QStringLiteral("Issy-les-Moulineaux");
    /// Processing deadline of an acte request, in working days of the site calendar
    /// (site choice, aligned on the Qualivilles e-mail reply target).
    int acteProcessingDays = 5;
    /// Birth declaration: days after the birth, the day of birth not counted (Code civil art. 55).
    int birthDeclarationDays = 5;
    /// Birth act produced for a PACS or a marriage: issued less than N months before filing…
    int birthActValidityMonths = 3;
    /// …or N months when issued abroad (consular or foreign act).
    int birthActValidityAbroadMonths = 6;
    /// Marriage witnesses (Code civil art. 75).
    int marriageWitnessesMin = 2;
    int marriageWitnessesMax = 4;
    /// Publication of banns (Code civil art. 63–64): the marriage may be celebrated from the
    /// Nth day after publication, the day of publication not counted…
    int bannsDays = 10;
    /// …and the file stays valid N months from publication (Code civil art. 65).
    int marriageFileValidityMonths = 12;
    /// Recensement citoyen: until the end of the Nth month after the 16th birthday.
    int recensementWindowMonths = 3;
    /// Late recensement is still taken (régularisation) until this age.
    int recensementRegularisationAge = 25;
    /// Attestation d'accueil (cerfa 10798): tax stamp paid by the host, in euros.
    int accueilStampEuros = 30;
    /// Changement de prénom of a minor: the child's consent is required from this age (Code civil art. 60).
    int prenomConsentAge = 13;
};

} // namespace iris::etatcivil
