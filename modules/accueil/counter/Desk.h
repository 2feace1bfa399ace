#pragma once

#include <QString>

namespace iris::accueil {

/// A counter position ("Guichet 3"). A desk with a service serves that service's queue;
/// a desk without one (polyvalent) serves every ticket whose service has no desk of its own.
struct Desk
{
    qint64 id = 0;
    int version = 0;
    int number = 0;       ///< shown on the public display
    QString label;        ///< French, may be empty ("Guichet CCAS")
    qint64 serviceId = 0; ///< 0 = polyvalent
    bool active = true;

    QString displayName() const;  ///< label, else "Guichet N"
};

} // namespace iris::accueil
