#include "app/desk/src/ShortcutCollector.h"

#include <QAction>
#include <QRegularExpression>
#include <QShortcut>
#include <QWidget>

using namespace Qt::StringLiterals;

namespace iris::shell {

namespace {

struct Bound
{
    QList<QKeySequence> keys;
    QString description;
    QString name;
};

QList<Bound> boundIn(QWidget* widget)
{
    QList<Bound> bound;
    if (!widget)
        return bound;
    for (QAction* action : widget->findChildren<QAction*>()) {
        if (action->shortcuts().isEmpty())
            continue;
        QString text = ShortcutCollector::describe(action->text(), action->shortcuts());
        if (text.isEmpty())
            text = ShortcutCollector::describe(action->toolTip(), action->shortcuts());
        bound.append({ action->shortcuts(), text, action->objectName() });
    }
    for (QShortcut* shortcut : widget->findChildren<QShortcut*>()) {
        if (shortcut->keys().isEmpty())
            continue;
        bound.append({ shortcut->keys(), ShortcutCollector::describe(shortcut->whatsThis(), shortcut->keys()),
            shortcut->objectName() });
    }
    return bound;
}

} // namespace

QString ShortcutCollector::describe(const QString& text, const QList<QKeySequence>& keys)
{
    QString described = text;
    described.remove(QRegularExpression(u"&(?=\\S)"_s));
    // "Absent (Ctrl+B)": the key has a column of its own in the list.
    for (const QKeySequence& key : keys) {
        for (const QString& spelled : { key.toString(QKeySequence::NativeText), key.toString(QKeySequence::PortableText) })
            described.remove(u" ("_s + spelled + u')');
    }
    described.remove(QRegularExpression(u"\\s*\\((Ctrl|Maj|Shift|Alt|F\\d)[^)]*\\)$"_s));
    if (described.endsWith(u'…'))
        described.chop(1);
    return described.trimmed();
}

QList<ShortcutCollector::Row> ShortcutCollector::collect(const ShortcutMap& window, const QList<Page>& pages)
{
    QList<Row> rows;
    const QString everywhere = tr("Partout");
    const auto listed = [&rows](const QKeySequence& key, const QString& where) {
        for (const Row& r : std::as_const(rows)) {
            if (r.sequence == key && (r.where == where || r.where == tr("Partout")))
                return true;
        }
        return false;
    };
    for (const ShortcutMap::Entry& e : window.entries())
        rows.append({ e.sequence, e.description, everywhere });
    for (const Page& page : pages) {
        for (const Bound& b : boundIn(page.widget)) {
            if (b.description.isEmpty())
                continue;
            for (const QKeySequence& key : b.keys) {
                if (!listed(key, page.title))
                    rows.append({ key, b.description, page.title });
            }
        }
    }
    return rows;
}

QStringList ShortcutCollector::undescribed(QWidget* widget)
{
    QStringList missing;
    for (const Bound& b : boundIn(widget)) {
        if (b.description.isEmpty())
            missing << u"%1 (%2)"_s.arg(b.keys.constFirst().toString(QKeySequence::PortableText),
                b.name.isEmpty() ? u"sans nom"_s : b.name);
    }
    return missing;
}

} // namespace iris::shell
