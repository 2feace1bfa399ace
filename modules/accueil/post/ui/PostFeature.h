#pragma once

#include "modules/accueil/shared/ui/AccueilFeature.h"

#include <QCoreApplication>
#include <QPointer>

namespace iris::accueil {

class PostPage;

/// Post (courrier): the register's schema (owner "accueil-courrier") and permissions, the
/// "Courrier" page (Ctrl+Shift+P) for the counter that keeps the register and for the
/// services' agents who handle the letters assigned to them, the global "Enregistrer un
/// courrier…" action (Ctrl+Shift+C), the "Courrier" panel of the 360° page, its settings
/// page, and the letters to answer on the overdue list, opened on the page.
class PostFeature final : public AccueilFeature
{
    Q_DECLARE_TR_FUNCTIONS(iris::accueil::PostFeature)
public:
    QString id() const override { return QStringLiteral("post"); }
    void registerSchema(MigrationRunner& migrations) override;
    void declarePermissions(PermissionRegistry& permissions) override;
    void initialize(AccueilController& controller) override;
    void contribute(ModuleContext& context, AccueilController& controller) override;
    /// The demo's post register (PostDemo).
    Result<QString> seedDemo(CoreServices& system, const QDateTime& now) override;

private:
    /// The page, shown (and created on first use) through the shell.
    PostPage* page(AccueilController& controller);
    QPointer<PostPage> m_page;
};

} // namespace iris::accueil
