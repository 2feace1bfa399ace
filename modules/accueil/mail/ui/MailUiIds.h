#pragma once

#include <QString>

/// Identifiers of the e-mail feature's UI contributions.
namespace iris::accueil::ids {

inline const QString MailRegisterPage = QStringLiteral("accueil.courriels");
inline const QString MailRegisterAction = QStringLiteral("accueil.openCourriels");
inline const QString MailCitizenPanel = QStringLiteral("accueil.citizenCourriels");
inline const QString MailSmtpSettings = QStringLiteral("accueil.courriels.envoi");
inline const QString MailTemplatesSettings = QStringLiteral("accueil.courriels.modeles");
inline const QString MailIntakeSettings = QStringLiteral("accueil.courriels.reception");

} // namespace iris::accueil::ids
