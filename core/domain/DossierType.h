#pragma once

#include "core/domain/DeadlineRule.h"
#include "core/domain/Workflow.h"

#include "core/base/Result.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <functional>

namespace iris {

/// An item every new dossier of a type starts with in its document checklist.
struct ChecklistTemplateItem
{
    QString label; ///< French ("Pièce d'identité du demandeur")
    bool required = true;
};

/// A kind of dossier registered by a module in initialize().
struct Dossier;

/// A module's extra condition on a workflow move, checked by DossierService::transition()
/// inside its write transaction (after the workflow and permission checks, before the
/// change), so a rule holds whatever screen or tool asks for the move. `connection` is
/// the transaction's connection: read the module's own rows through it. An Error refuses
/// the move and nothing is written.
using TransitionGuard = std::function<Result<void>(QSqlDatabase& connection, const Dossier& dossier,
                                                   const QString& toState)>;

struct DossierType
{
    QString id; ///< "etatcivil.acte" (module id as prefix)
    QString label; ///< French ("Demande d'acte d'état civil")
    QString referencePrefix; ///< 2–6 capital letters: "EC" → "EC-2026-000123"
    QString module; ///< id of the module that registered it
    Workflow workflow;
    QList<ChecklistTemplateItem> checklist;
    DeadlineRule deadline;
    QString defaultServiceCode; ///< directory service assigned on creation when none is given
    QString readPermission; ///< empty = perm::DossierRead
    QString writePermission; ///< empty = perm::DossierWrite
    TransitionGuard transitionGuard; ///< optional module rule on every move; empty = none
};

} // namespace iris
