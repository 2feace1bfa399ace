#pragma once

#include "core/base/Result.h"

#include <QDate>
#include <QString>

#include <functional>
#include <memory>

namespace iris {

class Database;
class DossierTypeRegistry;
class PermissionRegistry;

/// What a module's demo content is given: the freshly seeded database (use the calling
/// thread's connection through it), the permissions every module declared (to build a
/// system session), the dossier types and the demo's reference day.
struct DemoContentContext
{
    std::shared_ptr<Database> database;
    std::shared_ptr<PermissionRegistry> permissions;
    const DossierTypeRegistry* dossierTypes = nullptr;
    QDate referenceDate;
    quint64 seed = 1;
};

/// Demo content a module adds on top of the core's demo data (first start of the desk,
/// `iris-cli demo seed`): today's counter queue, e-mails to answer… Registered in the
/// module's initialize() (ModuleContext::demoContent); run by DemoSeeder after the core
/// data is committed, on the seeding thread. Returns a French summary ("8 tickets en
/// attente, 3 rappels"); an error stops the seeding like a core failure does.
struct DemoContentSpec
{
    QString id;
    std::function<Result<QString>(const DemoContentContext& context)> seed;
};

} // namespace iris
