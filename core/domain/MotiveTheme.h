#pragma once

#include <QString>

namespace iris {

/// A node of the configurable tree of contact motives ("État civil" › "Acte de naissance").
struct MotiveTheme
{
    qint64 id = 0;
    int version = 0; ///< optimistic lock; 0 = not saved yet
    qint64 parentId = 0; ///< 0 = top-level theme
    QString code; ///< stable key for modules ("etat-civil.acte-naissance"); may be empty
    QString label; ///< French
    qint64 defaultServiceId = 0; ///< service a contact on this motive is usually oriented to; 0 = none
    int sortOrder = 0;
    bool active = true; ///< inactive motives stay on old contacts but are no longer offered
};

} // namespace iris
