#pragma once

#include "core/base/Result.h"
#include "core/domain/Citizen.h"
#include "core/domain/Contact.h"
#include "core/services/ServiceSupport.h"
#include "modules/accueil/phone/CallbackTask.h"
#include "modules/accueil/phone/PhoneCall.h"

#include <QCoreApplication>
#include <QList>

#include <optional>

namespace iris {
class CoreServices;
}

namespace iris::accueil {

/// The phone desk: finding the caller by number, recording a caller known by number only,
/// and saving a call (its contact, and the callback task when one is promised) in one
/// transaction. Needs accueil.phone.
class PhoneIntakeService final
{
    Q_DECLARE_TR_FUNCTIONS(iris::accueil::PhoneIntakeService)
public:
    explicit PhoneIntakeService(CoreServices& services);
    void setClock(sql::Clock clock) { m_now = std::move(clock); }

    /// Citizens whose phone matches the typed number (any spelling, or its last digits);
    /// an empty list for a query that is not a number yet. Safe on a worker thread.
    Result<QList<CitizenSummary>> findCallers(const QString& number, int limit = 20) const;
    /// Creates a citizen known by this number only (names optional).
    Result<Citizen> createCaller(const QString& number, const QString& nom = {}, const QString& prenoms = {});

    struct Saved
    {
        Contact contact;
        std::optional<CallbackTask> callback;
    };
    Result<Saved> save(const PhoneCall& call);

private:
    CoreServices& m_services;
    sql::Clock m_now = &sql::systemNow;
};

} // namespace iris::accueil
