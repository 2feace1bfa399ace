#pragma once

#include "core/base/Result.h"
#include "modules/etatcivil/data/ActRequest.h"

#include <QCoreApplication>
#include <QDate>
#include <QList>

#include <functional>

#include <memory>

namespace iris {
class CoreServices;
}

namespace iris::etatcivil {

class ActRequestRepository;
class ParameterStore;

/// Which requests a list shows.
struct ActRequestFilter
{
    QString status;          ///< workflow state id; empty = any
    bool openOnly = false;
    bool overdueOnly = false;  ///< open and due before `today`
    QDate today = QDate::currentDate();
    QString text;            ///< reference, person or requester name (accent-insensitive)
    qint64 citizenId = 0;    ///< requester or person on the act
    int limit = 500;
};

/// Acte requests: registration at the counter (validation, entitlement verdict, location,
/// due date from the dated processing deadline), then the workflow
/// reçue → en recherche → prête → délivrée, or refusée, or orientée. Every step runs in one
/// transaction with its dossier transition; the dossier type's guard (EtatCivilTypes)
/// enforces the verdict, so a request that is not allowed can only end as a refusal and a
/// request for an act held elsewhere can only be oriented (or refused).
/// Permissions: etatcivil.read to read, etatcivil.write to register and process.
class ActRequestService
{
    Q_DECLARE_TR_FUNCTIONS(iris::etatcivil::ActRequestService)

public:
    ActRequestService(CoreServices& services, std::shared_ptr<const ParameterStore> parameters);

    /// The form's live verdict: entitlement and location with the site commune in force today.
    ActRequest assess(const ActRequest& draft) const;
    Result<ActRequest> registerRequest(const ActRequest& draft);
    Result<ActRequest> get(qint64 dossierId) const;
    Result<QList<ActRequest>> list(const ActRequestFilter& filter) const;

    Result<ActRequest> startSearch(qint64 dossierId, int version);
    /// The act was found: its register reference (year, number) is recorded.
    Result<ActRequest> markReady(qint64 dossierId, int version, int registerYear, const QString& registerNumber);
    Result<ActRequest> deliver(qint64 dossierId, int version);
    /// `reason` is required unless the request was not allowed (its verdict is the reason).
    Result<ActRequest> refuse(qint64 dossierId, int version, const QString& reason = {});
    /// `destination` defaults to the one decided at registration.
    Result<ActRequest> orient(qint64 dossierId, int version, const QString& destination = {});

    /// French label of a workflow state ("Prête").
    static QString statusLabel(const QString& status);

private:
    Result<ActRequest> move(qint64 dossierId, int version, const QString& to, const QString& comment,
                            const std::function<Result<void>(ActRequestRepository&, const ActRequest&)>& before);

    CoreServices& m_services;
    std::shared_ptr<const ParameterStore> m_parameters;
};

} // namespace iris::etatcivil
