#include "core/services/DirectoryService.h"

#include "core/base/TextFold.h"
#include "core/base/Validators.h"
#include "core/security/Session.h"
#include "core/services/AuditLog.h"
#include "core/storage/Database.h"
#include "core/storage/Dialect.h"

#include <QRegularExpression>
#include <QSqlRecord>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace iris {

namespace {

const QString kColumns
    = u"id, version, code, name, themes, phone, email, address_line1, address_line2, postcode, "
      u"city, opening_hours, on_duty_notes, active, created_at, updated_at"_s;

QString searchKey(const MunicipalService& s)
{
    return TextFold::fold(QString(s.name + u' ' + s.themes.join(u' ')));
}

MunicipalService readService(const QSqlQuery& q, const Dialect& dialect)
{
    MunicipalService s;
    s.id = q.value(0).toLongLong();
    s.version = q.value(1).toInt();
    s.code = q.value(2).toString();
    s.name = q.value(3).toString();
    s.themes = q.value(4).toString().split(u';', Qt::SkipEmptyParts);
    s.phone = q.value(5).toString();
    s.email = q.value(6).toString();
    s.address.line1 = q.value(7).toString();
    s.address.line2 = q.value(8).toString();
    s.address.postcode = q.value(9).toString();
    s.address.city = q.value(10).toString();
    OpeningHours::fromJson(q.value(11).toString(), &s.hours); // unreadable hours = closed, never a crash
    s.onDutyNotes = q.value(12).toString();
    s.active = q.value(13).toBool();
    s.createdAt = dialect.fromDbDateTime(q.value(14));
    s.updatedAt = dialect.fromDbDateTime(q.value(15));
    return s;
}

/// The editable columns, bound under their column names (shared by insert and update).
void bindFields(QSqlQuery& q, const MunicipalService& s)
{
    q.bindValue(u":code"_s, sql::nullableText(s.code));
    q.bindValue(u":name"_s, s.name);
    q.bindValue(u":name_key"_s, TextFold::fold(s.name));
    q.bindValue(u":themes"_s, sql::text(s.themes.join(u';')));
    q.bindValue(u":search_key"_s, sql::text(searchKey(s)));
    q.bindValue(u":phone"_s, sql::nullableText(s.phone));
    q.bindValue(u":email"_s, sql::nullableText(s.email));
    q.bindValue(u":address_line1"_s, sql::text(s.address.line1));
    q.bindValue(u":address_line2"_s, sql::text(s.address.line2));
    q.bindValue(u":postcode"_s, sql::text(s.address.postcode));
    q.bindValue(u":city"_s, sql::text(s.address.city));
    q.bindValue(u":opening_hours"_s, s.hours.toJson());
    q.bindValue(u":on_duty_notes"_s, sql::text(s.onDutyNotes));
    q.bindValue(u":active"_s, s.active);
}

/// Duplicate if another service (any id but s.id; 0 when creating) has the same folded name or code.
Result<void> ensureUnique(QSqlDatabase& c, const MunicipalService& s)
{
    QSqlQuery dup(c);
    dup.prepare(u"SELECT name FROM services WHERE id <> :id AND "
                u"(name_key = :name OR (code IS NOT NULL AND code = :code))"_s);
    dup.bindValue(u":id"_s, s.id);
    dup.bindValue(u":name"_s, TextFold::fold(s.name));
    dup.bindValue(u":code"_s, s.code);
    if (auto r = sql::exec(dup, DirectoryService::tr("vérification de l'annuaire")); !r)
        return r;
    if (dup.next())
        return Error(ErrorCode::Duplicate,
            DirectoryService::tr("Un service « %1 » existe déjà dans l'annuaire.").arg(dup.value(0).toString()),
            { { u"name"_s, DirectoryService::tr("Ce nom ou ce code de service est déjà utilisé.") } });
    return {};
}

} // namespace

DirectoryService::DirectoryService(std::shared_ptr<Database> db, const Session& session, AuditLog& audit)
    : m_db(std::move(db))
    , m_session(session)
    , m_audit(audit)
{
}

Result<QList<MunicipalService>> DirectoryService::select(const QString& where, const QVariantMap& binds) const
{
    QSqlDatabase c = m_db->connection();
    auto q = sql::prepare(
        c, QString(u"SELECT "_s + kColumns + u" FROM services "_s + where), tr("lecture de l'annuaire"));
    if (!q)
        return q.error();
    for (auto it = binds.cbegin(); it != binds.cend(); ++it)
        q->bindValue(it.key(), it.value());
    if (auto r = sql::exec(*q, tr("lecture de l'annuaire")); !r)
        return r.error();
    QList<MunicipalService> out;
    while (q->next())
        out.append(readService(*q, m_db->dialect()));
    return out;
}

Result<MunicipalService> DirectoryService::get(qint64 id) const
{
    auto rows = select(u"WHERE id = :id"_s, { { u":id"_s, id } });
    if (!rows)
        return rows.error();
    if (rows->isEmpty())
        return Error(ErrorCode::NotFound, tr("Ce service n'existe pas dans l'annuaire."));
    return rows->first();
}

Result<MunicipalService> DirectoryService::findByCode(const QString& code) const
{
    auto rows = select(u"WHERE code = :code"_s, { { u":code"_s, code } });
    if (!rows)
        return rows.error();
    if (rows->isEmpty())
        return Error(ErrorCode::NotFound, tr("Aucun service de l'annuaire n'a le code « %1 ».").arg(code));
    return rows->first();
}

Result<QList<MunicipalService>> DirectoryService::list(bool includeInactive) const
{
    return select(includeInactive ? u"ORDER BY name_key"_s : u"WHERE active = TRUE ORDER BY name_key"_s, {});
}

Result<QList<MunicipalService>> DirectoryService::search(const QString& text, int limit) const
{
    const QStringList words = TextFold::tokens(text);
    if (words.isEmpty())
        return list(false);
    // The directory holds a few dozen rows: a filter on the folded key is instant.
    QString where = u"WHERE active = TRUE"_s;
    QVariantMap binds;
    for (int i = 0; i < words.size(); ++i) {
        const QString p = u":w"_s + QString::number(i);
        where += u" AND search_key LIKE "_s + p;
        binds.insert(p, QString(u'%' + words.at(i) + u'%'));
    }
    auto rows = select(where + u" ORDER BY name_key"_s, binds);
    if (!rows)
        return rows.error();
    // Services whose name carries every word come before theme-only matches.
    const auto nameHasAll = [&words](const MunicipalService& s) {
        const QString name = TextFold::fold(s.name);
        return std::all_of(
            words.cbegin(), words.cend(), [&name](const QString& w) { return name.contains(w); });
    };
    std::stable_partition(rows->begin(), rows->end(), nameHasAll);
    if (limit > 0 && rows->size() > limit)
        rows->resize(limit);
    return rows;
}

Result<QList<MunicipalService>> DirectoryService::openAt(const QDateTime& at) const
{
    auto rows = list(false);
    if (!rows)
        return rows.error();
    QList<MunicipalService> open;
    for (const MunicipalService& s : *rows) {
        if (s.isOpenAt(at))
            open.append(s);
    }
    return open;
}

Result<MunicipalService> DirectoryService::validated(const MunicipalService& input) const
{
    MunicipalService s = input;
    ValidationErrors errors;
    s.name = s.name.simplified();
    if (s.name.isEmpty())
        errors.add(u"name"_s, tr("Le nom du service est obligatoire."));
    else if (s.name.size() > 120)
        errors.add(u"name"_s, tr("Le nom du service ne doit pas dépasser 120 caractères."));
    s.code = s.code.trimmed();
    static const QRegularExpression codePattern(u"^[a-z0-9]+([-.][a-z0-9]+)*$"_s);
    if (!s.code.isEmpty() && !codePattern.match(s.code).hasMatch())
        errors.add(u"code"_s,
            tr("Le code du service ne peut contenir que des minuscules, chiffres, tirets et points."));
    QStringList themes;
    for (const QString& t : std::as_const(s.themes)) {
        const QString theme = t.simplified();
        if (theme.contains(u';'))
            errors.add(u"themes"_s, tr("Un thème ne peut pas contenir de point-virgule."));
        else if (!theme.isEmpty() && !themes.contains(theme))
            themes << theme;
    }
    s.themes = themes;
    if (!s.phone.trimmed().isEmpty()) {
        if (auto p = errors.check(u"phone"_s, PhoneNumber::normalize(s.phone)))
            s.phone = *p;
    } else {
        s.phone.clear();
    }
    if (!s.email.trimmed().isEmpty()) {
        if (auto e = errors.check(u"email"_s, Validators::email(s.email)))
            s.email = *e;
    } else {
        s.email.clear();
    }
    if (!s.address.postcode.trimmed().isEmpty()) {
        if (auto p = errors.check(u"postcode"_s, Validators::postcode(s.address.postcode)))
            s.address.postcode = *p;
    } else {
        s.address.postcode.clear();
    }
    s.address.line1 = s.address.line1.simplified();
    s.address.line2 = s.address.line2.simplified();
    s.address.city = s.address.city.simplified();
    bool slotsOk = true;
    for (int d = 1; d <= 7; ++d) {
        for (const TimeRange& r : s.hours.day(d))
            slotsOk = slotsOk && r.isValid();
    }
    for (const OpeningException& e : s.hours.exceptions()) {
        slotsOk = slotsOk && e.from.isValid() && (!e.to.isValid() || e.to >= e.from);
        for (const TimeRange& r : e.ranges)
            slotsOk = slotsOk && r.isValid();
    }
    if (!slotsOk)
        errors.add(u"hours"_s,
            tr("Un créneau d'ouverture est invalide (l'heure de fin doit suivre l'heure de début)."));
    if (!errors.isEmpty())
        return errors.toError();
    return s;
}

Result<MunicipalService> DirectoryService::create(const MunicipalService& input)
{
    if (auto r = m_session.require(perm::DirectoryWrite); !r)
        return r.error();
    auto valid = validated(input);
    if (!valid)
        return valid.error();
    MunicipalService s = *valid;
    s.id = 0; // a new record: ensureUnique compares against every stored service
    const Dialect& dialect = m_db->dialect();
    const QDateTime now = m_now();
    auto tx = m_db->transaction([&](QSqlDatabase& c) -> Result<void> {
        if (auto r = ensureUnique(c, s); !r)
            return r;
        auto q = sql::prepare(c,
            dialect.insertReturningId(u"services"_s,
                { u"code"_s, u"name"_s, u"name_key"_s, u"themes"_s, u"search_key"_s, u"phone"_s, u"email"_s,
                    u"address_line1"_s, u"address_line2"_s, u"postcode"_s, u"city"_s, u"opening_hours"_s,
                    u"on_duty_notes"_s, u"active"_s, u"created_at"_s, u"updated_at"_s }),
            tr("enregistrement du service"));
        if (!q)
            return q.error();
        bindFields(*q, s);
        q->bindValue(u":created_at"_s, dialect.toDbDateTime(now));
        q->bindValue(u":updated_at"_s, dialect.toDbDateTime(now));
        if (auto r = sql::exec(*q, tr("enregistrement du service")); !r)
            return r;
        s.id = dialect.insertedId(*q);
        s.version = 1;
        s.createdAt = s.updatedAt = now;
        return m_audit.record(c, u"create"_s, u"service"_s, s.id, { { u"name"_s, s.name } });
    });
    if (!tx)
        return tx.error();
    return s;
}

Result<MunicipalService> DirectoryService::update(const MunicipalService& input)
{
    if (auto r = m_session.require(perm::DirectoryWrite); !r)
        return r.error();
    auto valid = validated(input);
    if (!valid)
        return valid.error();
    MunicipalService s = *valid;
    const Dialect& dialect = m_db->dialect();
    const QDateTime now = m_now();
    auto tx = m_db->transaction([&](QSqlDatabase& c) -> Result<void> {
        if (auto r = ensureUnique(c, s); !r)
            return r;
        auto q = sql::prepare(c,
            u"UPDATE services SET version = version + 1, code = :code, name = :name, "
            u"name_key = :name_key, themes = :themes, search_key = :search_key, phone = :phone, "
            u"email = :email, address_line1 = :address_line1, address_line2 = :address_line2, "
            u"postcode = :postcode, city = :city, opening_hours = :opening_hours, "
            u"on_duty_notes = :on_duty_notes, active = :active, "
            u"updated_at = :now WHERE id = :id AND version = :version"_s,
            tr("modification du service"));
        if (!q)
            return q.error();
        bindFields(*q, s);
        q->bindValue(u":now"_s, dialect.toDbDateTime(now));
        q->bindValue(u":id"_s, s.id);
        q->bindValue(u":version"_s, s.version);
        if (auto r = sql::exec(*q, tr("modification du service")); !r)
            return r;
        if (q->numRowsAffected() != 1)
            return sql::staleOrMissing(c, u"services"_s, s.id, tr("Le service « %1 »").arg(s.name));
        s.version += 1;
        s.updatedAt = now;
        return m_audit.record(c, u"update"_s, u"service"_s, s.id, { { u"name"_s, s.name } });
    });
    if (!tx)
        return tx.error();
    return get(s.id);
}

Result<void> DirectoryService::remove(qint64 id, int version)
{
    if (auto r = m_session.require(perm::DirectoryWrite); !r)
        return r.error();
    return m_db->transaction([&](QSqlDatabase& c) -> Result<void> {
        // Each probe uses an index whose first column is the service id.
        static const QStringList probes = {
            u"SELECT 1 FROM contacts WHERE service_id = :id LIMIT 1"_s,
            u"SELECT 1 FROM contacts WHERE oriented_service_id = :id LIMIT 1"_s,
            u"SELECT 1 FROM dossiers WHERE service_id = :id LIMIT 1"_s,
            u"SELECT 1 FROM appointments WHERE service_id = :id LIMIT 1"_s,
            u"SELECT 1 FROM agents WHERE service_id = :id LIMIT 1"_s,
            u"SELECT 1 FROM motive_themes WHERE default_service_id = :id LIMIT 1"_s,
        };
        for (const QString& probe : probes) {
            QSqlQuery q(c);
            q.prepare(probe);
            q.bindValue(u":id"_s, id);
            if (auto r = sql::exec(q, tr("suppression du service")); !r)
                return r;
            if (q.next())
                return Error(ErrorCode::Conflict,
                    tr("Ce service est référencé par des contacts, dossiers, rendez-vous, agents ou motifs : "
                       "il ne peut pas être supprimé. Désactivez-le plutôt."));
        }
        QSqlQuery del(c);
        del.prepare(u"DELETE FROM services WHERE id = :id AND version = :version"_s);
        del.bindValue(u":id"_s, id);
        del.bindValue(u":version"_s, version);
        if (auto r = sql::exec(del, tr("suppression du service")); !r)
            return r;
        if (del.numRowsAffected() != 1)
            return sql::staleOrMissing(c, u"services"_s, id, tr("Le service"));
        return m_audit.record(c, u"delete"_s, u"service"_s, id, {});
    });
}

} // namespace iris
