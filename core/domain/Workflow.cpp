#include "core/domain/Workflow.h"

#include <QCoreApplication>
#include <QSet>

namespace iris {

Workflow& Workflow::state(const QString& id, const QString& label, bool final)
{
    m_states.append({ id, label, final });
    return *this;
}

Workflow& Workflow::initial(const QString& id)
{
    m_initial = id;
    return *this;
}

Workflow& Workflow::transition(
    const QString& from, const QString& to, const QString& label, const QString& permission)
{
    m_transitions.append({ from, to, label, permission });
    return *this;
}

bool Workflow::hasState(const QString& id) const
{
    for (const WorkflowState& s : m_states) {
        if (s.id == id)
            return true;
    }
    return false;
}

bool Workflow::isFinal(const QString& id) const
{
    for (const WorkflowState& s : m_states) {
        if (s.id == id)
            return s.final;
    }
    return false;
}

QString Workflow::label(const QString& id) const
{
    for (const WorkflowState& s : m_states) {
        if (s.id == id)
            return s.label.isEmpty() ? id : s.label;
    }
    return id;
}

QStringList Workflow::finalStates() const
{
    QStringList out;
    for (const WorkflowState& s : m_states) {
        if (s.final)
            out << s.id;
    }
    return out;
}

const WorkflowTransition* Workflow::find(const QString& from, const QString& to) const
{
    for (const WorkflowTransition& t : m_transitions) {
        if (t.from == from && t.to == to)
            return &t;
    }
    return nullptr;
}

QList<WorkflowTransition> Workflow::transitionsFrom(const QString& from) const
{
    QList<WorkflowTransition> out;
    for (const WorkflowTransition& t : m_transitions) {
        if (t.from == from)
            out << t;
    }
    return out;
}

Result<void> Workflow::validate() const
{
    const auto fail = [](const QString& message) { return Error(ErrorCode::InvalidArgument, message); };
    if (m_states.isEmpty())
        return fail(
            QCoreApplication::translate("iris::Workflow", "Le circuit de traitement ne déclare aucun état."));
    QSet<QString> ids;
    for (const WorkflowState& s : m_states) {
        if (s.id.trimmed().isEmpty())
            return fail(QCoreApplication::translate(
                "iris::Workflow", "Un état du circuit de traitement n'a pas d'identifiant."));
        if (ids.contains(s.id))
            return fail(QCoreApplication::translate("iris::Workflow", "L'état « %1 » est déclaré deux fois.")
                            .arg(s.id));
        ids.insert(s.id);
    }
    if (m_initial.isEmpty() || !ids.contains(m_initial))
        return fail(QCoreApplication::translate(
            "iris::Workflow", "L'état initial du circuit de traitement est absent ou inconnu."));
    if (isFinal(m_initial))
        return fail(QCoreApplication::translate(
            "iris::Workflow", "L'état initial « %1 » ne peut pas être un état final.")
                        .arg(m_initial));
    QSet<QPair<QString, QString>> seen;
    for (const WorkflowTransition& t : m_transitions) {
        if (!ids.contains(t.from) || !ids.contains(t.to))
            return fail(QCoreApplication::translate(
                "iris::Workflow", "La transition « %1 » → « %2 » utilise un état inconnu.")
                            .arg(t.from, t.to));
        if (t.from == t.to)
            return fail(QCoreApplication::translate(
                "iris::Workflow", "La transition « %1 » → « %1 » ne change pas d'état.")
                            .arg(t.from));
        if (isFinal(t.from))
            return fail(QCoreApplication::translate(
                "iris::Workflow", "L'état final « %1 » ne peut pas avoir de transition sortante.")
                            .arg(t.from));
        if (seen.contains({ t.from, t.to }))
            return fail(QCoreApplication::translate(
                "iris::Workflow", "La transition « %1 » → « %2 » est déclarée deux fois.")
                            .arg(t.from, t.to));
        seen.insert({ t.from, t.to });
    }
    // At least one final state must be reachable, or dossiers could never be closed.
    QSet<QString> reached { m_initial };
    QList<QString> queue { m_initial };
    bool finalReached = false;
    while (!queue.isEmpty()) {
        const QString current = queue.takeFirst();
        if (isFinal(current))
            finalReached = true;
        for (const WorkflowTransition& t : m_transitions) {
            if (t.from == current && !reached.contains(t.to)) {
                reached.insert(t.to);
                queue.append(t.to);
            }
        }
    }
    if (!finalReached)
        return fail(QCoreApplication::translate(
            "iris::Workflow", "Aucun état final n'est atteignable depuis l'état initial « %1 ».")
                        .arg(m_initial));
    return {};
}

} // namespace iris
