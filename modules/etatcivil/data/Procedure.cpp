#include "modules/etatcivil/data/Procedure.h"

#include "core/base/Validators.h"
#include "modules/etatcivil/EtatCivilIds.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace iris::etatcivil {

QString procedureTypeId(ProcedureKind kind)
{
    switch (kind) {
    case ProcedureKind::Naissance: return ids::NaissanceType;
    case ProcedureKind::Pacs: return ids::PacsType;
    case ProcedureKind::Mariage: return ids::MariageType;
    case ProcedureKind::Recensement: return ids::RecensementType;
    case ProcedureKind::Legalisation: return ids::LegalisationType;
    case ProcedureKind::Livret: return ids::LivretType;
    case ProcedureKind::Accueil: return ids::AccueilType;
    case ProcedureKind::Prenom: return ids::PrenomType;
    }
    return {};
}

QString procedureLabel(ProcedureKind kind)
{
    const auto tr = [](const char* s) { return QCoreApplication::translate("iris::etatcivil::Procedure", s); };
    switch (kind) {
    case ProcedureKind::Naissance: return tr("Déclaration de naissance");
    case ProcedureKind::Pacs: return tr("Enregistrement d'un PACS");
    case ProcedureKind::Mariage: return tr("Dossier de mariage");
    case ProcedureKind::Recensement: return tr("Recensement citoyen");
    case ProcedureKind::Legalisation: return tr("Légalisation de signature");
    case ProcedureKind::Livret: return tr("Duplicata du livret de famille");
    case ProcedureKind::Accueil: return tr("Attestation d'accueil");
    case ProcedureKind::Prenom: return tr("Changement de prénom");
    }
    return {};
}

QList<ProcedureKind> allProcedureKinds()
{
    return {ProcedureKind::Naissance, ProcedureKind::Pacs,   ProcedureKind::Mariage, ProcedureKind::Recensement,
            ProcedureKind::Legalisation, ProcedureKind::Livret, ProcedureKind::Accueil, ProcedureKind::Prenom};
}

bool procedureFromTypeId(const QString& typeId, ProcedureKind* kind)
{
    for (ProcedureKind k : allProcedureKinds()) {
        if (procedureTypeId(k) == typeId) {
            if (kind)
                *kind = k;
            return true;
        }
    }
    return false;
}

QString Procedure::personName() const
{
    return Validators::displayFullName(personNom, personPrenoms);
}

QDate Procedure::dateDetail(const QString& key) const
{
    return QDate::fromString(details.value(key).toString(), Qt::ISODate);
}

} // namespace iris::etatcivil
