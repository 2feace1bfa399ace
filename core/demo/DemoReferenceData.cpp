#include "core/demo/DemoReferenceData.h"

#include "core/base/PhoneNumber.h"
#include "core/base/TextFold.h"
#include "core/demo/DemoData.h"
#include "core/domain/OpeningHours.h"
#include "core/security/PasswordHasher.h"
#include "core/services/ServiceSupport.h"
#include "core/storage/Dialect.h"

#include <QSqlQuery>
#include <future>
#include <vector>

using namespace Qt::StringLiterals;

namespace iris::demo {

namespace {

OpeningHours hoursFor(HoursPreset preset)
{
    const QTime t0830(8, 30), t1200(12, 0), t1330(13, 30), t1730(17, 30), t1800(18, 0), t1900(19, 0);
    OpeningHours h;
    switch (preset) {
    case HoursPreset::CentreAdministratif:
        // DOMAIN.md: Mon–Fri 8:30–18:00 (Thursday until 19:00), Saturday 8:30–12:00, not in summer.
        h.setDays({ 1, 2, 3, 5 }, { { t0830, t1800 } });
        h.setDay(4, { { t0830, t1900 } });
        h.setDay(6, { { t0830, t1200 } });
        h.addException({ QDate(2000, 7, 1), QDate(2000, 8, 31), { 6 }, {},
            QCoreApplication::translate("iris::demo", "Fermé le samedi en juillet et en août"), true });
        break;
    case HoursPreset::Ccas:
        h.setDays({ 1, 2, 3, 5 }, { { t0830, t1800 } });
        h.setDay(4, { { t0830, t1900 } });
        break;
    case HoursPreset::Bureau:
        h.setDays({ 1, 2, 3, 4, 5 }, { { t0830, t1200 }, { t1330, t1730 } });
        break;
    case HoursPreset::Mediatheque:
        h.setDays({ 2, 4, 5 }, { { QTime(13, 0), t1900 } });
        h.setDays({ 3, 6 }, { { QTime(10, 0), t1800 } });
        break;
    case HoursPreset::PoliceMunicipale:
        h.setDays({ 1, 2, 3, 4, 5, 6, 7 }, { { QTime(7, 0), QTime(23, 0) } });
        h.setOpenOnPublicHolidays(true);
        break;
    }
    return h;
}

QString u8(const char* text)
{
    return QString::fromUtf8(text);
}

} // namespace

Result<DemoReference> DemoReferenceData::install(
    QSqlDatabase& db, const Dialect& dialect, const QDateTime& now)
{
    DemoReference ref;
    const QVariant ts = dialect.toDbDateTime(now);

    // ---- services ----------------------------------------------------------------
    QSqlQuery find(db);
    find.prepare(u"SELECT id FROM services WHERE code = :code"_s);
    auto insertService = sql::prepare(db,
        dialect.insertReturningId(u"services"_s,
            { u"code"_s, u"name"_s, u"name_key"_s, u"themes"_s, u"search_key"_s, u"phone"_s, u"email"_s,
                u"address_line1"_s, u"address_line2"_s, u"postcode"_s, u"city"_s, u"opening_hours"_s,
                u"on_duty_notes"_s, u"active"_s, u"created_at"_s, u"updated_at"_s }),
        tr("annuaire de démonstration"));
    if (!insertService)
        return insertService.error();
    for (const DemoServiceSpec& spec : services()) {
        const QString code = u8(spec.code);
        find.bindValue(u":code"_s, code);
        if (auto r = sql::exec(find, tr("annuaire de démonstration")); !r)
            return r.error();
        if (find.next()) {
            ref.serviceIds.insert(code, find.value(0).toLongLong());
            continue;
        }
        const QString name = u8(spec.name);
        const QStringList themes = u8(spec.themes).split(u';', Qt::SkipEmptyParts);
        auto phone = PhoneNumber::normalize(u8(spec.phone));
        QSqlQuery& q = *insertService;
        q.bindValue(u":code"_s, code);
        q.bindValue(u":name"_s, name);
        q.bindValue(u":name_key"_s, TextFold::fold(name));
        q.bindValue(u":themes"_s, themes.join(u';'));
        q.bindValue(u":search_key"_s, TextFold::fold(QString(name + u' ' + themes.join(u' '))));
        q.bindValue(u":phone"_s, phone ? QVariant(*phone) : QVariant(QMetaType::fromType<QString>()));
        q.bindValue(u":email"_s, QString(code + u"@ville-issy.example"_s));
        // Centre administratif municipal (DOMAIN.md): 47 rue du Général Leclerc.
        q.bindValue(u":address_line1"_s, u"47 rue du Général Leclerc"_s);
        q.bindValue(u":address_line2"_s, spec.addressLine2 ? u8(spec.addressLine2) : u""_s);
        q.bindValue(u":postcode"_s, u"92130"_s);
        q.bindValue(u":city"_s, u"Issy-les-Moulineaux"_s);
        q.bindValue(u":opening_hours"_s, hoursFor(spec.hours).toJson());
        q.bindValue(u":on_duty_notes"_s, spec.onDutyNotes ? u8(spec.onDutyNotes) : u""_s);
        q.bindValue(u":active"_s, true);
        q.bindValue(u":created_at"_s, ts);
        q.bindValue(u":updated_at"_s, ts);
        if (auto r = sql::exec(q, tr("annuaire de démonstration")); !r)
            return r.error();
        ref.serviceIds.insert(code, dialect.insertedId(q));
        ++ref.servicesCreated;
    }

    // ---- motive themes (parents are listed before their children) ------------------
    QHash<QString, qint64> motiveIds;
    QSqlQuery findMotive(db);
    findMotive.prepare(u"SELECT id FROM motive_themes WHERE code = :code"_s);
    auto insertMotive = sql::prepare(db,
        dialect.insertReturningId(u"motive_themes"_s,
            { u"parent_id"_s, u"code"_s, u"label"_s, u"default_service_id"_s, u"sort_order"_s, u"active"_s }),
        tr("motifs de démonstration"));
    if (!insertMotive)
        return insertMotive.error();
    int order = 0;
    for (const DemoMotiveSpec& spec : motives()) {
        const QString code = u8(spec.code);
        const int dot = code.indexOf(u'.');
        const QString parentCode = dot > 0 ? code.left(dot) : QString();
        const qint64 serviceId = ref.serviceIds.value(u8(spec.serviceCode));
        findMotive.bindValue(u":code"_s, code);
        if (auto r = sql::exec(findMotive, tr("motifs de démonstration")); !r)
            return r.error();
        qint64 id = 0;
        if (findMotive.next()) {
            id = findMotive.value(0).toLongLong();
        } else {
            QSqlQuery& q = *insertMotive;
            q.bindValue(u":parent_id"_s, sql::nullableId(motiveIds.value(parentCode)));
            q.bindValue(u":code"_s, code);
            q.bindValue(u":label"_s, u8(spec.label));
            q.bindValue(u":default_service_id"_s, sql::nullableId(serviceId));
            q.bindValue(u":sort_order"_s, order);
            q.bindValue(u":active"_s, true);
            if (auto r = sql::exec(q, tr("motifs de démonstration")); !r)
                return r.error();
            id = dialect.insertedId(q);
            ++ref.motivesCreated;
        }
        ++order;
        motiveIds.insert(code, id);
        if (!parentCode.isEmpty())
            ref.leafMotives.append({ id, parentCode, serviceId });
    }

    // ---- agents ------------------------------------------------------------------
    // Argon2id is deliberately slow: hash the missing accounts on two threads.
    QSqlQuery findAgent(db);
    findAgent.prepare(u"SELECT id FROM agents WHERE login = :login"_s);
    QList<const DemoAgentSpec*> missing;
    for (const DemoAgentSpec& spec : agents()) {
        findAgent.bindValue(u":login"_s, u8(spec.login));
        if (auto r = sql::exec(findAgent, tr("agents de démonstration")); !r)
            return r.error();
        if (!findAgent.next())
            missing.append(&spec);
    }
    std::vector<Result<QString>> hashes;
    {
        std::vector<std::future<std::vector<Result<QString>>>> workers;
        const int half = int((missing.size() + 1) / 2);
        for (int part = 0; part < 2; ++part) {
            workers.push_back(std::async(std::launch::async, [&missing, part, half] {
                std::vector<Result<QString>> out;
                for (int i = part * half; i < qMin<int>(int(missing.size()), (part + 1) * half); ++i)
                    out.push_back(PasswordHasher::hash(u8(missing.at(i)->password)));
                return out;
            }));
        }
        for (auto& w : workers) {
            for (Result<QString>& h : w.get())
                hashes.push_back(std::move(h));
        }
    }
    auto insertAgent = sql::prepare(db,
        dialect.insertReturningId(u"agents"_s,
            { u"login"_s, u"display_name"_s, u"role"_s, u"service_id"_s, u"active"_s, u"password_hash"_s,
                u"created_at"_s, u"updated_at"_s }),
        tr("agents de démonstration"));
    if (!insertAgent)
        return insertAgent.error();
    for (int i = 0; i < missing.size(); ++i) {
        if (!hashes.at(std::size_t(i)))
            return hashes.at(std::size_t(i)).error();
        const DemoAgentSpec& spec = *missing.at(i);
        QSqlQuery& q = *insertAgent;
        q.bindValue(u":login"_s, u8(spec.login));
        q.bindValue(u":display_name"_s, u8(spec.displayName));
        q.bindValue(u":role"_s, roleId(spec.role));
        q.bindValue(u":service_id"_s, sql::nullableId(ref.serviceIds.value(u8(spec.serviceCode))));
        q.bindValue(u":active"_s, true);
        q.bindValue(u":password_hash"_s, hashes.at(std::size_t(i)).value());
        q.bindValue(u":created_at"_s, ts);
        q.bindValue(u":updated_at"_s, ts);
        if (auto r = sql::exec(q, tr("agents de démonstration")); !r)
            return r.error();
        ++ref.agentsCreated;
    }
    auto loaded = load(db);
    if (!loaded)
        return loaded.error();
    ref.agents = loaded->agents;
    return ref;
}

Result<DemoReference> DemoReferenceData::load(QSqlDatabase& db)
{
    DemoReference ref;
    QSqlQuery q(db);
    if (!q.exec(u"SELECT code, id FROM services WHERE code IS NOT NULL"_s))
        return Error(ErrorCode::DatabaseError, tr("L'annuaire des services est illisible."));
    while (q.next())
        ref.serviceIds.insert(q.value(0).toString(), q.value(1).toLongLong());
    if (!q.exec(u"SELECT m.id, COALESCE(p.code, ''), COALESCE(m.default_service_id, 0) FROM motive_themes m "
                u"JOIN motive_themes p ON p.id = m.parent_id WHERE m.active = TRUE ORDER BY m.id"_s))
        return Error(ErrorCode::DatabaseError, tr("L'arbre des motifs est illisible."));
    while (q.next())
        ref.leafMotives.append({ q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toLongLong() });
    if (!q.exec(u"SELECT id, role, COALESCE(service_id, 0) FROM agents WHERE active = TRUE ORDER BY id"_s))
        return Error(ErrorCode::DatabaseError, tr("La liste des agents est illisible."));
    while (q.next()) {
        DemoReference::AgentRef a;
        a.id = q.value(0).toLongLong();
        roleFromId(q.value(1).toString(), &a.role);
        a.serviceId = q.value(2).toLongLong();
        ref.agents.append(a);
    }
    return ref;
}

} // namespace iris::demo
