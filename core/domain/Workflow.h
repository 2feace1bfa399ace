#pragma once

#include "core/base/Result.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace iris {

/// A state of a dossier workflow ("recue" / "Reçue").
struct WorkflowState
{
    QString id;
    QString label; ///< French
    bool final = false; ///< reaching it closes the dossier
};

/// An allowed move between two states, optionally restricted to a permission.
struct WorkflowTransition
{
    QString from;
    QString to;
    QString label; ///< French verb shown on the button ("Délivrer"); may be empty
    QString permission; ///< empty = the dossier type's write permission
};

/// States + allowed transitions + initial and final states of one dossier type.
/// Built fluently by modules:
///   Workflow().state("recue", tr("Reçue")).state("delivree", tr("Délivrée"), true)
///             .initial("recue").transition("recue", "delivree", tr("Délivrer"));
class Workflow
{
public:
    Workflow& state(const QString& id, const QString& label, bool final = false);
    Workflow& initial(const QString& id);
    Workflow& transition(
        const QString& from, const QString& to, const QString& label = {}, const QString& permission = {});

    const QList<WorkflowState>& states() const { return m_states; }
    const QList<WorkflowTransition>& transitions() const { return m_transitions; }
    QString initialState() const { return m_initial; }
    bool hasState(const QString& id) const;
    bool isFinal(const QString& id) const;
    QString label(const QString& id) const; ///< the id itself when unknown
    QStringList finalStates() const;

    /// The transition from → to, or nullptr when the workflow does not allow it.
    const WorkflowTransition* find(const QString& from, const QString& to) const;
    bool allows(const QString& from, const QString& to) const { return find(from, to) != nullptr; }
    /// Transitions leaving a state, in declaration order.
    QList<WorkflowTransition> transitionsFrom(const QString& from) const;

    /// Checks the definition: at least one state, unique ids, a known initial state that is not
    /// final, transitions between known states, none leaving a final state, at least one final
    /// state reachable from the initial one. French message naming the fault.
    Result<void> validate() const;

private:
    QList<WorkflowState> m_states;
    QList<WorkflowTransition> m_transitions;
    QString m_initial;
};

} // namespace iris
