#include "core/services/CoreServices.h"

#include "core/services/AgentService.h"
#include "core/services/AppointmentService.h"
#include "core/services/AuditLog.h"
#include "core/services/CitizenService.h"
#include "core/services/ContactService.h"
#include "core/services/DirectoryService.h"
#include "core/services/DossierService.h"
#include "core/services/HouseholdService.h"
#include "core/services/OrganisationService.h"

namespace iris {

// Members are declared in dependency order: the session and audit log first, since
// every service keeps a reference to them.
struct CoreServices::Private
{
    Private(std::shared_ptr<Database> database, Session s, const DossierTypeRegistry* dossierTypes)
        : db(std::move(database))
        , session(std::move(s))
        , audit(db, session)
        , citizens(db, session, audit)
        , households(db, session, audit)
        , organisations(db, session, audit)
        , directory(db, session, audit)
        , agents(db, session, audit)
        , contacts(db, session, audit)
        , dossiers(db, session, audit, dossierTypes)
        , appointments(db, session, audit)
    {
    }

    std::shared_ptr<Database> db;
    Session session;
    AuditLog audit;
    CitizenService citizens;
    HouseholdService households;
    OrganisationService organisations;
    DirectoryService directory;
    AgentService agents;
    ContactService contacts;
    DossierService dossiers;
    AppointmentService appointments;
};

CoreServices::CoreServices(std::shared_ptr<Database> db, Session session, const DossierTypeRegistry* dossierTypes)
    : d(std::make_unique<Private>(std::move(db), std::move(session), dossierTypes))
{
}

CoreServices::~CoreServices() = default;

const Session& CoreServices::session() const { return d->session; }
const std::shared_ptr<Database>& CoreServices::database() const { return d->db; }
AuditLog& CoreServices::audit() { return d->audit; }
CitizenService& CoreServices::citizens() { return d->citizens; }
HouseholdService& CoreServices::households() { return d->households; }
OrganisationService& CoreServices::organisations() { return d->organisations; }
DirectoryService& CoreServices::directory() { return d->directory; }
AgentService& CoreServices::agents() { return d->agents; }
ContactService& CoreServices::contacts() { return d->contacts; }
DossierService& CoreServices::dossiers() { return d->dossiers; }
AppointmentService& CoreServices::appointments() { return d->appointments; }

} // namespace iris
