#pragma once

#include "ui/print/CityLetterHead.h"

#include <QString>

namespace iris::etatcivil {

/// Who writes: the city (commune, addresses, switchboard — ui::CityLetterHead) and the
/// état civil service with its phone hours, printed on every document (CRPA R112-5: the
/// acknowledgement names the service and how to reach it).
/// Defaults: the IRIS counter's état civil service of Issy-les-Moulineaux (DOMAIN.md).
struct LetterHead : ui::CityLetterHead
{
    QString service = QStringLiteral("Service de l'état civil");
    QString phoneHours = QStringLiteral("du lundi au vendredi, de 9 h à 12 h et de 14 h à 17 h");
    QString procureurCourt = QStringLiteral("tribunal judiciaire de Nanterre");
};

} // namespace iris::etatcivil
