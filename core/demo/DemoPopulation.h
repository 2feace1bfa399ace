#pragma once

#include "core/base/Result.h"

#include <QCoreApplication>
#include <QDate>
#include <QList>
#include <QSqlDatabase>
#include <functional>

namespace iris {

class Dialect;

namespace demo {

class DemoRandom;

/// The people that were created, for the activity generator.
struct DemoPeople
{
    QList<qint64> adults; ///< citizen ids of people aged 18 or more
    QList<qint64> children;
    int households = 0;
};

/// Synthetic households of Issy-les-Moulineaux: single people, couples with or without
/// children, single parents; combinations of common French first names and surnames,
/// mobile and fixed phones (E.164), e-mails on reserved example domains, addresses on
/// real street names. Citizens go through CitizenRepository::BulkInserter, which writes
/// the search index.
class DemoPopulation
{
    Q_DECLARE_TR_FUNCTIONS(iris::demo::DemoPopulation)

public:
    /// Inserts exactly `count` citizens on `db` (inside the caller's transaction).
    /// `tick(n)` is called every few hundred citizens with the number done; it returns
    /// false to cancel.
    static Result<DemoPeople> generate(QSqlDatabase& db, const Dialect& dialect, DemoRandom& random,
        int count, const QDate& referenceDate, const std::function<bool(int)>& tick);
};

} // namespace demo
} // namespace iris
