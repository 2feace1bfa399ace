#pragma once

#include "core/base/Result.h"

#include <QSqlDatabase>
#include <QString>
#include <QStringList>

namespace iris {

/// Small helpers for running plain statements (schema steps, maintenance).
class SqlScript final
{
public:
    SqlScript() = delete;

    /// Runs each statement in order on db; stops at the first failure and returns it
    /// classified (see Database::classify), naming `context` ("schéma des usagers").
    static Result<void> run(QSqlDatabase& db, const QStringList& statements, const QString& context);
};

} // namespace iris
