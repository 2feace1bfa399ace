#include "modules/etatcivil/data/EtatCivilTypes.h"

#include "core/base/WorkingCalendar.h"
#include "core/services/DossierTypeRegistry.h"
#include "modules/etatcivil/EtatCivilIds.h"
#include "modules/etatcivil/data/EtatCivilGuards.h"
#include "modules/etatcivil/data/ParameterStore.h"
#include "modules/etatcivil/data/ProcedureStates.h"

using namespace Qt::StringLiterals;

namespace iris::etatcivil {

namespace {

DossierType base(const QString& id, const QString& label, const QString& prefix)
{
    DossierType t;
    t.id = id;
    t.label = label;
    t.referencePrefix = prefix;
    t.module = ids::ModuleId;
    t.defaultServiceCode = u"etat-civil"_s;
    t.readPermission = ids::ReadPermission;
    t.writePermission = ids::WritePermission;
    return t;
}

QList<ChecklistTemplateItem> items(std::initializer_list<std::pair<QString, bool>> list)
{
    QList<ChecklistTemplateItem> out;
    for (const auto& [label, required] : list)
        out.append({label, required});
    return out;
}

using Tr = EtatCivilTypes;

DossierType acte(const std::shared_ptr<const ParameterStore>& params)
{
    DossierType t = base(ids::ActeType, Tr::tr("Demande d'acte d'état civil"), u"EC"_s);
    t.workflow.state(ids::Recue, Tr::tr("Reçue"))
        .state(ids::EnRecherche, Tr::tr("En recherche"))
        .state(ids::Prete, Tr::tr("Prête"))
        .state(ids::Delivree, Tr::tr("Délivrée"), true)
        .state(ids::Refusee, Tr::tr("Refusée"), true)
        .state(ids::Orientee, Tr::tr("Orientée"), true)
        .initial(ids::Recue)
        .transition(ids::Recue, ids::EnRecherche, Tr::tr("Rechercher l'acte"))
        .transition(ids::Recue, ids::Refusee, Tr::tr("Refuser"))
        .transition(ids::Recue, ids::Orientee, Tr::tr("Orienter"))
        .transition(ids::EnRecherche, ids::Prete, Tr::tr("Acte trouvé"))
        .transition(ids::EnRecherche, ids::Refusee, Tr::tr("Refuser"))
        .transition(ids::EnRecherche, ids::Orientee, Tr::tr("Orienter"))
        .transition(ids::Prete, ids::Delivree, Tr::tr("Délivrer"));
    t.checklist = items({{Tr::tr("Pièce d'identité du demandeur (ou justificatif de sa qualité)"), false}});
    // Processing deadline: working days of the site calendar, the figure in force on the
    // day the request is received (dated parameter).
    t.deadline = DeadlineRule::custom([params](const QDate& opened, const WorkingCalendar& calendar) {
        const auto settings = params ? params->settingsAt(opened) : Result<EtatCivilSettings>(EtatCivilSettings{});
        return calendar.addWorkingDays(opened, settings ? settings->acteProcessingDays
                                                        : EtatCivilSettings{}.acteProcessingDays);
    });
    return t;
}

DossierType naissance()
{
    DossierType t = base(ids::NaissanceType, Tr::tr("Déclaration de naissance"), u"ECN"_s);
    t.workflow.state(states::Recue, Tr::tr("Déclaration reçue"))
        .state(states::Dressee, Tr::tr("Acte dressé"), true)
        .state(states::Procureur, Tr::tr("Renvoyée au procureur"), true)
        .initial(states::Recue)
        .transition(states::Recue, states::Dressee, Tr::tr("Dresser l'acte"))
        .transition(states::Recue, states::Procureur, Tr::tr("Renvoyer au procureur"));
    t.checklist = items({{Tr::tr("Certificat d'accouchement"), true},
                         {Tr::tr("Pièce d'identité du déclarant"), true},
                         {Tr::tr("Déclaration conjointe de choix de nom"), false},
                         {Tr::tr("Acte de reconnaissance anticipée"), false},
                         {Tr::tr("Livret de famille"), false}});
    // The due date is the legal deadline counted from the birth, set by ProcedureService.
    return t;
}

DossierType pacs()
{
    DossierType t = base(ids::PacsType, Tr::tr("Enregistrement d'un PACS"), u"ECP"_s);
    t.workflow.state(states::RendezVous, Tr::tr("Rendez-vous fixé"))
        .state(states::Depose, Tr::tr("Dossier déposé"))
        .state(states::Enregistre, Tr::tr("PACS enregistré"), true)
        .state(states::Annule, Tr::tr("Annulé"), true)
        .initial(states::RendezVous)
        .transition(states::RendezVous, states::Depose, Tr::tr("Déposer le dossier"))
        .transition(states::Depose, states::Enregistre, Tr::tr("Enregistrer le PACS"))
        .transition(states::RendezVous, states::Annule, Tr::tr("Annuler"))
        .transition(states::Depose, states::Annule, Tr::tr("Annuler"));
    t.checklist = items({{Tr::tr("Convention de PACS (cerfa 15726)"), true},
                         {Tr::tr("Déclaration conjointe et attestations sur l'honneur (cerfa 15725)"), true},
                         {Tr::tr("Acte de naissance du premier partenaire (moins de 3 mois, 6 si délivré à l'étranger)"), true},
                         {Tr::tr("Acte de naissance du second partenaire (moins de 3 mois, 6 si délivré à l'étranger)"), true},
                         {Tr::tr("Pièce d'identité du premier partenaire"), true},
                         {Tr::tr("Pièce d'identité du second partenaire"), true}});
    return t;
}

DossierType mariage()
{
    DossierType t = base(ids::MariageType, Tr::tr("Dossier de mariage"), u"ECM"_s);
    t.workflow.state(states::RendezVous, Tr::tr("Rendez-vous fixé"))
        .state(states::Depose, Tr::tr("Dossier déposé"))
        .state(states::Publie, Tr::tr("Bans publiés"))
        .state(states::Celebre, Tr::tr("Mariage célébré"), true)
        .state(states::Annule, Tr::tr("Annulé"), true)
        .initial(states::RendezVous)
        .transition(states::RendezVous, states::Depose, Tr::tr("Déposer le dossier"))
        .transition(states::Depose, states::Publie, Tr::tr("Publier les bans"))
        .transition(states::Publie, states::Celebre, Tr::tr("Célébrer le mariage"))
        .transition(states::RendezVous, states::Annule, Tr::tr("Annuler"))
        .transition(states::Depose, states::Annule, Tr::tr("Annuler"))
        .transition(states::Publie, states::Annule, Tr::tr("Annuler"));
    t.checklist = items({{Tr::tr("Acte de naissance du premier époux (moins de 3 mois, 6 si délivré à l'étranger)"), true},
                         {Tr::tr("Acte de naissance du second époux (moins de 3 mois, 6 si délivré à l'étranger)"), true},
                         {Tr::tr("Pièces d'identité des futurs époux"), true},
                         {Tr::tr("Justificatifs de domicile ou de résidence"), true},
                         {Tr::tr("Liste des témoins et copie de leurs pièces d'identité"), true},
                         {Tr::tr("Attestation du notaire (contrat de mariage)"), false}});
    return t;
}

DossierType recensement()
{
    DossierType t = base(ids::RecensementType, Tr::tr("Recensement citoyen"), u"ECR"_s);
    t.workflow.state(states::Recue, Tr::tr("Demande reçue"))
        .state(states::AttestationRemise, Tr::tr("Attestation remise"), true)
        .state(states::Refusee, Tr::tr("Refusée"), true)
        .initial(states::Recue)
        .transition(states::Recue, states::AttestationRemise, Tr::tr("Remettre l'attestation"))
        .transition(states::Recue, states::Refusee, Tr::tr("Refuser"));
    t.checklist = items({{Tr::tr("Pièce d'identité du jeune (nationalité française)"), true},
                         {Tr::tr("Livret de famille des parents"), false},
                         {Tr::tr("Justificatif de domicile"), false}});
    return t;
}

DossierType legalisation()
{
    DossierType t = base(ids::LegalisationType, Tr::tr("Légalisation de signature"), u"ECL"_s);
    t.workflow.state(states::Recue, Tr::tr("Demande reçue"))
        .state(states::Legalisee, Tr::tr("Signature légalisée"), true)
        .state(states::Refusee, Tr::tr("Refusée"), true)
        .initial(states::Recue)
        .transition(states::Recue, states::Legalisee, Tr::tr("Légaliser"))
        .transition(states::Recue, states::Refusee, Tr::tr("Refuser"));
    t.checklist = items({{Tr::tr("Pièce d'identité du signataire"), true},
                         {Tr::tr("Document à légaliser, signé devant l'agent"), true}});
    return t;
}

DossierType livret()
{
    DossierType t = base(ids::LivretType, Tr::tr("Duplicata du livret de famille"), u"ECLF"_s);
    t.workflow.state(states::Recue, Tr::tr("Demande reçue"))
        .state(states::EnCours, Tr::tr("En cours d'établissement"))
        .state(states::Remis, Tr::tr("Livret remis"), true)
        .state(states::Refusee, Tr::tr("Refusée"), true)
        .initial(states::Recue)
        .transition(states::Recue, states::EnCours, Tr::tr("Établir le duplicata"))
        .transition(states::EnCours, states::Remis, Tr::tr("Remettre le livret"))
        .transition(states::Recue, states::Refusee, Tr::tr("Refuser"));
    t.checklist = items({{Tr::tr("Formulaire de demande de duplicata"), true},
                         {Tr::tr("Pièce d'identité du demandeur"), true},
                         {Tr::tr("Justificatif de domicile"), true}});
    return t;
}

DossierType accueil()
{
    DossierType t = base(ids::AccueilType, Tr::tr("Attestation d'accueil"), u"ECAA"_s);
    t.workflow.state(states::Recue, Tr::tr("Demande reçue"))
        .state(states::Validee, Tr::tr("Attestation validée"), true)
        .state(states::Refusee, Tr::tr("Refusée"), true)
        .initial(states::Recue)
        .transition(states::Recue, states::Validee, Tr::tr("Valider l'attestation"))
        .transition(states::Recue, states::Refusee, Tr::tr("Refuser"));
    t.checklist = items({{Tr::tr("Formulaire cerfa 10798 signé par l'hébergeant"), true},
                         {Tr::tr("Pièce d'identité de l'hébergeant"), true},
                         {Tr::tr("Titre de propriété ou bail"), true},
                         {Tr::tr("Justificatif de domicile récent"), true},
                         {Tr::tr("Timbre fiscal (30 €)"), true}});
    t.deadline = DeadlineRule::none();
    return t;
}

DossierType prenom()
{
    DossierType t = base(ids::PrenomType, Tr::tr("Changement de prénom"), u"ECCP"_s);
    t.workflow.state(states::Recue, Tr::tr("Demande déposée"))
        .state(states::Instruction, Tr::tr("En instruction"))
        .state(states::Inscrit, Tr::tr("Changement inscrit"), true)
        .state(states::Procureur, Tr::tr("Procureur saisi"), true)
        .initial(states::Recue)
        .transition(states::Recue, states::Instruction, Tr::tr("Instruire"))
        .transition(states::Instruction, states::Inscrit, Tr::tr("Inscrire le changement"))
        .transition(states::Instruction, states::Procureur, Tr::tr("Saisir le procureur"));
    t.checklist = items({{Tr::tr("Pièce d'identité du demandeur"), true},
                         {Tr::tr("Copie intégrale de l'acte de naissance (moins de 3 mois)"), true},
                         {Tr::tr("Justificatif de domicile"), true},
                         {Tr::tr("Pièces justifiant l'intérêt légitime"), true},
                         {Tr::tr("Consentement écrit de l'enfant de 13 ans ou plus"), false}});
    return t;
}

} // namespace

QList<DossierType> EtatCivilTypes::all(const std::shared_ptr<Database>& db,
                                       std::shared_ptr<const ParameterStore> parameters)
{
    auto guards = std::make_shared<EtatCivilGuards>(db, parameters);
    QList<DossierType> types{acte(parameters), naissance(), pacs(), mariage(), recensement(), legalisation(),
                             livret(), accueil(), prenom()};
    for (DossierType& t : types) {
        if (t.id == ids::ActeType) {
            t.transitionGuard = [guards](QSqlDatabase& c, const Dossier& d, const QString& to) {
                return guards->acte(c, d, to);
            };
        } else {
            t.transitionGuard = [guards](QSqlDatabase& c, const Dossier& d, const QString& to) {
                return guards->procedure(c, d, to);
            };
        }
    }
    return types;
}

Result<void> EtatCivilTypes::registerAll(DossierTypeRegistry& registry, const std::shared_ptr<Database>& db,
                                         std::shared_ptr<const ParameterStore> parameters)
{
    const QList<DossierType> types = all(db, std::move(parameters));
    for (const DossierType& t : types) {
        if (auto r = registry.registerType(t); !r)
            return r;
    }
    return {};
}

} // namespace iris::etatcivil
