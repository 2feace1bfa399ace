#pragma once

#include "core/base/Result.h"
#include "modules/accueil/counter/Ticket.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QVariantMap>

namespace iris {
class Dialect;
}

namespace iris::accueil {

/// SQL of the tickets table shared by QueueService and VisitService: reading rows (with
/// their motives), the history lines, the motive list. Every call works on the
/// connection it is given, so it joins the caller's transaction.
class TicketStore final
{
    Q_DECLARE_TR_FUNCTIONS(iris::accueil::TicketStore)
public:
    explicit TicketStore(const Dialect& dialect);

    Result<Ticket> load(QSqlDatabase& c, qint64 id) const;
    /// Tickets matching `where` (SQL over alias t, binds by name) in `orderBy` order; with
    /// `claim`, the rows returned are locked for the write transaction and rows another
    /// desk's transaction holds are skipped (Dialect::claimRows).
    Result<QList<Ticket>> select(QSqlDatabase& c, const QString& where, const QVariantMap& binds,
                                 const QString& orderBy, int limit = 0, bool withMotives = true,
                                 bool claim = false) const;
    /// Writes the mutable columns of `t` if its version is still the stored one (Conflict
    /// otherwise) and bumps t.version.
    Result<void> update(QSqlDatabase& c, Ticket& t) const;
    Result<void> addEvent(QSqlDatabase& c, qint64 ticketId, const QDateTime& at, const QString& kind,
                          qint64 deskId, qint64 agentId, const QString& detail = {}) const;
    Result<void> replaceMotives(QSqlDatabase& c, qint64 ticketId, const QList<qint64>& motiveIds) const;

    /// Call order of a queue: priority first, then appointments due (checked in and within
    /// `appointmentLead` of their time) ahead of walk-ins, then arrival.
    static QString callOrder();

private:
    const Dialect& m_dialect;
};

} // namespace iris::accueil
