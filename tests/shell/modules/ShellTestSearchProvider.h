#pragma once

#include "core/modules/Registries.h"

#include <memory>

namespace iris {
class Database;
}

namespace iris::shelltest {

/// Searches the module's own table through the calling thread's connection; each hit's
/// subtitle says which thread ran the query, so the test can see the GUI thread was spared.
/// A query starting with "lent" sleeps first, to let a newer query overtake it.
class ShellTestSearchProvider final : public SearchProvider
{
public:
    ShellTestSearchProvider(
        std::shared_ptr<Database> db, QString id, QString title, QString permission, bool secret);

    QString id() const override { return m_id; }
    QString title() const override { return m_title; }
    QString permission() const override { return m_permission; }
    QList<SearchHit> search(const QString& text, int limit) const override;

private:
    std::shared_ptr<Database> m_db;
    QString m_id;
    QString m_title;
    QString m_permission;
    bool m_secret;
};

} // namespace iris::shelltest
