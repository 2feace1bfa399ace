#pragma once

#include "modules/etatcivil/rules/EtatCivilSettings.h"

#include <QCoreApplication>
#include <QDate>

namespace iris::etatcivil {

/// Where a young person stands for the recensement citoyen on a given day.
struct RecensementWindow
{
    enum class Status {
        TooEarly,   ///< before the 16th birthday: not yet possible
        InWindow,   ///< from the 16th birthday to the end of the 3rd month after it
        Late,       ///< after the window: régularisation, still taken until 25
        TooLate,    ///< from the 25th birthday: no longer subject to it
    };
    Status status = Status::TooEarly;
    QDate opens;    ///< 16th birthday
    QDate closes;   ///< last day of the 3rd month after the 16th birthday
    QString message;  ///< French

    bool canRegister() const { return status == Status::InWindow || status == Status::Late; }
};

/// Recensement citoyen (Code du service national art. L113-1): every French national
/// registers at the mairie of domicile from the 16th birthday until the end of the third
/// month after it; a late registration regularises the situation until 25. The mairie
/// issues one attestation and no duplicate. A person born on 29 February reaches an age on
/// 28 February in common years (QDate::addYears). Pure.
class RecensementRules final
{
    Q_DECLARE_TR_FUNCTIONS(iris::etatcivil::RecensementRules)

public:
    RecensementRules() = delete;

    static QDate windowOpens(const QDate& birth);
    static QDate windowCloses(const QDate& birth, const EtatCivilSettings& settings = {});
    static RecensementWindow assess(const QDate& birth, const QDate& today, const EtatCivilSettings& settings = {});
    /// Why a second attestation is refused (no duplicate), with where to turn instead.
    static QString duplicateRefusal(const QString& attestationNumber, const QDate& issuedOn);
};

} // namespace iris::etatcivil
