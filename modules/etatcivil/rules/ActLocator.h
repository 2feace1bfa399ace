#pragma once

#include "modules/etatcivil/rules/ActLocation.h"
#include "modules/etatcivil/rules/ActVocabulary.h"

#include <QCoreApplication>

namespace iris::etatcivil {

/// What the locator needs to know about the event.
struct ActPlace
{
    QString commune;          ///< commune of the event ("Issy-les-Moulineaux", "Lyon")
    QString country;          ///< empty or "France" = in France
    bool frenchNational = true;  ///< for events abroad
    QString lastDomicile;     ///< death acts: commune of the last domicile
};

/// Which registers hold an act. An act is drawn up in the commune where the event took
/// place; a death act is also transcribed in the commune of the last domicile (Code civil
/// art. 80). Acts of French nationals for events abroad are kept by the Service central
/// d'état civil of the ministry of foreign affairs in Nantes; foreigners' acts abroad by the
/// authorities of the country. Communes are compared accent-, case- and hyphen-insensitively
/// ("ISSY LES MOULINEAUX" = "Issy-les-Moulineaux"). Pure.
class ActLocator final
{
    Q_DECLARE_TR_FUNCTIONS(iris::etatcivil::ActLocator)

public:
    ActLocator() = delete;

    static ActLocation locate(ActType act, const ActPlace& place, const QString& siteCommune);
    static bool sameCommune(const QString& a, const QString& b);
    static bool isFrance(const QString& country);
    /// "Service central d'état civil, 11 rue de la Maison Blanche, 44941 Nantes Cedex 9"
    static QString scecAddress();
};

} // namespace iris::etatcivil
