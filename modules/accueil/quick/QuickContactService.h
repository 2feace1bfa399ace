#pragma once

#include "core/base/Result.h"
#include "core/domain/Contact.h"
#include "core/services/ServiceSupport.h"

#include <QCoreApplication>
#include <QList>

namespace iris {
class CoreServices;
}

namespace iris::accueil {

/// "Réponse immédiate": a contact answered on the spot, logged like any other (it counts
/// in every indicator). Needs accueil.quick.
class QuickContactService final
{
    Q_DECLARE_TR_FUNCTIONS(iris::accueil::QuickContactService)
public:
    explicit QuickContactService(CoreServices& services);
    void setClock(sql::Clock clock) { m_now = std::move(clock); }

    /// Logs an answered contact now (start = end = now), citizen optional.
    Result<Contact> answer(ContactChannel channel, qint64 motiveThemeId, qint64 citizenId = 0,
                           const QString& summary = {});
    /// The agent's most used motives over the last `days` days, most used first (the
    /// quick list offers them under the keys 1–9).
    Result<QList<qint64>> frequentMotives(int limit = 9, int days = 30) const;
    /// Channel proposed by default: téléphone for a téléconseiller, visite otherwise.
    ContactChannel defaultChannel() const;

private:
    CoreServices& m_services;
    sql::Clock m_now = &sql::systemNow;
};

} // namespace iris::accueil
