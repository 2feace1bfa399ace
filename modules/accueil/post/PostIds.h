#pragma once

#include <QString>

/// Stable identifiers of the post register (beside the module's in shared/AccueilIds.h).
namespace iris::accueil::ids {

inline const QString PermPost = QStringLiteral("accueil.post");
inline const QString PostPage = QStringLiteral("accueil.courrier");
inline const QString PostSettingsPage = QStringLiteral("accueil.courrier.settings");
inline const QString RegisterLetterAction = QStringLiteral("accueil.registerLetter");
/// Overdue item kind and audit entity kind of a register entry.
inline const QString PostKind = QStringLiteral("courrier");
inline const QString PostEntity = QStringLiteral("accueil_courrier");

} // namespace iris::accueil::ids
