#pragma once

#include "core/base/Result.h"
#include "core/demo/DemoPopulation.h"
#include "core/demo/DemoReferenceData.h"

#include <QCoreApplication>
#include <QDate>
#include <QSqlDatabase>
#include <functional>

namespace iris {

class Dialect;
class DossierTypeRegistry;

namespace demo {

class DemoRandom;

/// Two years of counter activity ending on the reference date: dossiers of the given
/// types walked along their workflows (checklist, timeline, due dates), and contacts on
/// every channel at realistic hours (counter and phone on opening hours, e-mail at any
/// time, post in the morning), with motives, outcomes and orientations. Rows are written
/// in chronological order with prepared statements, inside the caller's transaction.
class DemoActivity
{
    Q_DECLARE_TR_FUNCTIONS(iris::demo::DemoActivity)

public:
    struct Counts
    {
        int dossiers = 0;
        int contacts = 0;
    };

    /// `tick(n)` receives the number of rows written so far (dossiers then contacts);
    /// returning false cancels.
    static Result<Counts> generate(QSqlDatabase& db, const Dialect& dialect, DemoRandom& random,
        const DemoReference& reference, const DemoPeople& people, const DossierTypeRegistry* types,
        int dossiers, int contacts, const QDate& referenceDate, const std::function<bool(qint64)>& tick);
};

} // namespace demo
} // namespace iris
