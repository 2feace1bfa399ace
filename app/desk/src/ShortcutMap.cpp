#include "app/desk/src/ShortcutMap.h"

namespace iris::shell {

QKeySequence ShortcutMap::claim(const QString& portableText, const QString& description, const QString& owner)
{
    if (portableText.trimmed().isEmpty())
        return {};
    const QKeySequence sequence = QKeySequence::fromString(portableText, QKeySequence::PortableText);
    if (sequence.isEmpty() || sequence[0].key() == Qt::Key_unknown) {
        m_conflicts
            << tr("Raccourci invalide « %1 » pour « %2 » (%3).").arg(portableText, description, owner);
        return {};
    }
    return claim(sequence, description, owner);
}

QKeySequence ShortcutMap::claim(
    const QKeySequence& sequence, const QString& description, const QString& owner)
{
    if (sequence.isEmpty())
        return {};
    for (const Entry& e : m_entries) {
        if (e.sequence == sequence) {
            m_conflicts << tr("Le raccourci %1 de « %2 » (%3) est déjà utilisé par « %4 » (%5).")
                               .arg(sequence.toString(QKeySequence::NativeText), description, owner,
                                   e.description, e.owner);
            return {};
        }
    }
    m_entries.append(Entry { sequence, description, owner });
    return sequence;
}

bool ShortcutMap::isTaken(const QKeySequence& sequence) const
{
    for (const Entry& e : m_entries) {
        if (e.sequence == sequence)
            return true;
    }
    return false;
}

} // namespace iris::shell
