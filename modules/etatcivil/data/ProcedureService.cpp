#include "modules/etatcivil/data/ProcedureService.h"

#include "core/base/ValidationErrors.h"
#include "core/base/Validators.h"
#include "core/domain/Appointment.h"
#include "core/services/AppointmentService.h"
#include "core/services/CitizenService.h"
#include "core/services/CoreServices.h"
#include "core/services/DossierService.h"
#include "core/storage/Database.h"
#include "modules/etatcivil/EtatCivilIds.h"
#include "modules/etatcivil/data/ParameterStore.h"
#include "modules/etatcivil/data/ProcedureRepository.h"
#include "modules/etatcivil/data/ProcedureStates.h"
#include "modules/etatcivil/rules/BirthDeclarationRules.h"
#include "modules/etatcivil/rules/CounterProcedureRules.h"
#include "modules/etatcivil/rules/RecensementRules.h"
#include "modules/etatcivil/rules/UnionRules.h"

using namespace Qt::StringLiterals;

namespace iris::etatcivil {

ProcedureService::ProcedureService(CoreServices& services, std::shared_ptr<const ParameterStore> parameters)
    : m_services(services)
    , m_parameters(std::move(parameters))
{
}

RuleCheck ProcedureService::assess(const Procedure& p, const QDate& today) const
{
    const auto loaded = m_parameters->settingsAt(today);
    const EtatCivilSettings s = loaded ? *loaded : EtatCivilSettings{};
    switch (p.kind) {
    case ProcedureKind::Naissance:
        return BirthDeclarationRules::check(p.personBirthDate, today, m_services.dossiers().calendar(), s);
    case ProcedureKind::Recensement: {
        const RecensementWindow w = RecensementRules::assess(p.personBirthDate, today, s);
        if (!p.boolDetail(detail::DomicileInCommune))
            return RuleCheck::fail(tr("Le recensement se fait à la mairie du domicile : le jeune doit résider à %1.")
                                       .arg(s.commune));
        return w.canRegister() ? RuleCheck::pass(w.message, w.closes) : RuleCheck::fail(w.message, w.opens);
    }
    case ProcedureKind::Legalisation:
        return CounterProcedureRules::legalisation(p.boolDetail(detail::SignerPresent),
                                                   p.boolDetail(detail::IdentityChecked));
    case ProcedureKind::Livret:
        return CounterProcedureRules::livretDuplicate(p.boolDetail(detail::DomicileInCommune), s.commune);
    case ProcedureKind::Accueil:
        return RuleCheck::pass(tr("Timbre fiscal de %1 € à la charge de l'hébergeant (cerfa 10798).")
                                   .arg(s.accueilStampEuros));
    case ProcedureKind::Prenom:
        return CounterProcedureRules::changementPrenom(p.boolDetail(detail::FiledInPerson), p.personBirthDate, today,
                                                       p.boolDetail(detail::ChildConsent), s);
    case ProcedureKind::Pacs:
    case ProcedureKind::Mariage:
        return RuleCheck::pass(tr("Actes de naissance de moins de %1 mois au dépôt (%2 mois s'ils sont délivrés à "
                                  "l'étranger).")
                                   .arg(s.birthActValidityMonths)
                                   .arg(s.birthActValidityAbroadMonths));
    }
    return RuleCheck::pass();
}

Result<void> ProcedureService::checkOpen(Procedure& p, const QDate& today, const EtatCivilSettings& s) const
{
    ValidationErrors errors;
    if (auto v = errors.check(u"personNom"_s, Validators::personName(p.personNom, Validators::NameKind::Nom)))
        p.personNom = *v;
    if (auto v = errors.check(u"personPrenoms"_s, Validators::personName(p.personPrenoms, Validators::NameKind::Prenoms)))
        p.personPrenoms = *v;
    const auto requireText = [&](const QString& key, const QString& message) {
        const QString value = p.textDetail(key).simplified();
        if (value.isEmpty())
            errors.add(key, message);
        p.details.insert(key, value);
    };
    switch (p.kind) {
    case ProcedureKind::Naissance: {
        if (!p.personBirthDate.isValid())
            errors.add(u"personBirthDate"_s, tr("La date de naissance de l'enfant est obligatoire."));
        else if (p.personBirthDate > today)
            errors.add(u"personBirthDate"_s, tr("La date de naissance ne peut pas être dans le futur."));
        requireText(detail::Declarant, tr("Le nom du déclarant est obligatoire."));
        p.eventDate = p.personBirthDate;
        break;
    }
    case ProcedureKind::Pacs:
    case ProcedureKind::Mariage:
        requireText(detail::Partner2Nom, tr("Le nom du second partenaire est obligatoire."));
        requireText(detail::Partner2Prenoms, tr("Les prénoms du second partenaire sont obligatoires."));
        if (p.dossier.citizenId <= 0)
            errors.add(u"citizen"_s, tr("Rattachez le dossier à la fiche d'un des futurs partenaires (rendez-vous)."));
        break;
    case ProcedureKind::Recensement: {
        if (p.dossier.citizenId <= 0)
            errors.add(u"citizen"_s, tr("Le recensement est rattaché à la fiche du jeune : choisissez-la."));
        const RecensementWindow w = RecensementRules::assess(p.personBirthDate, today, s);
        if (!w.canRegister())
            errors.add(u"personBirthDate"_s, w.message);
        if (!p.boolDetail(detail::DomicileInCommune))
            errors.add(detail::DomicileInCommune,
                       tr("Le recensement se fait à la mairie du domicile : le jeune doit résider à %1.").arg(s.commune));
        p.flag = w.status == RecensementWindow::Status::Late ? u"regularisation"_s : QString();
        break;
    }
    case ProcedureKind::Legalisation:
        requireText(detail::DocumentTitle, tr("Indiquez le document dont la signature est à légaliser."));
        break;
    case ProcedureKind::Livret:
        if (RuleCheck c = CounterProcedureRules::livretDuplicate(p.boolDetail(detail::DomicileInCommune), s.commune); !c.ok)
            errors.add(detail::DomicileInCommune, c.message);
        requireText(detail::Reason, tr("Indiquez le motif du duplicata (perte, vol, divorce…)."));
        break;
    case ProcedureKind::Accueil:
        requireText(detail::GuestName, tr("Le nom de la personne accueillie est obligatoire."));
        break;
    case ProcedureKind::Prenom: {
        requireText(detail::NewPrenoms, tr("Les prénoms demandés sont obligatoires."));
        const RuleCheck c = CounterProcedureRules::changementPrenom(
            p.boolDetail(detail::FiledInPerson), p.personBirthDate, today, p.boolDetail(detail::ChildConsent), s);
        if (!c.ok)
            errors.add(p.boolDetail(detail::FiledInPerson) ? detail::ChildConsent : detail::FiledInPerson, c.message);
        break;
    }
    }
    if (!errors.isEmpty())
        return errors.toError();
    return {};
}

Result<Procedure> ProcedureService::open(const Procedure& draft, const QDateTime& appointment)
{
    if (auto r = m_services.session().require(ids::WritePermission); !r)
        return r.error();
    const QDate today = QDate::currentDate();
    const auto settings = m_parameters->settingsAt(today);
    if (!settings)
        return settings.error();
    Procedure p = draft;
    if (p.kind == ProcedureKind::Recensement && !p.personBirthDate.isValid() && p.dossier.citizenId > 0) {
        if (auto c = m_services.citizens().get(p.dossier.citizenId))
            p.personBirthDate = c->birthDate;
    }
    if (auto r = checkOpen(p, today, *settings); !r)
        return r.error();

    Dossier d;
    d.typeId = procedureTypeId(p.kind);
    d.citizenId = p.dossier.citizenId;
    d.subject = QString(procedureLabel(p.kind) + u" — "_s + p.personName()).left(200);
    QString ruleText;
    if (p.kind == ProcedureKind::Naissance) {
        const RuleCheck c = BirthDeclarationRules::check(p.personBirthDate, today, m_services.dossiers().calendar(), *settings);
        d.dueDate = c.date;
        p.flag = c.ok ? QString() : u"procureur"_s;
        p.details.insert(detail::BirthPlace, p.textDetail(detail::BirthPlace).simplified());
        ruleText = c.message;
    }
    const std::shared_ptr<Database>& db = m_services.database();
    qint64 id = 0;
    auto tx = db->transaction([&](QSqlDatabase& c) -> Result<void> {
        ProcedureRepository repo(c, db->dialect());
        if (p.kind == ProcedureKind::Recensement) {
            auto existing = repo.recensementOf(p.dossier.citizenId);
            if (!existing)
                return existing.error();
            if (!existing->first.isEmpty())
                return Error(ErrorCode::Duplicate, RecensementRules::duplicateRefusal(existing->first, existing->second));
        }
        auto created = m_services.dossiers().create(d);
        if (!created)
            return created.error();
        p.dossier = *created;
        id = created->id;
        if (appointment.isValid() && (p.kind == ProcedureKind::Pacs || p.kind == ProcedureKind::Mariage)) {
            Appointment a;
            a.citizenId = p.dossier.citizenId;
            a.serviceId = created->serviceId;
            a.startAt = appointment;
            a.durationMinutes = 45;
            a.motive = procedureLabel(p.kind);
            a.dossierId = id;
            auto booked = m_services.appointments().book(a);
            if (!booked)
                return booked.error();
            p.appointmentId = booked->id;
            p.eventDate = appointment.date();
        }
        if (auto r = repo.insert(p); !r)
            return r;
        if (!ruleText.isEmpty()) {
            if (auto e = m_services.dossiers().addEvent(id, u"rule"_s, ruleText); !e)
                return e.error();
        }
        return {};
    });
    if (!tx)
        return tx.error();
    return get(id);
}

Result<Procedure> ProcedureService::get(qint64 dossierId) const
{
    if (auto r = m_services.session().require(ids::ReadPermission); !r)
        return r.error();
    QSqlDatabase c = m_services.database()->connection();
    return ProcedureRepository(c, m_services.database()->dialect()).load(dossierId);
}

Result<QList<Procedure>> ProcedureService::list(const QString& typeId, bool openOnly, qint64 citizenId) const
{
    if (auto r = m_services.session().require(ids::ReadPermission); !r)
        return r.error();
    QStringList where;
    QVariantMap binds;
    if (!typeId.isEmpty()) {
        where << u"d.type_id = :type"_s;
        binds.insert(u":type"_s, typeId);
    }
    if (openOnly)
        where << u"d.closed_at IS NULL"_s;
    if (citizenId > 0) {
        where << u"d.citizen_id = :citizen"_s;
        binds.insert(u":citizen"_s, citizenId);
    }
    QSqlDatabase c = m_services.database()->connection();
    return ProcedureRepository(c, m_services.database()->dialect()).select(where.join(u" AND "_s), binds);
}

Result<Procedure> ProcedureService::advance(qint64 dossierId, int version, const QString& to, const QJsonObject& patch,
                                            const QString& comment)
{
    if (auto r = m_services.session().require(ids::WritePermission); !r)
        return r.error();
    const std::shared_ptr<Database>& db = m_services.database();
    const QDate today = QDate::currentDate();
    auto tx = db->transaction([&](QSqlDatabase& c) -> Result<void> {
        ProcedureRepository repo(c, db->dialect());
        auto current = repo.load(dossierId);
        if (!current)
            return current.error();
        Procedure p = *current;
        int v = version;
        if (p.hasDetails) {
            for (auto it = patch.begin(); it != patch.end(); ++it)
                p.details.insert(it.key(), it.value());
            const bool union_ = p.kind == ProcedureKind::Pacs || p.kind == ProcedureKind::Mariage;
            if (union_ && to == states::Depose && !patch.contains(detail::FiledOn))
                p.details.insert(detail::FiledOn, today.toString(Qt::ISODate));
            if (p.kind == ProcedureKind::Mariage && to == states::Publie) {
                p.details.insert(detail::PublishedOn, today.toString(Qt::ISODate));
                auto settings = m_parameters->settingsAt(c, p.dossier.openedOn);
                if (!settings)
                    return settings.error();
                auto due = m_services.dossiers().setDueDate(dossierId, v, UnionRules::fileExpiry(today, *settings),
                                                            tr("Validité du dossier : un an après la publication des bans."));
                if (!due)
                    return due.error();
                v = due->version;
            }
            if (auto r = repo.saveDetails(dossierId, p.details, p.flag); !r)
                return r;
        }
        auto moved = m_services.dossiers().transition(dossierId, v, to, comment);
        if (!moved)
            return moved.error();
        return {};
    });
    if (!tx)
        return tx.error();
    return get(dossierId);
}

Result<Procedure> ProcedureService::issueRecensementAttestation(qint64 dossierId, int version)
{
    if (auto r = m_services.session().require(ids::WritePermission); !r)
        return r.error();
    const std::shared_ptr<Database>& db = m_services.database();
    auto tx = db->transaction([&](QSqlDatabase& c) -> Result<void> {
        ProcedureRepository repo(c, db->dialect());
        auto current = repo.load(dossierId);
        if (!current)
            return current.error();
        Procedure p = *current;
        if (p.kind != ProcedureKind::Recensement || !p.hasDetails || p.dossier.citizenId <= 0)
            return Error(ErrorCode::InvalidArgument, tr("Ce dossier n'est pas un recensement citoyen rattaché à un usager."));
        auto existing = repo.recensementOf(p.dossier.citizenId);
        if (!existing)
            return existing.error();
        if (!existing->first.isEmpty())
            return Error(ErrorCode::Duplicate, RecensementRules::duplicateRefusal(existing->first, existing->second));
        const QDate today = QDate::currentDate();
        if (auto r = repo.insertRecensement(p.dossier.citizenId, dossierId, p.dossier.reference, today,
                                            m_services.session().agent().id);
            !r)
            return r;
        p.details.insert(detail::AttestationNumber, p.dossier.reference);
        if (auto r = repo.saveDetails(dossierId, p.details, p.flag); !r)
            return r;
        auto moved = m_services.dossiers().transition(dossierId, version, states::AttestationRemise,
                                                      tr("Attestation de recensement n° %1 remise.").arg(p.dossier.reference));
        if (!moved)
            return moved.error();
        return {};
    });
    if (!tx)
        return tx.error();
    return get(dossierId);
}

} // namespace iris::etatcivil
