#pragma once

#include "core/base/Result.h"
#include "modules/etatcivil/data/ActRequest.h"

#include <QCoreApplication>
#include <QList>
#include <QSqlDatabase>
#include <QVariantMap>

namespace iris {
class Dialect;
}

namespace iris::etatcivil {

/// SQL of ec_act_requests joined to its dossier. Runs on the connection it is given (the
/// caller's transaction, or the thread's connection for reads). Checks no permission:
/// ActRequestService does.
class ActRequestRepository final
{
    Q_DECLARE_TR_FUNCTIONS(iris::etatcivil::ActRequestRepository)

public:
    ActRequestRepository(QSqlDatabase& connection, const Dialect& dialect);

    Result<void> insert(const ActRequest& request);
    /// The request of dossier `dossierId` (hasDetails false when only the dossier exists);
    /// NotFound when no acte dossier has this id.
    Result<ActRequest> load(qint64 dossierId);
    /// Requests whose dossier matches `where` (SQL over aliases d = dossiers, r =
    /// ec_act_requests), newest first.
    Result<QList<ActRequest>> select(const QString& where, const QVariantMap& binds, int limit = 500);

    Result<void> setRegisterReference(qint64 dossierId, int year, const QString& number);
    Result<void> setRefusalReason(qint64 dossierId, const QString& reason);
    Result<void> setDestination(qint64 dossierId, const QString& destination, const QString& explanation);
    Result<void> setDelivered(qint64 dossierId, const QDateTime& at);

private:
    Result<void> update(qint64 dossierId, const QString& set, const QVariantMap& binds);

    QSqlDatabase& m_c;
    const Dialect& m_d;
};

} // namespace iris::etatcivil
