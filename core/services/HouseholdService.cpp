#include "core/services/HouseholdService.h"
#include "core/storage/ServerClock.h"

#include "core/security/Session.h"
#include "core/services/AuditLog.h"
#include "core/storage/CitizenRepository.h"
#include "core/storage/Database.h"
#include "core/storage/Dialect.h"

#include <QCoreApplication>
#include <QSqlQuery>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace iris {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("iris::HouseholdService", text);
}

const QString kKind = u"household"_s;

Error notFound()
{
    return Error(ErrorCode::NotFound, tr("Ce foyer n'existe pas ou a été supprimé."));
}

} // namespace

HouseholdService::HouseholdService(std::shared_ptr<Database> db, const Session& session, AuditLog& audit)
    : m_db(std::move(db))
    , m_session(session)
    , m_audit(audit)
{
}

Result<Household> HouseholdService::load(QSqlDatabase& db, qint64 householdId) const
{
    const Dialect& dialect = m_db->dialect();
    QSqlQuery q(db);
    q.prepare(u"SELECT id, version, label, notes, created_at, updated_at FROM households WHERE id = ?"_s);
    q.addBindValue(householdId);
    if (!q.exec())
        return Database::classify(q.lastError(), tr("lecture du foyer"));
    if (!q.next())
        return notFound();
    Household h;
    h.id = q.value(0).toLongLong();
    h.version = q.value(1).toInt();
    h.label = q.value(2).toString();
    h.notes = q.value(3).toString();
    h.createdAt = dialect.fromDbDateTime(q.value(4));
    h.updatedAt = dialect.fromDbDateTime(q.value(5));

    const CitizenRepository repo(dialect);
    q.prepare(u"SELECT %1, m.link, m.dependant, m.joined_at FROM household_members m "
              "JOIN citizens c ON c.id = m.citizen_id WHERE m.household_id = ?"_s.arg(
                  CitizenRepository::summaryColumns()));
    q.addBindValue(householdId);
    if (!q.exec())
        return Database::classify(q.lastError(), tr("lecture du foyer"));
    while (q.next()) {
        HouseholdMember m;
        m.citizen = repo.readSummary(q);
        householdLinkFromId(q.value(10).toString(), &m.link);
        m.dependant = q.value(11).toInt() != 0;
        m.joinedAt = dialect.fromDbDateTime(q.value(12));
        h.members.append(m);
    }
    std::stable_sort(h.members.begin(), h.members.end(), [](const HouseholdMember& a, const HouseholdMember& b) {
        if (a.link != b.link)
            return int(a.link) < int(b.link);
        return a.citizen.birthDate < b.citizen.birthDate;
    });
    return h;
}

Result<void> HouseholdService::bump(QSqlDatabase& db, qint64 householdId, int version) const
{
    QSqlQuery q(db);
    q.prepare(u"UPDATE households SET version = version + 1, updated_at = ? WHERE id = ? AND version = ?"_s);
    q.addBindValue(m_db->dialect().toDbDateTime(ServerClock::now().toUTC()));
    q.addBindValue(householdId);
    q.addBindValue(version);
    if (!q.exec())
        return Database::classify(q.lastError(), tr("enregistrement du foyer"));
    if (q.numRowsAffected() == 1)
        return {};
    q.prepare(u"SELECT 1 FROM households WHERE id = ?"_s);
    q.addBindValue(householdId);
    if (q.exec() && q.next())
        return Error(ErrorCode::Conflict, tr("Ce foyer a été modifié par un autre agent entre-temps. Rechargez-le "
                                             "puis refaites votre modification."));
    return notFound();
}

Result<void> HouseholdService::checkMember(QSqlDatabase& db, qint64 householdId, qint64 citizenId,
                                           HouseholdLink link) const
{
    QSqlQuery q(db);
    q.prepare(u"SELECT 1 FROM citizens WHERE id = ?"_s);
    q.addBindValue(citizenId);
    if (!q.exec())
        return Database::classify(q.lastError(), tr("enregistrement du foyer"));
    if (!q.next())
        return Error(ErrorCode::NotFound, tr("Cet usager n'existe pas ou a été supprimé."));
    q.prepare(u"SELECT h.label, h.id FROM household_members m JOIN households h ON h.id = m.household_id "
              "WHERE m.citizen_id = ? AND m.household_id <> ?"_s);
    q.addBindValue(citizenId);
    q.addBindValue(householdId);
    if (!q.exec())
        return Database::classify(q.lastError(), tr("enregistrement du foyer"));
    if (q.next())
        return Error(ErrorCode::Duplicate,
                     tr("Cette personne fait déjà partie du foyer « %1 » : retirez-la d'abord de ce foyer.")
                         .arg(q.value(0).toString()));
    if (link == HouseholdLink::ChefDeFamille) {
        q.prepare(u"SELECT 1 FROM household_members WHERE household_id = ? AND link = 'chef_de_famille' "
                  "AND citizen_id <> ?"_s);
        q.addBindValue(householdId);
        q.addBindValue(citizenId);
        if (!q.exec())
            return Database::classify(q.lastError(), tr("enregistrement du foyer"));
        if (q.next())
            return Error(ErrorCode::Validation, tr("Ce foyer a déjà un chef de famille."),
                         {FieldError{u"link"_s, tr("Ce foyer a déjà un chef de famille.")}});
    }
    return {};
}

Result<Household> HouseholdService::get(qint64 householdId) const
{
    if (Result<void> allowed = m_session.require(perm::CitizenRead); !allowed)
        return allowed.error();
    QSqlDatabase c = m_db->connection();
    return load(c, householdId);
}

Result<Household> HouseholdService::forCitizen(qint64 citizenId) const
{
    if (Result<void> allowed = m_session.require(perm::CitizenRead); !allowed)
        return allowed.error();
    QSqlDatabase c = m_db->connection();
    QSqlQuery q(c);
    q.prepare(u"SELECT household_id FROM household_members WHERE citizen_id = ?"_s);
    q.addBindValue(citizenId);
    if (!q.exec())
        return Database::classify(q.lastError(), tr("lecture du foyer"));
    if (!q.next())
        return Error(ErrorCode::NotFound, tr("Cette personne n'est rattachée à aucun foyer."));
    const qint64 id = q.value(0).toLongLong();
    q.finish();
    return load(c, id);
}

Result<Household> HouseholdService::create(qint64 chefCitizenId, const QString& label)
{
    if (Result<void> allowed = m_session.require(perm::HouseholdWrite); !allowed)
        return allowed.error();
    if (label.trimmed().size() > 120)
        return Error::validation({FieldError{u"label"_s, tr("Le nom du foyer ne peut pas dépasser 120 caractères.")}});
    const Dialect& dialect = m_db->dialect();
    qint64 id = 0;
    Result<void> tx = m_db->transaction([&](QSqlDatabase& c) -> Result<void> {
        if (Result<void> r = checkMember(c, 0, chefCitizenId, HouseholdLink::ChefDeFamille); !r)
            return r;
        QString name = label.trimmed();
        if (name.isEmpty()) {
            Result<Citizen> chef = CitizenRepository(dialect).find(c, chefCitizenId);
            if (!chef)
                return chef.error();
            const QString& nom = chef->nomUsage.isEmpty() ? chef->nomNaissance : chef->nomUsage;
            name = tr("Foyer %1").arg(nom);
        }
        const QVariant now = dialect.toDbDateTime(ServerClock::now().toUTC());
        QSqlQuery q(c);
        q.prepare(dialect.insertReturningId(u"households"_s, {u"version"_s, u"label"_s, u"created_at"_s,
                                                              u"updated_at"_s}));
        q.bindValue(u":version"_s, 1);
        q.bindValue(u":label"_s, name);
        q.bindValue(u":created_at"_s, now);
        q.bindValue(u":updated_at"_s, now);
        if (!q.exec())
            return Database::classify(q.lastError(), tr("création du foyer"));
        id = dialect.insertedId(q);
        q.prepare(u"INSERT INTO household_members (household_id, citizen_id, link, dependant, joined_at) "
                  "VALUES (?, ?, 'chef_de_famille', FALSE, ?)"_s);
        q.addBindValue(id);
        q.addBindValue(chefCitizenId);
        q.addBindValue(now);
        if (!q.exec())
            return Database::classify(q.lastError(), tr("création du foyer"));
        return m_audit.record(c, auditaction::Create, kKind, id, {{u"chef"_s, chefCitizenId}});
    });
    if (!tx)
        return tx.error();
    QSqlDatabase c = m_db->connection();
    return load(c, id);
}

Result<Household> HouseholdService::update(const Household& household)
{
    if (Result<void> allowed = m_session.require(perm::HouseholdWrite); !allowed)
        return allowed.error();
    const QString label = household.label.trimmed();
    QList<FieldError> errors;
    if (label.isEmpty())
        errors << FieldError{u"label"_s, tr("Le nom du foyer est obligatoire.")};
    else if (label.size() > 120)
        errors << FieldError{u"label"_s, tr("Le nom du foyer ne peut pas dépasser 120 caractères.")};
    if (household.notes.size() > 4000)
        errors << FieldError{u"notes"_s, tr("Les notes ne peuvent pas dépasser 4000 caractères.")};
    if (!errors.isEmpty())
        return Error::validation(errors);
    Result<void> tx = m_db->transaction([&](QSqlDatabase& c) -> Result<void> {
        if (Result<void> r = bump(c, household.id, household.version); !r)
            return r;
        QSqlQuery q(c);
        q.prepare(u"UPDATE households SET label = ?, notes = ? WHERE id = ?"_s);
        q.addBindValue(label);
        q.addBindValue(household.notes.isNull() ? u""_s : household.notes.trimmed());
        q.addBindValue(household.id);
        if (!q.exec())
            return Database::classify(q.lastError(), tr("enregistrement du foyer"));
        return m_audit.record(c, auditaction::Update, kKind, household.id, {{u"fields"_s, u"label, notes"_s}});
    });
    if (!tx)
        return tx.error();
    QSqlDatabase c = m_db->connection();
    return load(c, household.id);
}

Result<Household> HouseholdService::addMember(qint64 householdId, int version, qint64 citizenId,
                                              HouseholdLink link, bool dependant)
{
    if (Result<void> allowed = m_session.require(perm::HouseholdWrite); !allowed)
        return allowed.error();
    Result<void> tx = m_db->transaction([&](QSqlDatabase& c) -> Result<void> {
        if (Result<void> r = bump(c, householdId, version); !r)
            return r;
        if (Result<void> r = checkMember(c, householdId, citizenId, link); !r)
            return r;
        QSqlQuery q(c);
        q.prepare(u"INSERT INTO household_members (household_id, citizen_id, link, dependant, joined_at) "
                  "VALUES (?, ?, ?, ?, ?)"_s);
        q.addBindValue(householdId);
        q.addBindValue(citizenId);
        q.addBindValue(householdLinkId(link));
        q.addBindValue(dependant);
        q.addBindValue(m_db->dialect().toDbDateTime(ServerClock::now().toUTC()));
        if (!q.exec()) {
            Error e = Database::classify(q.lastError(), tr("ajout au foyer"));
            if (e.code() == ErrorCode::Duplicate)
                return Error(ErrorCode::Duplicate, tr("Cette personne fait déjà partie de ce foyer."));
            return e;
        }
        return m_audit.record(c, u"member_add"_s, kKind, householdId,
                              {{u"citizen"_s, citizenId}, {u"link"_s, householdLinkId(link)},
                               {u"dependant"_s, dependant}});
    });
    if (!tx)
        return tx.error();
    QSqlDatabase c = m_db->connection();
    return load(c, householdId);
}

Result<Household> HouseholdService::setMember(qint64 householdId, int version, qint64 citizenId,
                                              HouseholdLink link, bool dependant)
{
    if (Result<void> allowed = m_session.require(perm::HouseholdWrite); !allowed)
        return allowed.error();
    Result<void> tx = m_db->transaction([&](QSqlDatabase& c) -> Result<void> {
        if (Result<void> r = bump(c, householdId, version); !r)
            return r;
        if (Result<void> r = checkMember(c, householdId, citizenId, link); !r)
            return r;
        QSqlQuery q(c);
        q.prepare(u"UPDATE household_members SET link = ?, dependant = ? WHERE household_id = ? AND citizen_id = ?"_s);
        q.addBindValue(householdLinkId(link));
        q.addBindValue(dependant);
        q.addBindValue(householdId);
        q.addBindValue(citizenId);
        if (!q.exec())
            return Database::classify(q.lastError(), tr("modification du foyer"));
        if (q.numRowsAffected() != 1)
            return Error(ErrorCode::NotFound, tr("Cette personne ne fait pas partie de ce foyer."));
        return m_audit.record(c, u"member_update"_s, kKind, householdId,
                              {{u"citizen"_s, citizenId}, {u"link"_s, householdLinkId(link)},
                               {u"dependant"_s, dependant}});
    });
    if (!tx)
        return tx.error();
    QSqlDatabase c = m_db->connection();
    return load(c, householdId);
}

Result<Household> HouseholdService::removeMember(qint64 householdId, int version, qint64 citizenId)
{
    if (Result<void> allowed = m_session.require(perm::HouseholdWrite); !allowed)
        return allowed.error();
    Result<void> tx = m_db->transaction([&](QSqlDatabase& c) -> Result<void> {
        if (Result<void> r = bump(c, householdId, version); !r)
            return r;
        QSqlQuery q(c);
        q.prepare(u"DELETE FROM household_members WHERE household_id = ? AND citizen_id = ?"_s);
        q.addBindValue(householdId);
        q.addBindValue(citizenId);
        if (!q.exec())
            return Database::classify(q.lastError(), tr("modification du foyer"));
        if (q.numRowsAffected() != 1)
            return Error(ErrorCode::NotFound, tr("Cette personne ne fait pas partie de ce foyer."));
        return m_audit.record(c, u"member_remove"_s, kKind, householdId, {{u"citizen"_s, citizenId}});
    });
    if (!tx)
        return tx.error();
    QSqlDatabase c = m_db->connection();
    return load(c, householdId);
}

Result<void> HouseholdService::remove(qint64 householdId, int version)
{
    if (Result<void> allowed = m_session.require(perm::HouseholdWrite); !allowed)
        return allowed.error();
    return m_db->transaction([&](QSqlDatabase& c) -> Result<void> {
        if (Result<void> r = bump(c, householdId, version); !r)
            return r;
        QSqlQuery q(c);
        q.prepare(u"DELETE FROM households WHERE id = ?"_s);
        q.addBindValue(householdId);
        if (!q.exec())
            return Database::classify(q.lastError(), tr("suppression du foyer"));
        return m_audit.record(c, auditaction::Delete, kKind, householdId);
    });
}

} // namespace iris
