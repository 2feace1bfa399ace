#include "core/storage/SqlScript.h"

#include "core/storage/Database.h"

#include <QSqlQuery>

namespace iris {

Result<void> SqlScript::run(QSqlDatabase& db, const QStringList& statements, const QString& context)
{
    QSqlQuery q(db);
    for (const QString& statement : statements) {
        if (!q.exec(statement)) {
            Error e = Database::classify(q.lastError(), context);
            return Error(e.code(), e.message(), e.fields(), QString(e.detail() + QLatin1String(" — ") + statement));
        }
    }
    return {};
}

} // namespace iris
