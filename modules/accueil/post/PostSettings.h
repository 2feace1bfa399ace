#pragma once

#include "core/base/Result.h"
#include "core/services/ServiceSupport.h"

#include <QCoreApplication>
#include <QString>

namespace iris {
class CoreServices;
}

namespace iris::accueil {

/// The register's settings, kept as key/value rows (accueil_post_settings); a missing
/// row means the default below.
struct PostSettings
{
    /// Reply within N working days (DOMAIN.md: letter reply ≤ 15 working days).
    int replyWorkingDays = 15;
    /// Acknowledge within N working days (Services Publics+: letters within 2 weeks).
    int acknowledgementWorkingDays = 10;
    /// Largest scanned PDF accepted, in bytes (20 MB).
    qint64 maxAttachmentBytes = 20LL * 1024 * 1024;
    /// The court named in the appeal routes of acknowledgements (Issy: Hauts-de-Seine).
    QString administrativeCourt = QStringLiteral("tribunal administratif de Cergy-Pontoise");
    /// Optional HTML templates replacing the built-in ones (PostTemplates placeholders).
    QString acknowledgementTemplate;
    QString replyTemplate;
};

/// Reads and changes PostSettings. Reading needs accueil.post (or accueil.configure);
/// changing needs accueil.configure and is audited.
class PostSettingsStore final
{
    Q_DECLARE_TR_FUNCTIONS(iris::accueil::PostSettingsStore)
public:
    explicit PostSettingsStore(CoreServices& services);
    void setClock(sql::Clock clock) { m_now = std::move(clock); }

    Result<PostSettings> load() const;
    /// Validates (days 1–90, size 1 KB–200 MB, non-empty court) and saves every key in
    /// one transaction.
    Result<void> save(const PostSettings& settings);

private:
    CoreServices& m_services;
    sql::Clock m_now = &sql::systemNow;
};

} // namespace iris::accueil
