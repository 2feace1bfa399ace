#pragma once

#include <QString>

/// Stable identifiers of the e-mail feature of the Accueil module (data layer).
namespace iris::accueil::ids {

inline const QString CourrielSchemaOwner = QStringLiteral("accueil-courriel");
inline const QString PermMail = QStringLiteral("accueil.mail");
/// OverdueItem::kind of courriels on the "À traiter" list.
inline const QString CourrielKind = QStringLiteral("courriel");
/// AuditEvent entity kind.
inline const QString CourrielEntity = QStringLiteral("accueil_courriel");

} // namespace iris::accueil::ids
