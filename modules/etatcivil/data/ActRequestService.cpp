#include "modules/etatcivil/data/ActRequestService.h"

#include "core/base/TextFold.h"
#include "core/base/ValidationErrors.h"
#include "core/services/CoreServices.h"
#include "core/services/DossierService.h"
#include "core/services/DossierTypeRegistry.h"
#include "core/storage/Database.h"
#include "core/storage/Dialect.h"
#include "modules/etatcivil/EtatCivilIds.h"
#include "modules/etatcivil/data/ActRequestRepository.h"
#include "modules/etatcivil/data/ActRequestValidator.h"
#include "modules/etatcivil/data/ParameterStore.h"

using namespace Qt::StringLiterals;

namespace iris::etatcivil {

ActRequestService::ActRequestService(CoreServices& services, std::shared_ptr<const ParameterStore> parameters)
    : m_services(services)
    , m_parameters(std::move(parameters))
{
}

QString ActRequestService::statusLabel(const QString& status)
{
    static const QHash<QString, QString> labels = {
        {ids::Recue, tr("Reçue")},       {ids::EnRecherche, tr("En recherche")}, {ids::Prete, tr("Prête")},
        {ids::Delivree, tr("Délivrée")}, {ids::Refusee, tr("Refusée")},         {ids::Orientee, tr("Orientée")}};
    return labels.value(status, status);
}

ActRequest ActRequestService::assess(const ActRequest& draft) const
{
    ActRequest r = draft;
    const auto settings = m_parameters->settingsAt(QDate::currentDate());
    ActRequestValidator::assess(r, settings ? settings->commune : EtatCivilSettings{}.commune);
    return r;
}

Result<ActRequest> ActRequestService::registerRequest(const ActRequest& draft)
{
    if (auto r = m_services.session().require(ids::WritePermission); !r)
        return r.error();
    const QDate today = QDate::currentDate();
    const auto settings = m_parameters->settingsAt(today);
    if (!settings)
        return settings.error();
    ActRequest r = draft;
    const QList<FieldError> fields = ActRequestValidator::validate(r, today);
    if (!fields.isEmpty())
        return Error::validation(fields);
    ActRequestValidator::assess(r, settings->commune);

    Dossier d;
    d.typeId = ids::ActeType;
    d.subject = r.describe().left(200);
    d.citizenId = r.dossier.citizenId;
    d.dueDate = m_services.dossiers().calendar().addWorkingDays(today, settings->acteProcessingDays);
    const std::shared_ptr<Database>& db = m_services.database();
    auto tx = db->transaction([&](QSqlDatabase& c) -> Result<void> {
        auto created = m_services.dossiers().create(d);
        if (!created)
            return created.error();
        r.dossier = *created;
        ActRequestRepository repo(c, db->dialect());
        if (auto ins = repo.insert(r); !ins)
            return ins;
        QString verdict = r.entitlement.allowed() ? tr("Droit d'accès : autorisé.") : tr("Droit d'accès : REFUSÉ.");
        verdict += u' ' + r.entitlement.reason + u" ("_s + r.entitlement.rule + u')';
        if (auto e = m_services.dossiers().addEvent(r.dossier.id, u"entitlement"_s, verdict); !e)
            return e.error();
        if (!r.location.held()) {
            if (auto e = m_services.dossiers().addEvent(r.dossier.id, u"location"_s, r.location.explanation); !e)
                return e.error();
        }
        return {};
    });
    if (!tx)
        return tx.error();
    return get(r.dossier.id);
}

Result<ActRequest> ActRequestService::get(qint64 dossierId) const
{
    if (auto r = m_services.session().require(ids::ReadPermission); !r)
        return r.error();
    QSqlDatabase c = m_services.database()->connection();
    return ActRequestRepository(c, m_services.database()->dialect()).load(dossierId);
}

Result<QList<ActRequest>> ActRequestService::list(const ActRequestFilter& filter) const
{
    if (auto r = m_services.session().require(ids::ReadPermission); !r)
        return r.error();
    QStringList where;
    QVariantMap binds;
    if (!filter.status.isEmpty()) {
        where << u"d.status = :status"_s;
        binds.insert(u":status"_s, filter.status);
    }
    if (filter.openOnly || filter.overdueOnly)
        where << u"d.closed_at IS NULL"_s;
    if (filter.overdueOnly) {
        where << u"d.due_date < :today"_s;
        binds.insert(u":today"_s, m_services.database()->dialect().toDbDate(filter.today));
    }
    if (filter.citizenId > 0) {
        where << u"(d.citizen_id = :citizen OR r.person_citizen_id = :citizen)"_s;
        binds.insert(u":citizen"_s, filter.citizenId);
    }
    QSqlDatabase c = m_services.database()->connection();
    ActRequestRepository repo(c, m_services.database()->dialect());
    const QString folded = TextFold::fold(filter.text);
    // The text filter runs on the rows read (accent-insensitive); read more to fill the page.
    auto rows = repo.select(where.join(u" AND "_s), binds, folded.isEmpty() ? filter.limit : 0);
    if (!rows || folded.isEmpty())
        return rows;
    const QStringList words = TextFold::tokens(filter.text);
    QList<ActRequest> out;
    for (const ActRequest& r : std::as_const(*rows)) {
        const QString hay = TextFold::fold(QString(r.dossier.reference + u' ' + r.personNom + u' ' + r.personPrenoms
                                                   + u' ' + r.requesterNom + u' ' + r.requesterPrenoms));
        bool all = true;
        for (const QString& word : words)
            all = all && hay.contains(word);
        if (all || r.dossier.reference.contains(filter.text.trimmed(), Qt::CaseInsensitive))
            out.append(r);
        if (filter.limit > 0 && out.size() >= filter.limit)
            break;
    }
    return out;
}

Result<ActRequest> ActRequestService::move(
    qint64 dossierId, int version, const QString& to, const QString& comment,
    const std::function<Result<void>(ActRequestRepository&, const ActRequest&)>& before)
{
    if (auto r = m_services.session().require(ids::WritePermission); !r)
        return r.error();
    const std::shared_ptr<Database>& db = m_services.database();
    auto tx = db->transaction([&](QSqlDatabase& c) -> Result<void> {
        ActRequestRepository repo(c, db->dialect());
        auto current = repo.load(dossierId);
        if (!current)
            return current.error();
        if (current->dossier.version != version)
            return Error(ErrorCode::Conflict,
                         tr("La demande %1 a été modifiée par un autre agent : rechargez-la avant de continuer.")
                             .arg(current->dossier.reference));
        if (before) {
            if (auto r = before(repo, *current); !r)
                return r;
        }
        // The dossier type's guard checks the move against the row just updated.
        auto moved = m_services.dossiers().transition(dossierId, version, to, comment);
        if (!moved)
            return moved.error();
        return {};
    });
    if (!tx)
        return tx.error();
    return get(dossierId);
}

Result<ActRequest> ActRequestService::startSearch(qint64 dossierId, int version)
{
    return move(dossierId, version, ids::EnRecherche, {}, {});
}

Result<ActRequest> ActRequestService::markReady(qint64 dossierId, int version, int registerYear,
                                                const QString& registerNumber)
{
    const QString number = registerNumber.trimmed();
    ValidationErrors errors;
    if (registerYear < 1792 || registerYear > QDate::currentDate().year())
        errors.add(u"registerYear"_s, tr("L'année du registre doit être comprise entre 1792 et l'année en cours."));
    if (number.isEmpty() || number.size() > 20)
        errors.add(u"registerNumber"_s, tr("Le numéro de l'acte dans le registre est obligatoire (20 caractères au plus)."));
    if (!errors.isEmpty())
        return errors.toError();
    return move(dossierId, version, ids::Prete, tr("Acte trouvé : registre %1, acte n° %2.").arg(registerYear).arg(number),
                [&](ActRequestRepository& repo, const ActRequest& current) -> Result<void> {
                    if (current.eventDate.isValid() && registerYear < current.eventDate.year())
                        return Error::validation({{u"registerYear"_s,
                                                   tr("L'acte ne peut pas figurer dans un registre antérieur à "
                                                      "l'événement (%1).")
                                                       .arg(current.eventDate.year())}});
                    return repo.setRegisterReference(dossierId, registerYear, number);
                });
}

Result<ActRequest> ActRequestService::deliver(qint64 dossierId, int version)
{
    return move(dossierId, version, ids::Delivree, {},
                [&](ActRequestRepository& repo, const ActRequest&) -> Result<void> {
                    return repo.setDelivered(dossierId, QDateTime::currentDateTime());
                });
}

Result<ActRequest> ActRequestService::refuse(qint64 dossierId, int version, const QString& reason)
{
    const QString given = reason.simplified();
    return move(dossierId, version, ids::Refusee, given,
                [&](ActRequestRepository& repo, const ActRequest& current) -> Result<void> {
                    QString text = given;
                    if (current.hasDetails && !current.entitlement.allowed()) {
                        text = current.entitlement.reason;
                        if (!given.isEmpty())
                            text += u' ' + given;
                    }
                    if (text.isEmpty())
                        return Error::validation({{u"reason"_s, tr("Indiquez le motif du refus : il figure dans la "
                                                                   "lettre adressée au demandeur.")}});
                    if (!current.hasDetails)
                        return {};
                    return repo.setRefusalReason(dossierId, text);
                });
}

Result<ActRequest> ActRequestService::orient(qint64 dossierId, int version, const QString& destination)
{
    const QString given = destination.simplified();
    return move(dossierId, version, ids::Orientee, {},
                [&](ActRequestRepository& repo, const ActRequest& current) -> Result<void> {
                    if (!current.hasDetails)
                        return {};
                    if (given.isEmpty()) {
                        if (current.location.held())
                            return Error::validation(
                                {{u"destination"_s, tr("L'acte figure dans nos registres : indiquez vers qui orienter "
                                                       "la demande et pourquoi.")}});
                        return {};
                    }
                    return repo.setDestination(dossierId, given,
                                               tr("Demande orientée par l'agent vers : %1.").arg(given));
                });
}

} // namespace iris::etatcivil
