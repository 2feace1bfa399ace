#pragma once

#include "core/base/Result.h"
#include "modules/etatcivil/data/Procedure.h"
#include "modules/etatcivil/rules/EtatCivilSettings.h"
#include "modules/etatcivil/rules/RuleCheck.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QList>

#include <memory>

namespace iris {
class CoreServices;
}

namespace iris::etatcivil {

class ParameterStore;

/// The counter procedures: opening a dossier of each kind with its rule checks, booking
/// the appointment of a PACS or a marriage, moving along the workflow with the details
/// each step needs (filing date, publication, celebration, stamp…), and issuing the one
/// recensement attestation a person may get. Every step runs in one transaction; the
/// type's guard (EtatCivilGuards) re-checks the rule on each move.
/// Permissions: etatcivil.read / etatcivil.write (appointments also need appointment.write).
class ProcedureService
{
    Q_DECLARE_TR_FUNCTIONS(iris::etatcivil::ProcedureService)

public:
    ProcedureService(CoreServices& services, std::shared_ptr<const ParameterStore> parameters);

    /// What the form shows while the agent types: the deadline of a birth declaration, the
    /// recensement window, the consent of a child… (ok = the procedure can be opened).
    RuleCheck assess(const Procedure& draft, const QDate& today = QDate::currentDate()) const;
    /// Opens the dossier. `appointment` (PACS, mariage) is booked with the état civil service.
    Result<Procedure> open(const Procedure& draft, const QDateTime& appointment = {});
    Result<Procedure> get(qint64 dossierId) const;
    /// Newest first; `typeId` empty = every kind; `citizenId` 0 = anyone.
    Result<QList<Procedure>> list(const QString& typeId = {}, bool openOnly = false, qint64 citizenId = 0) const;
    /// Moves to `to` after merging `patch` into the details (PACS/mariage "déposé" records
    /// the filing day, "publié" the publication day and the file's expiry as due date).
    Result<Procedure> advance(qint64 dossierId, int version, const QString& to, const QJsonObject& patch = {},
                              const QString& comment = {});
    /// Records the attestation (number = dossier reference) and closes the dossier; refused
    /// when the person already received one (no duplicate).
    Result<Procedure> issueRecensementAttestation(qint64 dossierId, int version);

private:
    Result<void> checkOpen(Procedure& p, const QDate& today, const EtatCivilSettings& settings) const;

    CoreServices& m_services;
    std::shared_ptr<const ParameterStore> m_parameters;
};

} // namespace iris::etatcivil
