#include "core/services/ServiceSupport.h"

#include "core/storage/ServerClock.h"

#include "core/storage/Database.h"

#include <QCoreApplication>
#include <QSqlError>

namespace iris::sql {

Result<QSqlQuery> prepare(QSqlDatabase& db, const QString& statement, const QString& context)
{
    QSqlQuery query(db);
    if (!query.prepare(statement))
        return Database::classify(query.lastError(), context);
    return query;
}

Result<void> exec(QSqlQuery& query, const QString& context)
{
    if (!query.exec())
        return Database::classify(query.lastError(), context);
    return {};
}

Error staleOrMissing(QSqlDatabase& db, const QString& table, qint64 id, const QString& what)
{
    QSqlQuery q(db);
    q.prepare(QString(QStringLiteral("SELECT 1 FROM ") + table + QStringLiteral(" WHERE id = :id")));
    q.bindValue(QStringLiteral(":id"), id);
    if (q.exec() && !q.next())
        return Error(ErrorCode::NotFound,
            QCoreApplication::translate("iris::sql", "%1 n'existe plus (supprimé entre-temps).").arg(what));
    return Error(ErrorCode::Conflict,
        QCoreApplication::translate("iris::sql",
            "%1 a été modifié par un autre agent depuis son ouverture. "
            "Rechargez-le avant d'enregistrer vos changements.")
            .arg(what));
}

QDateTime systemNow()
{
    // The database server's clock on a shared site (one clock for every workstation's indicators).
    return ServerClock::now();
}

bool rowExists(QSqlDatabase& db, const QString& table, qint64 id)
{
    QSqlQuery q(db);
    q.prepare(QString(QStringLiteral("SELECT 1 FROM ") + table + QStringLiteral(" WHERE id = :id")));
    q.bindValue(QStringLiteral(":id"), id);
    return q.exec() && q.next();
}

} // namespace iris::sql
