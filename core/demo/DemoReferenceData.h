#pragma once

#include "core/base/Result.h"
#include "core/security/Permissions.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QSqlDatabase>
#include <QString>

namespace iris {

class Dialect;

namespace demo {

/// What the activity generator needs to know about the installed reference data.
struct DemoReference
{
    struct Motive
    {
        qint64 id = 0;
        QString topCode; ///< code of the top-level theme ("etat-civil")
        qint64 defaultServiceId = 0;
    };
    struct AgentRef
    {
        qint64 id = 0;
        Role role = Role::AgentAccueil;
        qint64 serviceId = 0;
    };
    QHash<QString, qint64> serviceIds; ///< code → id
    QList<Motive> leafMotives; ///< motives that have a parent (what contacts carry)
    QList<AgentRef> agents;
    int servicesCreated = 0;
    int motivesCreated = 0;
    int agentsCreated = 0;
};

/// Installs the services directory, the motive theme tree and the demo agents (with their
/// documented passwords hashed with Argon2id). Idempotent: what already exists (same
/// service code, motive code or agent login) is kept, so it can run on a used database.
class DemoReferenceData
{
    Q_DECLARE_TR_FUNCTIONS(iris::demo::DemoReferenceData)

public:
    /// Runs on `db`, inside the caller's transaction.
    static Result<DemoReference> install(QSqlDatabase& db, const Dialect& dialect, const QDateTime& now);
    /// Reads back what is installed (withReferenceData = false).
    static Result<DemoReference> load(QSqlDatabase& db);
};

} // namespace demo
} // namespace iris
