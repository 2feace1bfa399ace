#pragma once

namespace iris {
class PermissionRegistry;
}

namespace iris::accueil {

/// Declares accueil.post — keep the post register (register, assign, acknowledge, reply):
/// agent d'accueil and superviseur. The register's settings need accueil.configure.
void declarePostPermissions(PermissionRegistry& registry);

} // namespace iris::accueil
