#pragma once

#include <QString>

namespace iris::accueil {

/// A kind of visit chosen when the ticket is issued ("État civil et formalités" → A001).
/// Configurable by the site (accueil.configure).
struct TicketCategory
{
    qint64 id = 0;
    int version = 0;
    QString label;              ///< French
    QString prefix;             ///< one capital letter, unique among active categories
    qint64 defaultServiceId = 0; ///< queue of its tickets (0 = accueil polyvalent)
    qint64 motiveThemeId = 0;   ///< main motive proposed when the visit is closed (0 = none)
    int sortOrder = 0;
    bool active = true;
};

} // namespace iris::accueil
