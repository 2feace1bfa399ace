#pragma once

namespace iris {
class PermissionRegistry;
}

namespace iris::accueil {

/// Declares the e-mail permission:
///
///   permission      held by                                        why
///   accueil.mail    agent d'accueil, téléconseiller, superviseur   read, assign, answer and file courriels
///
/// Settings of the feature (reply deadline, default service, Maildir) need
/// accueil.configure, declared with the module's other permissions.
void declareMailPermissions(PermissionRegistry& registry);

} // namespace iris::accueil
