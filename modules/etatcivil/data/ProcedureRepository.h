#pragma once

#include "core/base/Result.h"
#include "modules/etatcivil/data/Procedure.h"

#include <QCoreApplication>
#include <QList>
#include <QSqlDatabase>
#include <QVariantMap>

namespace iris {
class Dialect;
}

namespace iris::etatcivil {

/// SQL of ec_procedures (joined to the dossier) and ec_recensements, on the connection
/// given. Checks no permission: ProcedureService does.
class ProcedureRepository final
{
    Q_DECLARE_TR_FUNCTIONS(iris::etatcivil::ProcedureRepository)

public:
    ProcedureRepository(QSqlDatabase& connection, const Dialect& dialect);

    Result<void> insert(const Procedure& procedure);
    /// NotFound when no procedure dossier has this id (hasDetails false when only the dossier exists).
    Result<Procedure> load(qint64 dossierId);
    /// Procedures whose dossier matches `where` (aliases d = dossiers, p = ec_procedures), newest first.
    Result<QList<Procedure>> select(const QString& where, const QVariantMap& binds, int limit = 500);
    Result<void> saveDetails(qint64 dossierId, const QJsonObject& details, const QString& flag);

    /// The attestation already issued to this citizen: number and day; empty number when none.
    Result<std::pair<QString, QDate>> recensementOf(qint64 citizenId);
    Result<void> insertRecensement(qint64 citizenId, qint64 dossierId, const QString& number, const QDate& issuedOn,
                                   qint64 agentId);

private:
    QSqlDatabase& m_c;
    const Dialect& m_d;
};

} // namespace iris::etatcivil
