#include "modules/accueil/shared/MotiveCatalog.h"

#include "core/services/ContactService.h"
#include "core/services/CoreServices.h"

#include <QSet>

namespace iris::accueil {

Result<MotiveCatalog> MotiveCatalog::load(CoreServices& services)
{
    const Result<QList<MotiveTheme>> themes = services.contacts().motiveThemes(true);
    if (!themes)
        return themes.error();
    MotiveCatalog catalog;
    QHash<qint64, const MotiveTheme*> byId;
    QSet<qint64> parents;
    for (const MotiveTheme& t : *themes) {
        byId.insert(t.id, &t);
        if (t.parentId > 0)
            parents.insert(t.parentId);
    }
    for (const MotiveTheme& t : *themes) {
        QStringList path{t.label};
        qint64 parent = t.parentId;
        for (int depth = 0; parent > 0 && depth < 16; ++depth) {
            const MotiveTheme* p = byId.value(parent);
            if (!p)
                break;
            path.prepend(p->label);
            parent = p->parentId;
        }
        const QString label = path.join(QStringLiteral(" › "));
        catalog.m_paths.insert(t.id, label);
        if (!t.active)
            continue;
        catalog.m_index.insert(t.id, catalog.m_entries.size());
        catalog.m_entries.append({t, label, !parents.contains(t.id)});
    }
    return catalog;
}

const MotiveCatalog::Entry* MotiveCatalog::find(qint64 motiveId) const
{
    const auto it = m_index.constFind(motiveId);
    return it == m_index.constEnd() ? nullptr : &m_entries.at(*it);
}

qint64 MotiveCatalog::defaultServiceOf(qint64 motiveId) const
{
    const Entry* e = find(motiveId);
    return e ? e->theme.defaultServiceId : 0;
}

} // namespace iris::accueil
