#pragma once

#include "modules/etatcivil/rules/EtatCivilSettings.h"
#include "modules/etatcivil/rules/RuleCheck.h"

#include <QCoreApplication>
#include <QDate>

namespace iris::etatcivil {

/// PACS registration and dossier de mariage.
/// - The birth act of each partner must have been issued less than 3 months before the
///   file is filed, 6 months when issued abroad (Code civil art. 70; décret 2017-889 for PACS).
/// - Marriage: 2 to 4 witnesses (art. 75); banns published for 10 days, the marriage being
///   celebrated from the 10th day after publication, the day of publication not counted
///   (art. 63–64); the file stays valid one year from publication (art. 65, as DOMAIN.md
///   states it), after which banns must be published again.
/// Figures come from EtatCivilSettings (dated parameters). Pure.
class UnionRules final
{
    Q_DECLARE_TR_FUNCTIONS(iris::etatcivil::UnionRules)

public:
    UnionRules() = delete;

    /// Oldest acceptable issue date of a birth act for a file filed on `filedOn`.
    static QDate oldestBirthActIssue(const QDate& filedOn, bool issuedAbroad, const EtatCivilSettings& settings = {});
    /// ok when issued on or after oldestBirthActIssue() and not after filing.
    static RuleCheck birthAct(const QString& whose, const QDate& issuedOn, bool issuedAbroad, const QDate& filedOn,
                              const EtatCivilSettings& settings = {});
    static RuleCheck witnesses(int count, const EtatCivilSettings& settings = {});
    /// First day the marriage may be celebrated after publication on `published`.
    static QDate earliestCelebration(const QDate& published, const EtatCivilSettings& settings = {});
    /// Last day the file is valid (publication + validity).
    static QDate fileExpiry(const QDate& published, const EtatCivilSettings& settings = {});
    /// ok when `celebration` is within [earliestCelebration, fileExpiry].
    static RuleCheck celebration(const QDate& celebration, const QDate& published, const EtatCivilSettings& settings = {});
};

} // namespace iris::etatcivil
