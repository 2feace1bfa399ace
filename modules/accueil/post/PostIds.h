#pragma once

#include <QString>

/// Stable identifiers of the post register (beside the module's in shared/AccueilIds.h).
namespace iris::accueil::ids {

/// Keeping the register: registering, dispatching, the counter's views of the register.
inline const QString PermPost = QStringLiteral("accueil.post");
/// Handling the letters assigned to oneself or one's service (read, acknowledge, reply,
/// file, hand on): the services' agents as well as the counter.
inline const QString PermPostHandle = QStringLiteral("accueil.post.handle");
inline const QString PostPage = QStringLiteral("accueil.courrier");
inline const QString PostSettingsPage = QStringLiteral("accueil.courrier.settings");
inline const QString PostCitizenPanel = QStringLiteral("accueil.courrier.citizen");
inline const QString RegisterLetterAction = QStringLiteral("accueil.registerLetter");
/// Overdue item kind and audit entity kind of a register entry.
inline const QString PostKind = QStringLiteral("courrier");
inline const QString PostEntity = QStringLiteral("accueil_courrier");

} // namespace iris::accueil::ids
