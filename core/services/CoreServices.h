#pragma once

#include "core/security/Session.h"

#include <memory>

namespace iris {

class Database;
class AuditLog;
class CitizenService;
class HouseholdService;
class OrganisationService;
class DirectoryService;
class AgentService;
class ContactService;
class DossierService;
class AppointmentService;
class DossierTypeRegistry;

/// The core services bound to one session (one logged-in agent, or the system).
/// Created by the shell after login and by iris-cli; handed to modules via ModuleContext.
class CoreServices
{
public:
    CoreServices(std::shared_ptr<Database> db, Session session, const DossierTypeRegistry* dossierTypes);
    ~CoreServices();

    const Session& session() const;
    const std::shared_ptr<Database>& database() const;
    AuditLog& audit();
    CitizenService& citizens();
    HouseholdService& households();
    OrganisationService& organisations();
    DirectoryService& directory();
    AgentService& agents();
    ContactService& contacts();
    DossierService& dossiers();
    AppointmentService& appointments();

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace iris
