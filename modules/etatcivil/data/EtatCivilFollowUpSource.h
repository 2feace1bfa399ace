#pragma once

#include "core/modules/FollowUpSources.h"

#include <QCoreApplication>

namespace iris {
class DossierTypeRegistry;
}

namespace iris::etatcivil {

/// The module's items on the "À traiter" page (core FollowUpRegistry, kind "etatcivil"):
/// the open acte requests and counter procedures (naissance, PACS, mariage…) that have a
/// due date, due at the end of that day, for the agent (dossier's agent), their service
/// (dossier's service, état civil by default, or one of its agents) or everyone.
/// Permissions: etatcivil.read (an agent without it gets an empty list: the page is shared
/// with other roles); scope All needs etatcivil.supervise.
class EtatCivilFollowUpSource final : public FollowUpSource
{
    Q_DECLARE_TR_FUNCTIONS(iris::etatcivil::EtatCivilFollowUpSource)
public:
    /// `types` gives the labels of the dossier types and states (may be null: ids shown).
    explicit EtatCivilFollowUpSource(const DossierTypeRegistry* types);

    QString kind() const override;
    QString label() const override;
    Result<QList<FollowUpItem>> items(CoreServices& services, const FollowUpQuery& query) const override;

private:
    const DossierTypeRegistry* m_types;
};

} // namespace iris::etatcivil
