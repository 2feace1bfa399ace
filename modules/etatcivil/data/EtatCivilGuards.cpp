#include "modules/etatcivil/data/EtatCivilGuards.h"

#include "core/storage/Database.h"
#include "modules/etatcivil/EtatCivilIds.h"
#include "modules/etatcivil/data/ActRequestRepository.h"
#include "modules/etatcivil/data/ParameterStore.h"
#include "modules/etatcivil/data/ProcedureRepository.h"
#include "modules/etatcivil/data/ProcedureStates.h"
#include "modules/etatcivil/rules/CounterProcedureRules.h"
#include "modules/etatcivil/rules/UnionRules.h"

#include <QJsonArray>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace iris::etatcivil {

namespace {

Error refused(const QString& message)
{
    return Error(ErrorCode::Validation, message, {{u"status"_s, message}});
}

Result<void> fromCheck(const RuleCheck& check)
{
    if (check.ok)
        return {};
    return refused(check.message);
}

} // namespace

EtatCivilGuards::EtatCivilGuards(std::weak_ptr<Database> db, std::shared_ptr<const ParameterStore> parameters)
    : m_db(std::move(db))
    , m_parameters(std::move(parameters))
{
}

Result<void> EtatCivilGuards::acte(QSqlDatabase& c, const Dossier& dossier, const QString& to) const
{
    const std::shared_ptr<Database> db = m_db.lock();
    if (!db)
        return {};
    auto loaded = ActRequestRepository(c, db->dialect()).load(dossier.id);
    if (!loaded)
        return loaded.error();
    const ActRequest& r = *loaded;
    if (!r.hasDetails)
        return {};
    if (!r.entitlement.allowed() && to != ids::Refusee)
        return refused(tr("La demande %1 n'est pas autorisée : elle ne peut être que refusée. %2 (%3)")
                           .arg(dossier.reference, r.entitlement.reason, r.entitlement.rule));
    if (!r.location.held() && to != ids::Refusee && to != ids::Orientee)
        return refused(tr("L'acte n'est pas dans nos registres : la demande %1 doit être orientée. %2")
                           .arg(dossier.reference, r.location.explanation));
    if (to == ids::Prete && (r.registerYear <= 0 || r.registerNumber.isEmpty()))
        return refused(tr("Indiquez la référence de l'acte dans le registre (année et numéro) avant de le déclarer prêt."));
    if (to == ids::Refusee && r.refusalReason.trimmed().isEmpty())
        return refused(tr("Un refus doit être motivé : le motif figure dans la lettre de refus."));
    if (to == ids::Orientee && r.location.destination.trimmed().isEmpty())
        return refused(tr("Indiquez vers qui la demande est orientée."));
    return {};
}

Result<void> EtatCivilGuards::checklistComplete(QSqlDatabase& c, const Dossier& dossier) const
{
    QSqlQuery q(c);
    q.prepare(u"SELECT label FROM dossier_documents WHERE dossier_id = :d AND required = TRUE AND state <> 'verifie' "
              u"ORDER BY position, id"_s);
    q.bindValue(u":d"_s, dossier.id);
    if (!q.exec())
        return Database::classify(q.lastError(), tr("lecture des pièces du dossier"));
    QStringList missing;
    while (q.next())
        missing << q.value(0).toString();
    if (!missing.isEmpty())
        return refused(tr("Pièces obligatoires non vérifiées : %1.").arg(missing.join(u", "_s)));
    return {};
}

Result<void> EtatCivilGuards::procedure(QSqlDatabase& c, const Dossier& dossier, const QString& to) const
{
    const std::shared_ptr<Database> db = m_db.lock();
    if (!db)
        return {};
    auto loaded = ProcedureRepository(c, db->dialect()).load(dossier.id);
    if (!loaded)
        return loaded.error();
    const Procedure& p = *loaded;
    if (!p.hasDetails || to == states::Annule || to == states::Refusee)
        return {};
    auto settings = m_parameters->settingsAt(c, dossier.openedOn);
    if (!settings)
        return settings.error();
    const EtatCivilSettings& s = *settings;

    switch (p.kind) {
    case ProcedureKind::Naissance:
        if (to == states::Dressee && p.flag == u"procureur")
            return refused(tr("Déclaration hors délai : l'acte ne peut pas être dressé sans jugement ; renvoyez "
                              "le déclarant vers le procureur de la République."));
        if (to == states::Procureur && p.flag != u"procureur")
            return refused(tr("La déclaration est dans le délai légal : l'acte doit être dressé."));
        return {};
    case ProcedureKind::Pacs:
    case ProcedureKind::Mariage: {
        if (to == states::Depose) {
            const QDate filed = p.dateDetail(detail::FiledOn);
            const QString first = p.personName();
            const QString second = QString(p.textDetail(detail::Partner2Nom).toUpper() + u' '
                                           + p.textDetail(detail::Partner2Prenoms));
            if (auto r = fromCheck(UnionRules::birthAct(first, p.dateDetail(detail::BirthAct1Issued),
                                                        p.boolDetail(detail::BirthAct1Abroad), filed, s));
                !r)
                return r;
            if (auto r = fromCheck(UnionRules::birthAct(second, p.dateDetail(detail::BirthAct2Issued),
                                                        p.boolDetail(detail::BirthAct2Abroad), filed, s));
                !r)
                return r;
            if (p.kind == ProcedureKind::Mariage)
                return fromCheck(UnionRules::witnesses(int(p.details.value(detail::Witnesses).toArray().size()), s));
            return {};
        }
        if (to == states::Enregistre || to == states::Publie)
            return checklistComplete(c, dossier);
        if (to == states::Celebre)
            return fromCheck(UnionRules::celebration(p.dateDetail(detail::CelebrationDate),
                                                     p.dateDetail(detail::PublishedOn), s));
        return {};
    }
    case ProcedureKind::Recensement:
        if (to == states::AttestationRemise) {
            QSqlQuery q(c);
            q.prepare(u"SELECT 1 FROM ec_recensements WHERE dossier_id = :d"_s);
            q.bindValue(u":d"_s, dossier.id);
            if (!q.exec() || !q.next())
                return refused(tr("L'attestation de recensement n'a pas été établie pour ce dossier."));
        }
        return {};
    case ProcedureKind::Legalisation:
        if (to == states::Legalisee)
            return fromCheck(CounterProcedureRules::legalisation(p.boolDetail(detail::SignerPresent),
                                                                 p.boolDetail(detail::IdentityChecked)));
        return {};
    case ProcedureKind::Livret:
        return fromCheck(CounterProcedureRules::livretDuplicate(p.boolDetail(detail::DomicileInCommune), s.commune));
    case ProcedureKind::Accueil:
        if (to == states::Validee)
            return fromCheck(CounterProcedureRules::attestationAccueil(p.details.value(detail::StampEuros).toInt(),
                                                                       p.textDetail(detail::StampNumber), s));
        return {};
    case ProcedureKind::Prenom:
        return fromCheck(CounterProcedureRules::changementPrenom(p.boolDetail(detail::FiledInPerson), p.personBirthDate,
                                                                 dossier.openedOn, p.boolDetail(detail::ChildConsent), s));
    }
    return {};
}

} // namespace iris::etatcivil
