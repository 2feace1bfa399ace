#pragma once

#include "modules/accueil/shared/ui/AccueilFeature.h"

#include <QCoreApplication>
#include <QPointer>
#include <memory>

namespace iris::accueil {

class CourrielRegisterPage;
class MaildirWatcher;

/// E-mail (courriel): the register page and its shortcut (Ctrl+Maj+I), replies from
/// templates and KB articles sent by SMTP, courriels on the "À traiter" list, the
/// citizen's courriels on the 360° page, the settings pages (SMTP server, reply
/// templates, intake), and the Maildir watcher while an agent allowed to handle courriels
/// is logged in and a Maildir is configured.
class MailFeature final : public AccueilFeature
{
    Q_DECLARE_TR_FUNCTIONS(iris::accueil::MailFeature)
public:
    MailFeature();
    ~MailFeature() override;

    QString id() const override { return QStringLiteral("mail"); }
    void registerSchema(MigrationRunner& migrations) override;
    void declarePermissions(PermissionRegistry& permissions) override;
    void initialize(AccueilController& controller) override;
    void contribute(ModuleContext& context, AccueilController& controller) override;
    /// The demo's inbox (MailDemo).
    Result<QString> seedDemo(CoreServices& system, const QDateTime& now) override;
    void sessionEnded() override;
    void aboutToShutdown() override;

private:
    void showRegister(AccueilController& controller, qint64 courrielId);
    /// Starts, restarts or stops the Maildir watcher for the logged-in agent.
    void syncWatcher(AccueilController& controller, bool force);

    QPointer<CourrielRegisterPage> m_page;
    std::unique_ptr<MaildirWatcher> m_watcher;
    qint64 m_watchAgent = -1;
};

} // namespace iris::accueil
