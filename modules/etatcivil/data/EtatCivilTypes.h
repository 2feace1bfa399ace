#pragma once

#include "core/base/Result.h"
#include "core/domain/DossierType.h"

#include <QCoreApplication>
#include <QList>

#include <memory>

namespace iris {
class Database;
class DossierTypeRegistry;
}

namespace iris::etatcivil {

class ParameterStore;

/// The module's dossier types: the acte request and each counter procedure, with their
/// workflow, document checklist, deadline rule and guard (EtatCivilGuards).
class EtatCivilTypes final
{
    Q_DECLARE_TR_FUNCTIONS(iris::etatcivil::EtatCivilTypes)

public:
    EtatCivilTypes() = delete;

    /// Every type, ready to register. `db` may be null (then guards and the dated
    /// processing deadline fall back to the defaults).
    static QList<DossierType> all(const std::shared_ptr<Database>& db, std::shared_ptr<const ParameterStore> parameters);
    static Result<void> registerAll(DossierTypeRegistry& registry, const std::shared_ptr<Database>& db,
                                    std::shared_ptr<const ParameterStore> parameters);
};

} // namespace iris::etatcivil
