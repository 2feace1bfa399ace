#pragma once

#include "core/base/Result.h"

#include <QCoreApplication>

#include <QDateTime>
#include <QList>

namespace iris {
class CoreServices;
}

namespace iris::accueil {

/// The counter's demo day: the default categories and desks, seven visitors waiting since
/// the last three quarters of an hour (one of them priority), one being served at desk 2,
/// and three phone callbacks — one already late — for the téléconseiller, the agent
/// d'accueil and the Logement service. Run as the system on a freshly seeded database;
/// does nothing when that day's queue already exists. Returns a French summary.
class AccueilDemo final
{
    Q_DECLARE_TR_FUNCTIONS(iris::accueil::AccueilDemo)
public:
    /// `now` is the moment the demo is set at (the seeding time, or the demo's reference
    /// day at 10:30 when that is another day).
    static Result<QString> seed(CoreServices& system, const QDateTime& now);

    /// Existing citizens picked for demo items, spread over the table (deterministic).
    static Result<QList<qint64>> pickCitizens(CoreServices& system, int count);
};

} // namespace iris::accueil
