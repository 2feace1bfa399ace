#include "core/services/CitizenMergeRegistry.h"

using namespace Qt::StringLiterals;

namespace iris {

CitizenMergeRegistry::CitizenMergeRegistry()
{
    // Core tables that point at citizens (household_members is handled by the merge itself).
    m_references = {{u"contacts"_s, u"citizen_id"_s},
                    {u"dossiers"_s, u"citizen_id"_s},
                    {u"appointments"_s, u"citizen_id"_s},
                    {u"organisations"_s, u"representative_id"_s}};
}

CitizenMergeRegistry& CitizenMergeRegistry::instance()
{
    static CitizenMergeRegistry registry;
    return registry;
}

void CitizenMergeRegistry::addReference(const QString& table, const QString& column)
{
    QMutexLocker lock(&m_mutex);
    const std::pair<QString, QString> ref{table, column};
    if (!m_references.contains(ref))
        m_references.append(ref);
}

void CitizenMergeRegistry::addHook(const QString& id, Hook hook)
{
    QMutexLocker lock(&m_mutex);
    m_hooks.removeIf([&](const std::pair<QString, Hook>& entry) { return entry.first == id; });
    if (hook)
        m_hooks.append({id, std::move(hook)});
}

QList<std::pair<QString, QString>> CitizenMergeRegistry::references() const
{
    QMutexLocker lock(&m_mutex);
    return m_references;
}

QList<CitizenMergeRegistry::Hook> CitizenMergeRegistry::hooks() const
{
    QMutexLocker lock(&m_mutex);
    QList<Hook> out;
    for (const auto& entry : m_hooks)
        out.append(entry.second);
    return out;
}

} // namespace iris
