#include "core/storage/ServerClock.h"

#include <atomic>

namespace iris {

namespace {
std::atomic<qint64> g_offsetMs { 0 };
} // namespace

QDateTime ServerClock::now()
{
    const qint64 offset = g_offsetMs.load(std::memory_order_relaxed);
    const QDateTime local = QDateTime::currentDateTime();
    return offset == 0 ? local : local.addMSecs(offset);
}

qint64 ServerClock::offsetMs()
{
    return g_offsetMs.load(std::memory_order_relaxed);
}

void ServerClock::measured(qint64 sentMs, qint64 serverMs, qint64 receivedMs)
{
    if (receivedMs < sentMs || receivedMs - sentMs > 1000)
        return;
    g_offsetMs.store(serverMs - (sentMs + receivedMs) / 2, std::memory_order_relaxed);
}

void ServerClock::setOffsetMs(qint64 offset)
{
    g_offsetMs.store(offset, std::memory_order_relaxed);
}

} // namespace iris
