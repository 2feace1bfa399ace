#include "core/services/OrganisationService.h"
#include "core/storage/ServerClock.h"

#include "core/base/TextFold.h"
#include "core/base/Validators.h"
#include "core/security/Session.h"
#include "core/services/AuditLog.h"
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
    return QCoreApplication::translate("iris::OrganisationService", text);
}

const QString kKind = u"organisation"_s;
const QString kColumns = u"id, version, name, rna, siret, address_line1, address_line2, postcode, city, phone, "
                         "email, representative_id, notes, created_at, updated_at"_s;

QVariant nullable(const QString& s)
{
    return s.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(s);
}

/// A NOT NULL text column: a null QString would bind as SQL NULL.
QVariant text(const QString& value)
{
    return value.isNull() ? QVariant(u""_s) : QVariant(value);
}

QVariant nullableId(qint64 id)
{
    return id > 0 ? QVariant(id) : QVariant(QMetaType::fromType<qint64>());
}

Error duplicateRna()
{
    return Error(ErrorCode::Duplicate, tr("Une organisation avec ce numéro RNA est déjà enregistrée."),
                 {FieldError{u"rna"_s, tr("Ce numéro RNA est déjà utilisé par une autre organisation.")}});
}

} // namespace

OrganisationService::OrganisationService(std::shared_ptr<Database> db, const Session& session, AuditLog& audit)
    : m_db(std::move(db))
    , m_session(session)
    , m_audit(audit)
{
}

Result<Organisation> OrganisationService::validated(const Organisation& input) const
{
    ValidationErrors errors;
    Organisation o = input;
    o.name = input.name.simplified();
    if (o.name.isEmpty())
        errors.add(u"name"_s, tr("Le nom de l'organisation est obligatoire."));
    else if (o.name.size() > 200)
        errors.add(u"name"_s, tr("Le nom de l'organisation ne peut pas dépasser 200 caractères."));
    o.rna.clear();
    if (!input.rna.trimmed().isEmpty()) {
        if (auto v = errors.check(u"rna"_s, CompanyIds::rna(input.rna)))
            o.rna = *v;
    }
    o.siret.clear();
    if (!input.siret.trimmed().isEmpty()) {
        if (auto v = errors.check(u"siret"_s, CompanyIds::siret(input.siret)))
            o.siret = *v;
    }
    o.address.line1 = input.address.line1.trimmed();
    o.address.line2 = input.address.line2.trimmed();
    o.address.city = input.address.city.trimmed();
    if (o.address.line1.size() > 200)
        errors.add(u"address.line1"_s, tr("L'adresse ne peut pas dépasser 200 caractères."));
    if (o.address.city.size() > 100)
        errors.add(u"address.city"_s, tr("La commune ne peut pas dépasser 100 caractères."));
    o.address.postcode.clear();
    if (!input.address.postcode.trimmed().isEmpty()) {
        if (auto v = errors.check(u"address.postcode"_s, Validators::postcode(input.address.postcode)))
            o.address.postcode = *v;
    }
    o.phone.clear();
    if (!input.phone.trimmed().isEmpty()) {
        if (auto v = errors.check(u"phone"_s, PhoneNumber::normalize(input.phone)))
            o.phone = *v;
    }
    o.email.clear();
    if (!input.email.trimmed().isEmpty()) {
        if (auto v = errors.check(u"email"_s, Validators::email(input.email)))
            o.email = *v;
    }
    o.notes = input.notes.trimmed();
    if (o.notes.size() > 4000)
        errors.add(u"notes"_s, tr("Les notes ne peuvent pas dépasser 4000 caractères."));
    if (o.representativeId > 0) {
        QSqlDatabase c = m_db->connection();
        QSqlQuery q(c);
        q.prepare(u"SELECT 1 FROM citizens WHERE id = ?"_s);
        q.addBindValue(o.representativeId);
        if (!q.exec())
            return Database::classify(q.lastError(), tr("vérification du représentant"));
        if (!q.next())
            errors.add(u"representativeId"_s, tr("Le représentant choisi n'existe plus dans l'annuaire des usagers."));
    }
    if (!errors.isEmpty())
        return errors.toError();
    return o;
}

Result<QList<Organisation>> OrganisationService::select(const QString& where, const QVariantList& binds,
                                                        int limit) const
{
    const Dialect& dialect = m_db->dialect();
    QSqlDatabase c = m_db->connection();
    QSqlQuery q(c);
    q.setForwardOnly(true);
    q.prepare(u"SELECT %1 FROM organisations WHERE %2 ORDER BY name_key, id %3"_s.arg(kColumns, where,
                                                                                      dialect.limit(u"?"_s)));
    for (const QVariant& v : binds)
        q.addBindValue(v);
    q.addBindValue(limit);
    if (!q.exec())
        return Database::classify(q.lastError(), tr("lecture des organisations"));
    QList<Organisation> out;
    while (q.next()) {
        Organisation o;
        int i = 0;
        o.id = q.value(i++).toLongLong();
        o.version = q.value(i++).toInt();
        o.name = q.value(i++).toString();
        o.rna = q.value(i++).toString();
        o.siret = q.value(i++).toString();
        o.address.line1 = q.value(i++).toString();
        o.address.line2 = q.value(i++).toString();
        o.address.postcode = q.value(i++).toString();
        o.address.city = q.value(i++).toString();
        o.phone = q.value(i++).toString();
        o.email = q.value(i++).toString();
        o.representativeId = q.value(i++).toLongLong();
        o.notes = q.value(i++).toString();
        o.createdAt = dialect.fromDbDateTime(q.value(i++));
        o.updatedAt = dialect.fromDbDateTime(q.value(i++));
        out.append(o);
    }
    return out;
}

Result<Organisation> OrganisationService::get(qint64 id) const
{
    if (Result<void> allowed = m_session.require(perm::CitizenRead); !allowed)
        return allowed.error();
    Result<QList<Organisation>> found = select(u"id = ?"_s, {id}, 1);
    if (!found)
        return found.error();
    if (found->isEmpty())
        return Error(ErrorCode::NotFound, tr("Cette organisation n'existe pas ou a été supprimée."));
    return found->first();
}

Result<QList<Organisation>> OrganisationService::search(const QString& text, int limit) const
{
    if (Result<void> allowed = m_session.require(perm::CitizenRead); !allowed)
        return allowed.error();
    limit = qBound(1, limit, 500);
    const QString compact = QString(text).remove(QLatin1Char(' ')).toUpper();
    if (Result<QString> rna = CompanyIds::rna(compact); rna)
        return select(u"rna = ?"_s, {*rna}, limit);
    if (Result<QString> siret = CompanyIds::siret(compact); siret)
        return select(u"siret = ?"_s, {*siret}, limit);
    const QString key = TextFold::fold(text);
    if (key.isEmpty())
        return QList<Organisation>();
    // Names starting with the text first (index range), then names holding every typed
    // word as the start of one of their words. Organisations number in the hundreds, so
    // the second pass may read the table.
    const auto [lo, hi] = Dialect::prefixRangeBounds(key);
    Result<QList<Organisation>> found =
        select(m_db->dialect().prefixRange(u"name_key"_s, u"?"_s, u"?"_s), {lo, hi}, limit);
    if (!found || found->size() >= limit)
        return found;
    QStringList where;
    QVariantList binds;
    for (const QString& word : TextFold::tokens(text)) {
        where << QString(m_db->dialect().position(u"?"_s, u"(' ' || name_key)"_s) + u" > 0"_s);
        binds << QString(QLatin1Char(' ') + word);
    }
    Result<QList<Organisation>> words = select(where.join(u" AND "_s), binds, limit);
    if (!words)
        return words;
    for (const Organisation& o : std::as_const(*words)) {
        if (found->size() >= limit)
            break;
        if (std::none_of(found->cbegin(), found->cend(), [&](const Organisation& x) { return x.id == o.id; }))
            found->append(o);
    }
    return found;
}

Result<QList<Organisation>> OrganisationService::representedBy(qint64 citizenId) const
{
    if (Result<void> allowed = m_session.require(perm::CitizenRead); !allowed)
        return allowed.error();
    return select(u"representative_id = ?"_s, {citizenId}, 500);
}

Result<Organisation> OrganisationService::create(const Organisation& input)
{
    if (Result<void> allowed = m_session.require(perm::OrganisationWrite); !allowed)
        return allowed.error();
    Result<Organisation> valid = validated(input);
    if (!valid)
        return valid.error();
    Organisation o = std::move(valid).value();
    const Dialect& dialect = m_db->dialect();
    const QDateTime now = ServerClock::now().toUTC();
    Result<void> tx = m_db->transaction([&](QSqlDatabase& c) -> Result<void> {
        QSqlQuery q(c);
        q.prepare(dialect.insertReturningId(
            u"organisations"_s,
            {u"version"_s, u"name"_s, u"name_key"_s, u"rna"_s, u"siret"_s, u"address_line1"_s, u"address_line2"_s,
             u"postcode"_s, u"city"_s, u"phone"_s, u"email"_s, u"representative_id"_s, u"notes"_s,
             u"created_at"_s, u"updated_at"_s}));
        q.bindValue(u":version"_s, 1);
        q.bindValue(u":name"_s, o.name);
        q.bindValue(u":name_key"_s, TextFold::fold(o.name));
        q.bindValue(u":rna"_s, nullable(o.rna));
        q.bindValue(u":siret"_s, nullable(o.siret));
        q.bindValue(u":address_line1"_s, text(o.address.line1));
        q.bindValue(u":address_line2"_s, text(o.address.line2));
        q.bindValue(u":postcode"_s, text(o.address.postcode));
        q.bindValue(u":city"_s, text(o.address.city));
        q.bindValue(u":phone"_s, nullable(o.phone));
        q.bindValue(u":email"_s, nullable(o.email));
        q.bindValue(u":representative_id"_s, nullableId(o.representativeId));
        q.bindValue(u":notes"_s, text(o.notes));
        q.bindValue(u":created_at"_s, dialect.toDbDateTime(now));
        q.bindValue(u":updated_at"_s, dialect.toDbDateTime(now));
        if (!q.exec()) {
            Error e = Database::classify(q.lastError(), tr("enregistrement de l'organisation"));
            return e.code() == ErrorCode::Duplicate ? duplicateRna() : e;
        }
        o.id = dialect.insertedId(q);
        return m_audit.record(c, auditaction::Create, kKind, o.id, {{u"name"_s, o.name}});
    });
    if (!tx)
        return tx.error();
    o.version = 1;
    o.createdAt = o.updatedAt = now;
    return o;
}

Result<Organisation> OrganisationService::update(const Organisation& input)
{
    if (Result<void> allowed = m_session.require(perm::OrganisationWrite); !allowed)
        return allowed.error();
    Result<Organisation> valid = validated(input);
    if (!valid)
        return valid.error();
    Organisation o = std::move(valid).value();
    const Dialect& dialect = m_db->dialect();
    const QDateTime now = ServerClock::now().toUTC();
    Result<void> tx = m_db->transaction([&](QSqlDatabase& c) -> Result<void> {
        QSqlQuery q(c);
        q.prepare(u"UPDATE organisations SET version = version + 1, name = ?, name_key = ?, rna = ?, siret = ?, "
                  "address_line1 = ?, address_line2 = ?, postcode = ?, city = ?, phone = ?, email = ?, "
                  "representative_id = ?, notes = ?, updated_at = ? WHERE id = ? AND version = ?"_s);
        for (const QVariant& v : {QVariant(o.name), QVariant(TextFold::fold(o.name)), nullable(o.rna),
                                  nullable(o.siret), text(o.address.line1), text(o.address.line2),
                                  text(o.address.postcode), text(o.address.city), nullable(o.phone),
                                  nullable(o.email), nullableId(o.representativeId), text(o.notes),
                                  dialect.toDbDateTime(now), QVariant(o.id), QVariant(o.version)})
            q.addBindValue(v);
        if (!q.exec()) {
            Error e = Database::classify(q.lastError(), tr("enregistrement de l'organisation"));
            return e.code() == ErrorCode::Duplicate ? duplicateRna() : e;
        }
        if (q.numRowsAffected() != 1) {
            q.prepare(u"SELECT 1 FROM organisations WHERE id = ?"_s);
            q.addBindValue(o.id);
            if (q.exec() && q.next())
                return Error(ErrorCode::Conflict,
                             tr("Cette organisation a été modifiée par un autre agent entre-temps. Rechargez-la "
                                "puis refaites votre modification."));
            return Error(ErrorCode::NotFound, tr("Cette organisation n'existe pas ou a été supprimée."));
        }
        return m_audit.record(c, auditaction::Update, kKind, o.id, {{u"version"_s, o.version + 1}});
    });
    if (!tx)
        return tx.error();
    o.version += 1;
    o.updatedAt = now;
    return o;
}

Result<void> OrganisationService::remove(qint64 id, int version)
{
    if (Result<void> allowed = m_session.require(perm::OrganisationWrite); !allowed)
        return allowed.error();
    return m_db->transaction([&](QSqlDatabase& c) -> Result<void> {
        QSqlQuery q(c);
        q.prepare(u"DELETE FROM organisations WHERE id = ? AND version = ?"_s);
        q.addBindValue(id);
        q.addBindValue(version);
        if (!q.exec()) {
            Error e = Database::classify(q.lastError(), tr("suppression de l'organisation"));
            if (e.detail().contains(u"FOREIGN KEY"_s, Qt::CaseInsensitive))
                return Error(ErrorCode::Conflict,
                             tr("Cette organisation a des contacts ou des dossiers : elle ne peut pas être "
                                "supprimée."),
                             {}, e.detail());
            return e;
        }
        if (q.numRowsAffected() != 1)
            return Error(ErrorCode::Conflict,
                         tr("Cette organisation a été modifiée ou supprimée entre-temps ; rechargez-la."));
        return m_audit.record(c, auditaction::Delete, kKind, id);
    });
}

} // namespace iris
