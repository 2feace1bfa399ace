#pragma once

#include "modules/etatcivil/rules/EtatCivilSettings.h"
#include "modules/etatcivil/rules/RuleCheck.h"

#include <QCoreApplication>
#include <QDate>

namespace iris::etatcivil {

/// The short counter procedures. Pure.
/// - Légalisation de signature: the signer signs in front of the agent and shows an ID.
/// - Duplicate livret de famille: free, at the mairie of residence.
/// - Attestation d'accueil (cerfa 10798): the host pays a tax stamp (€30 by default).
/// - Changement de prénom (Code civil art. 60): filed in person at the mairie; for a minor
///   the legal representative files, and a child of 13 or more must consent personally.
class CounterProcedureRules final
{
    Q_DECLARE_TR_FUNCTIONS(iris::etatcivil::CounterProcedureRules)

public:
    CounterProcedureRules() = delete;

    static RuleCheck legalisation(bool signerPresent, bool identityChecked);
    static RuleCheck livretDuplicate(bool residesInCommune, const QString& commune);
    static RuleCheck attestationAccueil(int stampEuros, const QString& stampNumber, const EtatCivilSettings& settings = {});
    /// Age in whole years on `on`.
    static int ageOn(const QDate& birth, const QDate& on);
    static RuleCheck changementPrenom(bool filedInPerson, const QDate& birth, const QDate& filedOn, bool childConsent,
                                      const EtatCivilSettings& settings = {});
};

} // namespace iris::etatcivil
