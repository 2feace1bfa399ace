#include "modules/etatcivil/data/EtatCivilFollowUpSource.h"

#include "core/domain/Citizen.h"
#include "core/security/Session.h"
#include "core/services/CoreServices.h"
#include "core/services/DossierTypeRegistry.h"
#include "core/storage/Database.h"
#include "core/storage/Dialect.h"
#include "modules/etatcivil/EtatCivilIds.h"
#include "modules/etatcivil/data/Procedure.h"

#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace iris::etatcivil {

EtatCivilFollowUpSource::EtatCivilFollowUpSource(const DossierTypeRegistry* types)
    : m_types(types)
{
}

QString EtatCivilFollowUpSource::kind() const
{
    return ids::FollowUpKind;
}

QString EtatCivilFollowUpSource::label() const
{
    return tr("Demandes et démarches d'état civil");
}

Result<QList<FollowUpItem>> EtatCivilFollowUpSource::items(CoreServices& services,
                                                           const FollowUpQuery& query) const
{
    const Session& session = services.session();
    if (!session.can(ids::ReadPermission))
        return QList<FollowUpItem>();
    if (query.scope == FollowUpQuery::Scope::All) {
        if (auto r = session.require(ids::SupervisePermission); !r)
            return r.error();
    }
    const Dialect& d = services.database()->dialect();
    QVariantMap binds;
    QStringList types{u":t0"_s};
    binds.insert(u":t0"_s, ids::ActeType);
    for (ProcedureKind k : allProcedureKinds()) {
        const QString name = u":t"_s + QString::number(types.size());
        types << name;
        binds.insert(name, procedureTypeId(k));
    }
    QString where = u"d.type_id IN ("_s + types.join(u", "_s)
        + u") AND d.closed_at IS NULL AND d.due_date IS NOT NULL AND "_s
        + FollowUpRegistry::scopeClause(query.scope, session.agent(), binds, u"d.agent_id"_s, u"d.service_id"_s);
    if (query.dueBefore.isValid()) {
        // Due on day D means done by the end of D (as the requests page counts late ones).
        where += u" AND d.due_date < :before"_s;
        binds.insert(u":before"_s, d.toDbDate(query.dueBefore.date()));
    }
    QString sql = u"SELECT d.id, d.type_id, d.reference, d.subject, d.status, d.due_date, d.citizen_id, "
                  u"d.agent_id, d.service_id, ci.nom_usage, ci.nom_naissance, ci.prenoms, a.display_name, s.name "
                  u"FROM dossiers d LEFT JOIN citizens ci ON ci.id = d.citizen_id "
                  u"LEFT JOIN agents a ON a.id = d.agent_id "
                  u"LEFT JOIN services s ON s.id = d.service_id WHERE "_s
        + where + u" ORDER BY d.due_date, d.id"_s;
    if (query.limit > 0)
        sql += u" LIMIT "_s + QString::number(query.limit);
    QSqlQuery q(services.database()->connection());
    q.prepare(sql);
    for (auto it = binds.cbegin(); it != binds.cend(); ++it)
        q.bindValue(it.key(), it.value());
    if (!q.exec())
        return Database::classify(q.lastError(), tr("lecture des échéances d'état civil"));
    QList<FollowUpItem> items;
    while (q.next()) {
        FollowUpItem item;
        item.kind = ids::FollowUpKind;
        item.id = q.value(0).toLongLong();
        const QString typeId = q.value(1).toString();
        const QString status = q.value(4).toString();
        const DossierType* type = m_types ? m_types->type(typeId) : nullptr;
        item.kindLabel = typeId == ids::ActeType ? tr("Demande d'acte") : (type ? type->label : typeId);
        item.title = q.value(3).toString(); // "Copie intégrale — acte de naissance — DUPONT Jean"
        item.detail = tr("%1 — %2").arg(q.value(2).toString(),
                                        type ? type->workflow.label(status) : status);
        // Due by the end of the due date.
        item.dueAt = QDateTime(d.fromDbDate(q.value(5)).addDays(1), QTime(0, 0));
        item.citizenId = q.value(6).isNull() ? 0 : q.value(6).toLongLong();
        if (item.citizenId > 0) {
            Citizen c;
            c.nomUsage = q.value(9).toString();
            c.nomNaissance = q.value(10).toString();
            c.prenoms = q.value(11).toString();
            item.citizenName = c.displayName();
        }
        item.assignedAgentId = q.value(7).isNull() ? 0 : q.value(7).toLongLong();
        item.assignedServiceId = q.value(8).isNull() ? 0 : q.value(8).toLongLong();
        QStringList who{q.value(12).toString(), q.value(13).toString()};
        who.removeAll(QString());
        item.assignee = who.join(u", "_s);
        item.openPermission = ids::ReadPermission;
        items << item;
    }
    return items;
}

} // namespace iris::etatcivil
