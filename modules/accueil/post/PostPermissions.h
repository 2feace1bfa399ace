#pragma once

namespace iris {
class PermissionRegistry;
}

namespace iris::accueil {

/// Declares accueil.post — keep the post register (register, dispatch, the counter's views):
/// agent d'accueil and superviseur — and accueil.post.handle — handle the letters assigned
/// to oneself or one's service (acknowledge, reply, file): the counter, the services'
/// agents and the CCAS's social workers. The register's settings need accueil.configure.
void declarePostPermissions(PermissionRegistry& registry);

} // namespace iris::accueil
