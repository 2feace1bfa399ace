#pragma once

#include <QCoreApplication>
#include <QKeySequence>
#include <QList>
#include <QString>

namespace iris::shell {

/// Who owns which keyboard shortcut in the window. The first claim wins; a later
/// claim of the same sequence is refused and kept as a conflict so the "À propos /
/// Modules" dialog can show it (a module cannot silently steal Ctrl+Q).
class ShortcutMap final
{
    Q_DECLARE_TR_FUNCTIONS(iris::shell::ShortcutMap)
public:
    struct Entry
    {
        QKeySequence sequence;
        QString description; ///< French, as shown in the F1 list
        QString owner; ///< "IRIS Desk" or the module/page id
    };

    /// Claims `portableText` ("Ctrl+Shift+N"); returns the sequence, or an empty one when
    /// the text is empty, invalid or already taken.
    QKeySequence claim(const QString& portableText, const QString& description, const QString& owner);
    QKeySequence claim(const QKeySequence& sequence, const QString& description, const QString& owner);
    bool isTaken(const QKeySequence& sequence) const;

    const QList<Entry>& entries() const { return m_entries; }
    /// French sentences, one per refused shortcut.
    const QStringList& conflicts() const { return m_conflicts; }

private:
    QList<Entry> m_entries;
    QStringList m_conflicts;
};

} // namespace iris::shell
