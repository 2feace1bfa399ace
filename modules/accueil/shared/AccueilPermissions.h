#pragma once

namespace iris {
class PermissionRegistry;
}

namespace iris::accueil {

/// Declares the module's permissions and which roles hold them:
///
///   permission          held by                                         why
///   accueil.counter     agent d'accueil, superviseur                   desk work (tickets, visits)
///   accueil.phone       téléconseiller, agent d'accueil, superviseur   incoming calls, callbacks
///   accueil.quick       téléconseiller, agent d'accueil, superviseur   "réponse immédiate"
///   accueil.supervise   superviseur                                    every queue, every agent's items
///   accueil.followup    every role but administrateur                 overdue items of self / service
///   accueil.configure   superviseur, administrateur                    ticket categories and desks
void declarePermissions(PermissionRegistry& registry);

} // namespace iris::accueil
