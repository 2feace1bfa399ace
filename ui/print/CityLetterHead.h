#pragma once

#include <QCoreApplication>
#include <QString>

namespace iris::ui {

/// The city part of every letter head: the commune, the town hall's street and postal
/// addresses and its switchboard. Modules add the writing service's own lines (état civil,
/// the service in charge of a letter…). Defaults: Issy-les-Moulineaux (DOMAIN.md).
struct CityLetterHead
{
    Q_DECLARE_TR_FUNCTIONS(iris::ui::CityLetterHead)

public:
    QString commune = QStringLiteral("Issy-les-Moulineaux");
    QString address = QStringLiteral(
        "Centre administratif municipal, 47 rue du Général Leclerc, 92130 Issy-les-Moulineaux");
    QString postalAddress = QStringLiteral("62 rue du Général Leclerc, 92131 Issy-les-Moulineaux Cedex");
    QString phone = QStringLiteral("01 41 23 80 00");

    /// "d'Issy-les-Moulineaux", "de Vanves": the commune after "de", with the French elision.
    QString ofCommune() const;
    /// "Mairie d'Issy-les-Moulineaux".
    QString townHall() const;
};

} // namespace iris::ui
