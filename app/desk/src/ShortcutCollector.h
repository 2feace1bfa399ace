#pragma once

#include "app/desk/src/ShortcutMap.h"

#include <QCoreApplication>
#include <QKeySequence>
#include <QList>
#include <QString>

class QWidget;

namespace iris::shell {

/// The F1 list, read off what is really bound rather than written a second time: the
/// shortcuts claimed in the window (shell, module actions, pages, side docks) and every
/// QAction or QShortcut with a key inside each page. An action describes itself by its
/// text (without "&" and without the key repeated in brackets), or its tool tip; a
/// QShortcut by its whatsThis text.
class ShortcutCollector final
{
    Q_DECLARE_TR_FUNCTIONS(iris::shell::ShortcutCollector)
public:
    struct Row
    {
        QKeySequence sequence;
        QString description;
        QString where; ///< "Partout" or the page's title
    };
    struct Page
    {
        QString title;
        QWidget* widget = nullptr;
    };

    static QList<Row> collect(const ShortcutMap& window, const QList<Page>& pages);
    /// What the F1 list says of `text` (an action's text): no mnemonic, no key in brackets.
    static QString describe(const QString& text, const QList<QKeySequence>& keys);
    /// The bound shortcuts inside `widget` that have no description (a defect the
    /// shortcut tests look for).
    static QStringList undescribed(QWidget* widget);
};

} // namespace iris::shell
