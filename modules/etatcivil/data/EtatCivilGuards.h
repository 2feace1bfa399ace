#pragma once

#include "core/base/Result.h"
#include "core/domain/Dossier.h"

#include <QCoreApplication>
#include <QSqlDatabase>

#include <memory>

namespace iris {
class Database;
}

namespace iris::etatcivil {

class ParameterStore;

/// The rules every workflow move of an état civil dossier must satisfy, whatever screen
/// asks for it (registered as DossierType::transitionGuard, run inside the transition's
/// transaction on its connection). Dossiers without module details (demo data) are not
/// checked: there is nothing to check them against.
class EtatCivilGuards final
{
    Q_DECLARE_TR_FUNCTIONS(iris::etatcivil::EtatCivilGuards)

public:
    EtatCivilGuards(std::weak_ptr<Database> db, std::shared_ptr<const ParameterStore> parameters);

    /// Acte request: a request not allowed can only be refused; an act held elsewhere can
    /// only be oriented or refused; "prête" needs the register reference, "refusée" a
    /// reason, "orientée" a destination.
    Result<void> acte(QSqlDatabase& c, const Dossier& dossier, const QString& to) const;
    /// Counter procedures (deadline, birth acts, witnesses, banns, stamp, consent…).
    Result<void> procedure(QSqlDatabase& c, const Dossier& dossier, const QString& to) const;

private:
    Result<void> checklistComplete(QSqlDatabase& c, const Dossier& dossier) const;

    std::weak_ptr<Database> m_db;
    std::shared_ptr<const ParameterStore> m_parameters;
};

} // namespace iris::etatcivil
