#include "modules/usagers/CitizenActivity.h"

#include "core/domain/Agent.h"
#include "core/domain/MotiveTheme.h"
#include "core/domain/MunicipalService.h"
#include "core/services/AgentService.h"
#include "core/services/ContactService.h"
#include "core/services/CoreServices.h"
#include "core/services/DirectoryService.h"
#include "core/services/DossierService.h"
#include "core/services/DossierTypeRegistry.h"

namespace iris::usagers {

CitizenActivity CitizenActivity::load(CoreServices& services, qint64 citizenId, int parts)
{
    CitizenActivity a;
    if (parts & Contacts) {
        Result<QList<Contact>> contacts = services.contacts().listByCitizen(citizenId, 0);
        a.contactsLoaded = contacts.ok();
        if (contacts)
            a.contacts = std::move(contacts).value();
        else
            a.contactsError = contacts.error();
    }
    if (parts & Dossiers) {
        Result<QList<Dossier>> dossiers = services.dossiers().listByCitizen(citizenId);
        a.dossiersLoaded = dossiers.ok();
        if (dossiers)
            a.dossiers = std::move(dossiers).value();
        else
            a.dossiersError = dossiers.error();
    }
    if (parts & Names) {
        if (const auto themes = services.contacts().motiveThemes(true)) {
            QHash<qint64, MotiveTheme> byId;
            for (const MotiveTheme& t : *themes)
                byId.insert(t.id, t);
            for (const MotiveTheme& t : *themes) {
                // Parents come before children, so the parent's path is already known.
                const QString parent = a.motiveLabels.value(t.parentId);
                a.motiveLabels.insert(t.id, parent.isEmpty() ? t.label
                                                             : QString(parent + QStringLiteral(" › ") + t.label));
            }
        }
        if (const auto list = services.directory().list(true)) {
            for (const MunicipalService& s : *list)
                a.serviceNames.insert(s.id, s.name);
        }
        if (const auto agents = services.agents().list(true)) {
            for (const Agent& agent : *agents)
                a.agentNames.insert(agent.id, agent.displayName);
        }
    }
    return a;
}

qint64 CitizenActivity::citizenOfDossier(CoreServices& services, qint64 dossierId)
{
    const Result<Dossier> dossier = services.dossiers().get(dossierId);
    return dossier ? dossier->citizenId : 0;
}

QString CitizenActivity::dossierTypeLabel(const DossierTypeRegistry* types, const QString& typeId)
{
    const DossierType* type = types ? types->type(typeId) : nullptr;
    return type ? type->label : typeId;
}

QString CitizenActivity::dossierStatusLabel(const DossierTypeRegistry* types, const Dossier& dossier)
{
    const DossierType* type = types ? types->type(dossier.typeId) : nullptr;
    return type ? type->workflow.label(dossier.status) : dossier.status;
}

} // namespace iris::usagers
