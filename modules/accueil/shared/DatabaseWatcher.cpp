#include "modules/accueil/shared/DatabaseWatcher.h"

#include "core/storage/ChangeFeed.h"
#include "core/storage/Database.h"

namespace iris::accueil {

DatabaseWatcher::DatabaseWatcher(std::shared_ptr<Database> db, int intervalMs, QObject* parent)
    : QObject(parent)
    , m_db(std::move(db))
    , m_intervalMs(qMax(20, intervalMs))
{
}

DatabaseWatcher::~DatabaseWatcher()
{
    stop();
}

void DatabaseWatcher::start()
{
    if (m_feed)
        return;
    const std::shared_ptr<Database> db = m_db.lock();
    if (!db)
        return;
    ChangeFeed::Options options;
    options.pollIntervalMs = m_intervalMs;
    m_feed = ChangeFeed::shared(db, options);
    connect(m_feed.get(), &ChangeFeed::changed, this, &DatabaseWatcher::changed);
}

void DatabaseWatcher::stop()
{
    if (!m_feed)
        return;
    disconnect(m_feed.get(), nullptr, this, nullptr);
    m_feed.reset();
}

bool DatabaseWatcher::isRunning() const
{
    return m_feed && m_feed->isRunning();
}

} // namespace iris::accueil
