#pragma once

#include "core/base/Result.h"
#include "core/services/ServiceSupport.h"

#include <QCoreApplication>
#include <QString>

namespace iris {
class CoreServices;
}

namespace iris::accueil {

/// Site settings of the e-mail intake, stored in accueil_courriel_settings (key/value;
/// a missing key means the default). Reading needs no permission (the importer and
/// every page read them); changing needs accueil.configure and is audited.
class CourrielSettings final
{
    Q_DECLARE_TR_FUNCTIONS(iris::accueil::CourrielSettings)
public:
    /// Qualivilles commitment: e-mail reply within 5 working days (DOMAIN.md, configurable).
    static constexpr int kDefaultReplyDays = 5;

    struct Values
    {
        int replyDays = kDefaultReplyDays; ///< working days to answer a courriel (1–60)
        qint64 defaultServiceId = 0; ///< assignee of new courriels; 0 = the IRIS service
        qint64 motiveThemeId = 0; ///< motive of the contacts logged; 0 = "information.autre"
        QString maildirPath; ///< the Maildir the app watches; empty = none
    };

    explicit CourrielSettings(CoreServices& services);
    void setClock(sql::Clock clock) { m_now = std::move(clock); }

    Result<Values> load() const;
    /// Validates (days in 1–60, existing service and motive) and saves every value in one
    /// transaction.
    Result<Values> save(const Values& values);

    /// The service new courriels go to: the configured one, else the directory's IRIS
    /// service (code "iris"), else 0 (left unassigned).
    Result<qint64> effectiveDefaultService() const;
    /// The motive of logged contacts: the configured one, else the motive coded
    /// "information.autre", then "information"; 0 when the site has none of them.
    Result<qint64> effectiveMotive() const;

private:
    CoreServices& m_services;
    sql::Clock m_now = &sql::systemNow;
};

} // namespace iris::accueil
