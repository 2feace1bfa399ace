#include "modules/etatcivil/data/ActRequestRepository.h"

#include "core/storage/Database.h"
#include "core/storage/Dialect.h"
#include "modules/etatcivil/EtatCivilIds.h"

#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace iris::etatcivil {

namespace {

const QStringList kColumns = {
    u"act_type"_s, u"document"_s, u"copies"_s, u"person_citizen_id"_s, u"person_nom"_s, u"person_prenoms"_s,
    u"person_birth_date"_s, u"person_birth_place"_s, u"parent1"_s, u"parent2"_s, u"single_parent"_s,
    u"event_date"_s, u"event_commune"_s, u"event_country"_s, u"french_national"_s, u"last_domicile"_s,
    u"requester_nom"_s, u"requester_prenoms"_s, u"requester_link"_s, u"requester_address"_s,
    u"requester_email"_s, u"channel"_s, u"delivery_mode"_s, u"verdict"_s, u"entitlement_reason"_s,
    u"entitlement_rule"_s, u"conditions"_s, u"location_kind"_s, u"destination"_s, u"location_explanation"_s,
    u"register_year"_s, u"register_number"_s, u"refusal_reason"_s, u"delivered_at"_s};

const QString kDossierColumns = u"d.id, d.version, d.type_id, d.reference, d.year, d.sequence, d.status, d.subject, "
                                u"d.service_id, d.agent_id, d.opened_on, d.due_date, d.closed_at, d.citizen_id, "
                                u"d.created_at, d.updated_at, r.dossier_id"_s;

QString verdictId(Entitlement::Verdict v)
{
    switch (v) {
    case Entitlement::Verdict::Allowed: return u"autorise"_s;
    case Entitlement::Verdict::Refused: return u"refuse"_s;
    case Entitlement::Verdict::NotApplicable: return u"sans_objet"_s;
    }
    return {};
}

Entitlement::Verdict verdictFromId(const QString& id)
{
    if (id == u"autorise")
        return Entitlement::Verdict::Allowed;
    if (id == u"sans_objet")
        return Entitlement::Verdict::NotApplicable;
    return Entitlement::Verdict::Refused;
}

QString locationId(ActLocation::Kind k)
{
    switch (k) {
    case ActLocation::Kind::HeldHere: return u"registres"_s;
    case ActLocation::Kind::OtherCommune: return u"autre_commune"_s;
    case ActLocation::Kind::Scec: return u"scec"_s;
    case ActLocation::Kind::Foreign: return u"etranger"_s;
    }
    return {};
}

ActLocation::Kind locationFromId(const QString& id)
{
    if (id == u"autre_commune")
        return ActLocation::Kind::OtherCommune;
    if (id == u"scec")
        return ActLocation::Kind::Scec;
    if (id == u"etranger")
        return ActLocation::Kind::Foreign;
    return ActLocation::Kind::HeldHere;
}

QVariant nullDate(const Dialect& d, const QDate& date)
{
    return date.isValid() ? d.toDbDate(date) : QVariant(QMetaType::fromType<QString>());
}

QVariant nullId(qint64 id)
{
    return id > 0 ? QVariant(id) : QVariant(QMetaType::fromType<qint64>());
}

/// NOT NULL text columns: a null QString would bind as NULL.
QString txt(const QString& s)
{
    return s.isNull() ? QString(u""_s) : s;
}

qint64 idValue(const QVariant& v)
{
    return v.isNull() ? 0 : v.toLongLong();
}

} // namespace

ActRequestRepository::ActRequestRepository(QSqlDatabase& connection, const Dialect& dialect)
    : m_c(connection)
    , m_d(dialect)
{
}

Result<void> ActRequestRepository::insert(const ActRequest& r)
{
    QStringList columns{u"dossier_id"_s};
    columns << kColumns;
    QStringList placeholders;
    for (const QString& c : std::as_const(columns))
        placeholders << QString(u':' + c);
    QSqlQuery q(m_c);
    q.prepare(QString(u"INSERT INTO ec_act_requests ("_s + columns.join(u", "_s) + u") VALUES ("_s
                      + placeholders.join(u", "_s) + u')'));
    q.bindValue(u":dossier_id"_s, r.dossier.id);
    q.bindValue(u":act_type"_s, idOf(r.actType));
    q.bindValue(u":document"_s, idOf(r.document));
    q.bindValue(u":copies"_s, r.copies);
    q.bindValue(u":person_citizen_id"_s, nullId(r.personCitizenId));
    q.bindValue(u":person_nom"_s, txt(r.personNom));
    q.bindValue(u":person_prenoms"_s, txt(r.personPrenoms));
    q.bindValue(u":person_birth_date"_s, nullDate(m_d, r.personBirthDate));
    q.bindValue(u":person_birth_place"_s, txt(r.personBirthPlace));
    q.bindValue(u":parent1"_s, txt(r.parent1));
    q.bindValue(u":parent2"_s, txt(r.parent2));
    q.bindValue(u":single_parent"_s, r.singleParent);
    q.bindValue(u":event_date"_s, nullDate(m_d, r.eventDate));
    q.bindValue(u":event_commune"_s, txt(r.eventCommune));
    q.bindValue(u":event_country"_s, txt(r.eventCountry));
    q.bindValue(u":french_national"_s, r.frenchNational);
    q.bindValue(u":last_domicile"_s, txt(r.lastDomicile));
    q.bindValue(u":requester_nom"_s, txt(r.requesterNom));
    q.bindValue(u":requester_prenoms"_s, txt(r.requesterPrenoms));
    q.bindValue(u":requester_link"_s, idOf(r.requesterLink));
    q.bindValue(u":requester_address"_s, txt(r.requesterAddress));
    q.bindValue(u":requester_email"_s, txt(r.requesterEmail));
    q.bindValue(u":channel"_s, idOf(r.channel));
    q.bindValue(u":delivery_mode"_s, idOf(r.deliveryMode));
    q.bindValue(u":verdict"_s, verdictId(r.entitlement.verdict));
    q.bindValue(u":entitlement_reason"_s, txt(r.entitlement.reason));
    q.bindValue(u":entitlement_rule"_s, txt(r.entitlement.rule));
    q.bindValue(u":conditions"_s, txt(r.entitlement.conditions));
    q.bindValue(u":location_kind"_s, locationId(r.location.kind));
    q.bindValue(u":destination"_s, txt(r.location.destination));
    q.bindValue(u":location_explanation"_s, txt(r.location.explanation));
    q.bindValue(u":register_year"_s, r.registerYear > 0 ? QVariant(r.registerYear) : QVariant(QMetaType::fromType<int>()));
    q.bindValue(u":register_number"_s, r.registerNumber.isEmpty() ? QVariant(QMetaType::fromType<QString>())
                                                                  : QVariant(r.registerNumber));
    q.bindValue(u":refusal_reason"_s, txt(r.refusalReason));
    q.bindValue(u":delivered_at"_s, r.deliveredAt.isValid() ? m_d.toDbDateTime(r.deliveredAt)
                                                            : QVariant(QMetaType::fromType<QString>()));
    if (!q.exec())
        return Database::classify(q.lastError(), tr("enregistrement de la demande d'acte"));
    return {};
}

Result<ActRequest> ActRequestRepository::load(qint64 dossierId)
{
    QVariantMap binds{{u":id"_s, dossierId}};
    auto rows = select(u"d.id = :id"_s, binds, 1);
    if (!rows)
        return rows.error();
    if (rows->isEmpty())
        return Error(ErrorCode::NotFound, tr("Demande d'acte introuvable."));
    return rows->first();
}

Result<QList<ActRequest>> ActRequestRepository::select(const QString& where, const QVariantMap& binds, int limit)
{
    QStringList cols;
    for (const QString& c : kColumns)
        cols << QString(u"r."_s + c);
    QString text = u"SELECT "_s + kDossierColumns + u", "_s + cols.join(u", "_s)
        + u" FROM dossiers d LEFT JOIN ec_act_requests r ON r.dossier_id = d.id WHERE d.type_id = :type_id"_s;
    if (!where.isEmpty())
        text += u" AND ("_s + where + u')';
    text += u" ORDER BY d.opened_on DESC, d.id DESC"_s;
    if (limit > 0)
        text += u" LIMIT "_s + QString::number(limit);
    QSqlQuery q(m_c);
    q.prepare(text);
    q.bindValue(u":type_id"_s, ids::ActeType);
    for (auto it = binds.cbegin(); it != binds.cend(); ++it)
        q.bindValue(it.key(), it.value());
    if (!q.exec())
        return Database::classify(q.lastError(), tr("lecture des demandes d'actes"));
    QList<ActRequest> out;
    while (q.next()) {
        ActRequest r;
        Dossier& x = r.dossier;
        x.id = q.value(0).toLongLong();
        x.version = q.value(1).toInt();
        x.typeId = q.value(2).toString();
        x.reference = q.value(3).toString();
        x.year = q.value(4).toInt();
        x.sequence = q.value(5).toInt();
        x.status = q.value(6).toString();
        x.subject = q.value(7).toString();
        x.serviceId = idValue(q.value(8));
        x.agentId = idValue(q.value(9));
        x.openedOn = m_d.fromDbDate(q.value(10));
        x.dueDate = m_d.fromDbDate(q.value(11));
        x.closedAt = m_d.fromDbDateTime(q.value(12));
        x.citizenId = idValue(q.value(13));
        x.createdAt = m_d.fromDbDateTime(q.value(14));
        x.updatedAt = m_d.fromDbDateTime(q.value(15));
        r.hasDetails = !q.value(16).isNull();
        if (r.hasDetails) {
            int i = 17;
            fromId(q.value(i++).toString(), &r.actType);
            fromId(q.value(i++).toString(), &r.document);
            r.copies = q.value(i++).toInt();
            r.personCitizenId = idValue(q.value(i++));
            r.personNom = q.value(i++).toString();
            r.personPrenoms = q.value(i++).toString();
            r.personBirthDate = m_d.fromDbDate(q.value(i++));
            r.personBirthPlace = q.value(i++).toString();
            r.parent1 = q.value(i++).toString();
            r.parent2 = q.value(i++).toString();
            r.singleParent = q.value(i++).toBool();
            r.eventDate = m_d.fromDbDate(q.value(i++));
            r.eventCommune = q.value(i++).toString();
            r.eventCountry = q.value(i++).toString();
            r.frenchNational = q.value(i++).toBool();
            r.lastDomicile = q.value(i++).toString();
            r.requesterNom = q.value(i++).toString();
            r.requesterPrenoms = q.value(i++).toString();
            fromId(q.value(i++).toString(), &r.requesterLink);
            r.requesterAddress = q.value(i++).toString();
            r.requesterEmail = q.value(i++).toString();
            fromId(q.value(i++).toString(), &r.channel);
            fromId(q.value(i++).toString(), &r.deliveryMode);
            r.entitlement.verdict = verdictFromId(q.value(i++).toString());
            r.entitlement.reason = q.value(i++).toString();
            r.entitlement.rule = q.value(i++).toString();
            r.entitlement.conditions = q.value(i++).toString();
            r.location.kind = locationFromId(q.value(i++).toString());
            r.location.destination = q.value(i++).toString();
            r.location.explanation = q.value(i++).toString();
            r.registerYear = q.value(i++).toInt();
            r.registerNumber = q.value(i++).toString();
            r.refusalReason = q.value(i++).toString();
            r.deliveredAt = m_d.fromDbDateTime(q.value(i++));
        }
        out.append(r);
    }
    return out;
}

Result<void> ActRequestRepository::update(qint64 dossierId, const QString& set, const QVariantMap& binds)
{
    QSqlQuery q(m_c);
    q.prepare(QString(u"UPDATE ec_act_requests SET "_s + set + u" WHERE dossier_id = :id"_s));
    q.bindValue(u":id"_s, dossierId);
    for (auto it = binds.cbegin(); it != binds.cend(); ++it)
        q.bindValue(it.key(), it.value());
    if (!q.exec())
        return Database::classify(q.lastError(), tr("mise à jour de la demande d'acte"));
    if (q.numRowsAffected() != 1)
        return Error(ErrorCode::NotFound, tr("Cette demande n'a pas de détails d'état civil enregistrés."));
    return {};
}

Result<void> ActRequestRepository::setRegisterReference(qint64 dossierId, int year, const QString& number)
{
    return update(dossierId, u"register_year = :y, register_number = :n"_s, {{u":y"_s, year}, {u":n"_s, number}});
}

Result<void> ActRequestRepository::setRefusalReason(qint64 dossierId, const QString& reason)
{
    return update(dossierId, u"refusal_reason = :r"_s, {{u":r"_s, reason}});
}

Result<void> ActRequestRepository::setDestination(qint64 dossierId, const QString& destination,
                                                  const QString& explanation)
{
    return update(dossierId, u"destination = :d, location_explanation = :e"_s,
                  {{u":d"_s, destination}, {u":e"_s, explanation}});
}

Result<void> ActRequestRepository::setDelivered(qint64 dossierId, const QDateTime& at)
{
    return update(dossierId, u"delivered_at = :at"_s, {{u":at"_s, m_d.toDbDateTime(at)}});
}

} // namespace iris::etatcivil
