#include "modules/etatcivil/data/ProcedureRepository.h"

#include "core/storage/Database.h"
#include "core/storage/Dialect.h"

#include <QJsonDocument>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace iris::etatcivil {

namespace {

QVariant nullDate(const Dialect& d, const QDate& date)
{
    return date.isValid() ? d.toDbDate(date) : QVariant(QMetaType::fromType<QString>());
}

qint64 idValue(const QVariant& v)
{
    return v.isNull() ? 0 : v.toLongLong();
}

QString typeList()
{
    QStringList quoted;
    for (ProcedureKind k : allProcedureKinds())
        quoted << QString(u'\'' + procedureTypeId(k) + u'\'');
    return quoted.join(u", "_s);
}

} // namespace

ProcedureRepository::ProcedureRepository(QSqlDatabase& connection, const Dialect& dialect)
    : m_c(connection)
    , m_d(dialect)
{
}

Result<void> ProcedureRepository::insert(const Procedure& p)
{
    QSqlQuery q(m_c);
    q.prepare(u"INSERT INTO ec_procedures (dossier_id, kind, person_nom, person_prenoms, person_birth_date, "
              u"event_date, appointment_id, details, flag) VALUES (:id, :kind, :nom, :prenoms, :birth, :event, "
              u":appointment, :details, :flag)"_s);
    q.bindValue(u":id"_s, p.dossier.id);
    q.bindValue(u":kind"_s, procedureTypeId(p.kind));
    q.bindValue(u":nom"_s, p.personNom.isNull() ? QString(u""_s) : p.personNom);
    q.bindValue(u":prenoms"_s, p.personPrenoms.isNull() ? QString(u""_s) : p.personPrenoms);
    q.bindValue(u":birth"_s, nullDate(m_d, p.personBirthDate));
    q.bindValue(u":event"_s, nullDate(m_d, p.eventDate));
    q.bindValue(u":appointment"_s, p.appointmentId > 0 ? QVariant(p.appointmentId) : QVariant(QMetaType::fromType<qint64>()));
    q.bindValue(u":details"_s, QString::fromUtf8(QJsonDocument(p.details).toJson(QJsonDocument::Compact)));
    q.bindValue(u":flag"_s, p.flag.isNull() ? QString(u""_s) : p.flag);
    if (!q.exec())
        return Database::classify(q.lastError(), tr("enregistrement de la démarche"));
    return {};
}

Result<Procedure> ProcedureRepository::load(qint64 dossierId)
{
    auto rows = select(u"d.id = :id"_s, {{u":id"_s, dossierId}}, 1);
    if (!rows)
        return rows.error();
    if (rows->isEmpty())
        return Error(ErrorCode::NotFound, tr("Démarche introuvable."));
    return rows->first();
}

Result<QList<Procedure>> ProcedureRepository::select(const QString& where, const QVariantMap& binds, int limit)
{
    QString text = u"SELECT d.id, d.version, d.type_id, d.reference, d.status, d.subject, d.opened_on, d.due_date, "
                   u"d.closed_at, d.citizen_id, d.service_id, p.dossier_id, p.person_nom, p.person_prenoms, "
                   u"p.person_birth_date, p.event_date, p.appointment_id, p.details, p.flag "
                   u"FROM dossiers d LEFT JOIN ec_procedures p ON p.dossier_id = d.id WHERE d.type_id IN ("_s
        + typeList() + u')';
    if (!where.isEmpty())
        text += u" AND ("_s + where + u')';
    text += u" ORDER BY d.opened_on DESC, d.id DESC"_s;
    if (limit > 0)
        text += u" LIMIT "_s + QString::number(limit);
    QSqlQuery q(m_c);
    q.prepare(text);
    for (auto it = binds.cbegin(); it != binds.cend(); ++it)
        q.bindValue(it.key(), it.value());
    if (!q.exec())
        return Database::classify(q.lastError(), tr("lecture des démarches"));
    QList<Procedure> out;
    while (q.next()) {
        Procedure p;
        Dossier& x = p.dossier;
        x.id = q.value(0).toLongLong();
        x.version = q.value(1).toInt();
        x.typeId = q.value(2).toString();
        x.reference = q.value(3).toString();
        x.status = q.value(4).toString();
        x.subject = q.value(5).toString();
        x.openedOn = m_d.fromDbDate(q.value(6));
        x.dueDate = m_d.fromDbDate(q.value(7));
        x.closedAt = m_d.fromDbDateTime(q.value(8));
        x.citizenId = idValue(q.value(9));
        x.serviceId = idValue(q.value(10));
        procedureFromTypeId(x.typeId, &p.kind);
        p.hasDetails = !q.value(11).isNull();
        p.personNom = q.value(12).toString();
        p.personPrenoms = q.value(13).toString();
        p.personBirthDate = m_d.fromDbDate(q.value(14));
        p.eventDate = m_d.fromDbDate(q.value(15));
        p.appointmentId = idValue(q.value(16));
        p.details = QJsonDocument::fromJson(q.value(17).toString().toUtf8()).object();
        p.flag = q.value(18).toString();
        out.append(p);
    }
    return out;
}

Result<void> ProcedureRepository::saveDetails(qint64 dossierId, const QJsonObject& details, const QString& flag)
{
    QSqlQuery q(m_c);
    q.prepare(u"UPDATE ec_procedures SET details = :details, flag = :flag WHERE dossier_id = :id"_s);
    q.bindValue(u":details"_s, QString::fromUtf8(QJsonDocument(details).toJson(QJsonDocument::Compact)));
    q.bindValue(u":flag"_s, flag.isNull() ? QString(u""_s) : flag);
    q.bindValue(u":id"_s, dossierId);
    if (!q.exec())
        return Database::classify(q.lastError(), tr("mise à jour de la démarche"));
    if (q.numRowsAffected() != 1)
        return Error(ErrorCode::NotFound, tr("Cette démarche n'a pas de détails d'état civil enregistrés."));
    return {};
}

Result<std::pair<QString, QDate>> ProcedureRepository::recensementOf(qint64 citizenId)
{
    QSqlQuery q(m_c);
    q.prepare(u"SELECT attestation_number, issued_on FROM ec_recensements WHERE citizen_id = :c"_s);
    q.bindValue(u":c"_s, citizenId);
    if (!q.exec())
        return Database::classify(q.lastError(), tr("lecture des attestations de recensement"));
    if (!q.next())
        return std::pair<QString, QDate>{};
    return std::pair<QString, QDate>{q.value(0).toString(), m_d.fromDbDate(q.value(1))};
}

Result<void> ProcedureRepository::insertRecensement(qint64 citizenId, qint64 dossierId, const QString& number,
                                                    const QDate& issuedOn, qint64 agentId)
{
    QSqlQuery q(m_c);
    q.prepare(u"INSERT INTO ec_recensements (citizen_id, dossier_id, attestation_number, issued_on, issued_by) "
              u"VALUES (:c, :d, :n, :on, :by)"_s);
    q.bindValue(u":c"_s, citizenId);
    q.bindValue(u":d"_s, dossierId);
    q.bindValue(u":n"_s, number);
    q.bindValue(u":on"_s, m_d.toDbDate(issuedOn));
    q.bindValue(u":by"_s, agentId > 0 ? QVariant(agentId) : QVariant(QMetaType::fromType<qint64>()));
    if (!q.exec())
        return Database::classify(q.lastError(), tr("enregistrement de l'attestation de recensement"));
    return {};
}

} // namespace iris::etatcivil
