#pragma once

#include <QString>

namespace iris::etatcivil {

/// Who writes: the service and its contact details, printed on every document
/// (CRPA R112-5: the acknowledgement names the service and how to reach it).
/// Defaults: the IRIS counter's état civil service of Issy-les-Moulineaux (DOMAIN.md).
struct LetterHead
{
    QString commune = QStringLiteral("Issy-les-Moulineaux");
    QString service = QStringLiteral("Service de l'état civil");
    QString address = QStringLiteral("Centre administratif municipal, 47 rue du Général Leclerc, 92130 Issy-les-Moulineaux");
    QString postalAddress = QStringLiteral("62 rue du Général Leclerc, 92131 Issy-les-Moulineaux Cedex");
    QString phone = QStringLiteral("01 41 23 80 00");
    QString phoneHours = QStringLiteral("du lundi au vendredi, de 9 h à 12 h et de 14 h à 17 h");
    QString procureurCourt = QStringLiteral("tribunal judiciaire de Nanterre");

    /// "d'Issy-les-Moulineaux", "de Vanves": the commune after "de", with the French elision.
    QString ofCommune() const
    {
        const QChar first = commune.isEmpty() ? QChar() : commune.front().toLower();
        static const QString vowels = QStringLiteral("aeiouyhàâéèêîôû");
        return vowels.contains(first) ? QString(QStringLiteral("d'") + commune) : QString(QStringLiteral("de ") + commune);
    }
};

} // namespace iris::etatcivil
