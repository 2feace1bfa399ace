#include "core/storage/CitizenRepository.h"
#include "core/storage/ServerClock.h"

#include "core/base/PhoneNumber.h"
#include "core/base/TextFold.h"
#include "core/storage/Database.h"
#include "core/storage/Dialect.h"

#include <QCoreApplication>
#include <QHash>
#include <QSet>

#include <algorithm>
#include <limits>

using namespace Qt::StringLiterals;

namespace iris {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("iris::CitizenRepository", text);
}

// Written columns, in bind order (version, id and timestamps handled apart).
const QString kDataColumns = u"civilite, nom_usage, nom_naissance, prenoms, birth_date, birth_place, "
                             "address_line1, address_line2, postcode, city, phone, phone2, email, "
                             "preferred_channel, consent_contact, notes, nir, name_key, email_key, "
                             "phone_rev, phone2_rev"_s;
constexpr int kDataColumnCount = 21;

QVariant nullIfEmpty(const QString& value)
{
    return value.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(value);
}

/// A NOT NULL text column: a null QString would bind as SQL NULL.
QVariant text(const QString& value)
{
    return value.isNull() ? QVariant(u""_s) : QVariant(value);
}

void bindData(QSqlQuery& q, const Citizen& c, const Dialect& dialect)
{
    q.addBindValue(text(c.civilite));
    q.addBindValue(text(c.nomUsage));
    q.addBindValue(text(c.nomNaissance));
    q.addBindValue(text(c.prenoms));
    q.addBindValue(dialect.toDbDate(c.birthDate));
    q.addBindValue(text(c.birthPlace));
    q.addBindValue(text(c.address.line1));
    q.addBindValue(text(c.address.line2));
    q.addBindValue(text(c.address.postcode));
    q.addBindValue(text(c.address.city));
    q.addBindValue(nullIfEmpty(c.phone));
    q.addBindValue(nullIfEmpty(c.phone2));
    q.addBindValue(nullIfEmpty(c.email));
    q.addBindValue(text(c.preferredChannel));
    q.addBindValue(c.consentContact);
    q.addBindValue(text(c.notes));
    q.addBindValue(nullIfEmpty(c.nir));
    q.addBindValue(text(CitizenRepository::nameKey(c)));
    q.addBindValue(nullIfEmpty(c.email.toLower()));
    q.addBindValue(nullIfEmpty(c.phone.isEmpty() ? QString() : PhoneNumber::reversedKey(c.phone)));
    q.addBindValue(nullIfEmpty(c.phone2.isEmpty() ? QString() : PhoneNumber::reversedKey(c.phone2)));
}

QString insertSql(const Dialect& dialect)
{
    QStringList marks;
    for (int i = 0; i < kDataColumnCount + 2; ++i)
        marks << u"?"_s;
    return u"INSERT INTO citizens (version, %1, created_at, updated_at) VALUES (1, %2)%3"_s.arg(
        kDataColumns, marks.join(u", "_s), dialect.returningId());
}

void stampNew(Citizen& c)
{
    const QDateTime now = ServerClock::now().toUTC();
    if (!c.createdAt.isValid())
        c.createdAt = now;
    if (!c.updatedAt.isValid())
        c.updatedAt = c.createdAt;
}

Error conflictError()
{
    return Error(ErrorCode::Conflict,
                 tr("Cette fiche a été modifiée par un autre agent depuis son ouverture. Rechargez-la pour voir "
                    "ses changements, puis refaites votre modification."));
}

Error notFoundError()
{
    return Error(ErrorCode::NotFound, tr("Cette fiche d'usager n'existe pas ou a été supprimée."));
}

} // namespace

CitizenRepository::CitizenRepository(const Dialect& dialect)
    : m_dialect(dialect)
{
}

// ---- keys -------------------------------------------------------------------

QStringList CitizenRepository::nameTokens(const Citizen& citizen)
{
    QStringList tokens;
    for (const QString& part : {citizen.nomUsage, citizen.nomNaissance, citizen.prenoms}) {
        for (const QString& t : TextFold::tokens(part)) {
            if (!tokens.contains(t))
                tokens << t;
        }
    }
    return tokens;
}

QString CitizenRepository::pairKey(const QString& first, const QString& second)
{
    return QString(first.left(3) + QLatin1Char(' ') + second.left(3));
}

QStringList CitizenRepository::namePairKeys(const QStringList& tokens)
{
    QStringList keys;
    for (const QString& a : tokens) {
        for (const QString& b : tokens) {
            if (&a == &b)
                continue;
            const QString key = pairKey(a, b);
            if (!keys.contains(key))
                keys << key;
        }
    }
    return keys;
}

QString CitizenRepository::nameKey(const Citizen& citizen)
{
    const QString& nom = citizen.nomUsage.isEmpty() ? citizen.nomNaissance : citizen.nomUsage;
    return TextFold::fold(QString(nom + QLatin1Char(' ') + citizen.prenoms));
}

QString CitizenRepository::summaryColumns()
{
    return u"c.id, c.civilite, c.nom_usage, c.nom_naissance, c.prenoms, c.birth_date, c.phone, c.email, "
           "c.postcode, c.city"_s;
}

CitizenSummary CitizenRepository::readSummary(const QSqlQuery& q) const
{
    CitizenSummary s;
    s.id = q.value(0).toLongLong();
    s.civilite = q.value(1).toString();
    s.nomUsage = q.value(2).toString();
    s.nomNaissance = q.value(3).toString();
    s.prenoms = q.value(4).toString();
    s.birthDate = m_dialect.fromDbDate(q.value(5));
    s.phone = q.value(6).toString();
    s.email = q.value(7).toString();
    s.postcode = q.value(8).toString();
    s.city = q.value(9).toString();
    return s;
}

// ---- single-record access ---------------------------------------------------

Result<Citizen> CitizenRepository::find(QSqlDatabase& db, qint64 id) const
{
    QSqlQuery q(db);
    q.prepare(u"SELECT id, version, %1, created_at, updated_at, "
              "(SELECT m.household_id FROM household_members m WHERE m.citizen_id = c.id) "
              "FROM citizens c WHERE c.id = ?"_s.arg(kDataColumns));
    q.addBindValue(id);
    if (!q.exec())
        return Database::classify(q.lastError(), tr("lecture de la fiche"));
    if (!q.next())
        return notFoundError();
    Citizen c;
    int i = 0;
    c.id = q.value(i++).toLongLong();
    c.version = q.value(i++).toInt();
    c.civilite = q.value(i++).toString();
    c.nomUsage = q.value(i++).toString();
    c.nomNaissance = q.value(i++).toString();
    c.prenoms = q.value(i++).toString();
    c.birthDate = m_dialect.fromDbDate(q.value(i++));
    c.birthPlace = q.value(i++).toString();
    c.address.line1 = q.value(i++).toString();
    c.address.line2 = q.value(i++).toString();
    c.address.postcode = q.value(i++).toString();
    c.address.city = q.value(i++).toString();
    c.phone = q.value(i++).toString();
    c.phone2 = q.value(i++).toString();
    c.email = q.value(i++).toString();
    c.preferredChannel = q.value(i++).toString();
    c.consentContact = q.value(i++).toInt() != 0;
    c.notes = q.value(i++).toString();
    c.nir = q.value(i++).toString();
    i += 4;  // index keys
    c.createdAt = m_dialect.fromDbDateTime(q.value(i++));
    c.updatedAt = m_dialect.fromDbDateTime(q.value(i++));
    c.householdId = q.value(i++).toLongLong();
    return c;
}

Result<void> CitizenRepository::insert(QSqlDatabase& db, Citizen& citizen) const
{
    stampNew(citizen);
    QSqlQuery q(db);
    q.prepare(insertSql(m_dialect));
    bindData(q, citizen, m_dialect);
    q.addBindValue(m_dialect.toDbDateTime(citizen.createdAt));
    q.addBindValue(m_dialect.toDbDateTime(citizen.updatedAt));
    if (!q.exec())
        return Database::classify(q.lastError(), tr("enregistrement de l'usager"));
    citizen.id = m_dialect.insertedId(q);
    citizen.version = 1;
    return writeIndex(db, citizen, false);
}

Result<void> CitizenRepository::update(QSqlDatabase& db, Citizen& citizen) const
{
    QStringList sets;
    for (const QString& column : kDataColumns.split(u", "_s))
        sets << QString(column + u" = ?"_s);
    const QDateTime now = ServerClock::now().toUTC();
    QSqlQuery q(db);
    q.prepare(u"UPDATE citizens SET version = version + 1, %1, updated_at = ? WHERE id = ? AND version = ?"_s.arg(
        sets.join(u", "_s)));
    bindData(q, citizen, m_dialect);
    q.addBindValue(m_dialect.toDbDateTime(now));
    q.addBindValue(citizen.id);
    q.addBindValue(citizen.version);
    if (!q.exec())
        return Database::classify(q.lastError(), tr("enregistrement de l'usager"));
    if (q.numRowsAffected() != 1) {
        const Result<int> current = version(db, citizen.id);
        return current ? conflictError() : current.error();
    }
    citizen.version += 1;
    citizen.updatedAt = now;
    return writeIndex(db, citizen, true);
}

Result<void> CitizenRepository::remove(QSqlDatabase& db, qint64 id, int expectedVersion) const
{
    QSqlQuery q(db);
    q.prepare(u"DELETE FROM citizens WHERE id = ? AND version = ?"_s);
    q.addBindValue(id);
    q.addBindValue(expectedVersion);
    if (!q.exec())
        return Database::classify(q.lastError(), tr("suppression de l'usager"));
    if (q.numRowsAffected() != 1) {
        const Result<int> current = version(db, id);
        return current ? conflictError() : current.error();
    }
    return {};
}

Result<int> CitizenRepository::version(QSqlDatabase& db, qint64 id) const
{
    QSqlQuery q(db);
    q.prepare(u"SELECT version FROM citizens WHERE id = ?"_s);
    q.addBindValue(id);
    if (!q.exec())
        return Database::classify(q.lastError(), tr("lecture de la fiche"));
    if (!q.next())
        return notFoundError();
    return q.value(0).toInt();
}

Result<void> CitizenRepository::writeIndex(QSqlDatabase& db, const Citizen& citizen, bool replace) const
{
    QSqlQuery q(db);
    if (replace) {
        for (const QString& table : {u"citizen_name_tokens"_s, u"citizen_name_pairs"_s}) {
            q.prepare(u"DELETE FROM %1 WHERE citizen_id = ?"_s.arg(table));
            q.addBindValue(citizen.id);
            if (!q.exec())
                return Database::classify(q.lastError(), tr("mise à jour de l'index de recherche"));
        }
    }
    const QStringList tokens = nameTokens(citizen);
    if (!tokens.isEmpty()) {
        q.prepare(u"INSERT INTO citizen_name_tokens (token, citizen_id) VALUES (?, ?) ON CONFLICT DO NOTHING"_s);
        for (const QString& t : tokens) {
            q.addBindValue(t);
            q.addBindValue(citizen.id);
            if (!q.exec())
                return Database::classify(q.lastError(), tr("mise à jour de l'index de recherche"));
        }
    }
    const QStringList pairs = namePairKeys(tokens);
    if (!pairs.isEmpty()) {
        q.prepare(u"INSERT INTO citizen_name_pairs (pair_key, citizen_id) VALUES (?, ?) ON CONFLICT DO NOTHING"_s);
        for (const QString& p : pairs) {
            q.addBindValue(p);
            q.addBindValue(citizen.id);
            if (!q.exec())
                return Database::classify(q.lastError(), tr("mise à jour de l'index de recherche"));
        }
    }
    return {};
}

// ---- bulk -------------------------------------------------------------------

struct CitizenRepository::BulkInserter::Private
{
    const Dialect& dialect;
    QSqlQuery citizen;
    QSqlQuery token;
    QSqlQuery pair;
    bool prepared = false;
    QSqlError prepareError;
};

CitizenRepository::BulkInserter::BulkInserter(QSqlDatabase& db, const Dialect& dialect)
    : d(std::make_unique<Private>(Private{dialect, QSqlQuery(db), QSqlQuery(db), QSqlQuery(db)}))
{
    d->prepared =
        d->citizen.prepare(insertSql(d->dialect))
        && d->token.prepare(
            u"INSERT INTO citizen_name_tokens (token, citizen_id) VALUES (?, ?) ON CONFLICT DO NOTHING"_s)
        && d->pair.prepare(
            u"INSERT INTO citizen_name_pairs (pair_key, citizen_id) VALUES (?, ?) ON CONFLICT DO NOTHING"_s);
    if (!d->prepared) {
        for (const QSqlQuery* q : {&d->citizen, &d->token, &d->pair}) {
            if (q->lastError().isValid()) {
                d->prepareError = q->lastError();
                break;
            }
        }
    }
}

CitizenRepository::BulkInserter::~BulkInserter() = default;

Result<void> CitizenRepository::BulkInserter::insert(Citizen& citizen)
{
    if (!d->prepared)
        return Database::classify(d->prepareError, tr("préparation de l'import des usagers"));
    stampNew(citizen);
    bindData(d->citizen, citizen, d->dialect);
    d->citizen.addBindValue(d->dialect.toDbDateTime(citizen.createdAt));
    d->citizen.addBindValue(d->dialect.toDbDateTime(citizen.updatedAt));
    if (!d->citizen.exec())
        return Database::classify(d->citizen.lastError(), tr("enregistrement de l'usager"));
    citizen.id = d->dialect.insertedId(d->citizen);
    citizen.version = 1;
    const QStringList tokens = nameTokens(citizen);
    for (const QString& t : tokens) {
        d->token.addBindValue(t);
        d->token.addBindValue(citizen.id);
        if (!d->token.exec())
            return Database::classify(d->token.lastError(), tr("mise à jour de l'index de recherche"));
    }
    for (const QString& p : namePairKeys(tokens)) {
        d->pair.addBindValue(p);
        d->pair.addBindValue(citizen.id);
        if (!d->pair.exec())
            return Database::classify(d->pair.lastError(), tr("mise à jour de l'index de recherche"));
    }
    return {};
}

} // namespace iris
