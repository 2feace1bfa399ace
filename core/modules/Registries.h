#pragma once

#include <QList>
#include <QString>

#include <functional>
#include <memory>

class QWidget; // core never links Qt Widgets; factories are called by the shell

namespace iris {

/// A navigation page contributed by a module (shown only if the agent holds `permission`).
struct PageSpec
{
    QString id;            ///< "usagers.directory"
    QString title;         ///< French, translated by the module
    QString iconName;      ///< resource icon name, may be empty
    QString permission;    ///< empty = everyone logged in
    QString shortcut;      ///< portable QKeySequence text, e.g. "Ctrl+1"
    int order = 100;
    std::function<QWidget*(QWidget* parent)> create;
};

/// A command with a shortcut, placed in the shell's menu (global) or a page's toolbar.
struct ActionSpec
{
    QString id;            ///< "usagers.newCitizen"
    QString text;          ///< French
    QString shortcut;      ///< portable QKeySequence text
    QString permission;
    QString menu;          ///< French menu title it belongs to ("Usagers")
    std::function<void()> trigger;
};

/// A panel on the citizen 360° page (contacts, dossiers of a module…).
struct CitizenPanelSpec
{
    QString id;
    QString title;
    QString permission;
    int order = 100;
    std::function<QWidget*(qint64 citizenId, QWidget* parent)> create;
};

/// A settings page.
struct SettingsPageSpec
{
    QString id;
    QString title;
    QString permission;
    std::function<QWidget*(QWidget* parent)> create;
};

/// One global-search result; the shell opens it through the RecordOpener of its kind.
struct SearchHit
{
    QString kind;          ///< "citizen", "dossier"…
    qint64 id = 0;
    QString title;
    QString subtitle;
    double rank = 0;       ///< lower is better, within one provider
};

/// Feeds the global search (Ctrl+K). search() is called off the GUI thread and must
/// use its own per-thread database connection.
class SearchProvider
{
public:
    virtual ~SearchProvider() = default;
    virtual QString id() const = 0;
    virtual QString title() const = 0;      ///< group heading, French
    virtual QString permission() const = 0; ///< required to see its hits
    virtual QList<SearchHit> search(const QString& text, int limit) const = 0;
};

/// Ordered list of contributions, keyed by id (a second registration with the same id
/// replaces the first).
template<typename Spec>
class Registry
{
public:
    void add(Spec spec)
    {
        for (Spec& s : m_items) {
            if (s.id == spec.id) {
                s = std::move(spec);
                return;
            }
        }
        m_items.append(std::move(spec));
    }
    const QList<Spec>& items() const { return m_items; }

private:
    QList<Spec> m_items;
};

using PageRegistry = Registry<PageSpec>;
using ActionRegistry = Registry<ActionSpec>;
using CitizenPanelRegistry = Registry<CitizenPanelSpec>;
using SettingsPageRegistry = Registry<SettingsPageSpec>;

} // namespace iris
