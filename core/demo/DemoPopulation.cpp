#include "core/demo/DemoPopulation.h"

#include "core/base/TextFold.h"
#include "core/demo/DemoData.h"
#include "core/demo/DemoRandom.h"
#include "core/domain/Citizen.h"
#include "core/services/ServiceSupport.h"
#include "core/storage/CitizenRepository.h"
#include "core/storage/Dialect.h"

#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace iris::demo {

namespace {

enum class Sex { Male, Female };

QString u8(const char* text)
{
    return QString::fromUtf8(text);
}

QString digits(DemoRandom& r, int n)
{
    QString out;
    out.reserve(n);
    for (int i = 0; i < n; ++i)
        out.append(QChar(u'0' + int(r.below(10))));
    return out;
}

QString mobile(DemoRandom& r)
{
    // 06 xx xx xx xx or 07 [3-9]x xx xx xx
    if (r.chance(0.7))
        return QString(u"+336"_s + digits(r, 8));
    return QString(u"+337"_s + QChar(u'3' + int(r.below(7))) + digits(r, 7));
}

QString landline(DemoRandom& r)
{
    static const char* const prefixes[] = { "+33146", "+33145", "+33140", "+33141", "+33155", "+33158" };
    if (r.chance(0.25))
        return QString(u"+339"_s + QChar(u'5' + int(r.below(4))) + digits(r, 7)); // box (09)
    return QString(QLatin1String(prefixes[r.below(6)]) + digits(r, 6));
}

QString emailFor(DemoRandom& r, const QString& prenom, const QString& nom)
{
    const QString first = TextFold::fold(prenom).replace(u' ', u'-');
    const QString last = TextFold::fold(nom).remove(u' ');
    QString local;
    switch (r.below(4)) {
    case 0:
        local = QString(first + u'.' + last);
        break;
    case 1:
        local = QString(first.left(1) + last);
        break;
    case 2:
        local = QString(first + u'.' + last + QString::number(r.range(1, 99)));
        break;
    default:
        local = QString(last + u'.' + first + QString::number(r.range(1950, 2015)));
        break;
    }
    return QString(local + u'@' + u8(r.pick(emailDomains())));
}

QDate birthDate(DemoRandom& r, const QDate& ref, int minAge, int maxAge)
{
    const int age = r.range(minAge, maxAge);
    return ref.addYears(-age).addDays(-int(r.below(365)));
}

struct Address
{
    QString line1;
    QString line2;
};

Address address(DemoRandom& r)
{
    Address a;
    const int number = r.chance(0.6) ? r.range(1, 60) : r.range(61, 180);
    QString suffix;
    if (r.chance(0.06))
        suffix = r.chance(0.7) ? u" bis"_s : u" ter"_s;
    a.line1 = QString(QString::number(number) + suffix + u' ' + u8(r.pick(streetNames())));
    switch (r.below(8)) {
    case 0:
        a.line2 = QString(u"Bâtiment "_s + QChar(u'A' + int(r.below(4))));
        break;
    case 1:
        a.line2 = QString(u"Escalier "_s + QChar(u'A' + int(r.below(3))) + u", "_s
            + QString::number(r.range(1, 8)) + u"e étage"_s);
        break;
    case 2:
        a.line2 = QString(u"Appartement "_s + QString::number(r.range(1, 120)));
        break;
    default:
        break;
    }
    return a;
}

class Builder
{
public:
    Builder(DemoRandom& r, const QDate& ref)
        : m_r(r)
        , m_ref(ref)
    {
    }

    Citizen person(Sex sex, const QDate& born, const QString& surname, const Address& home, bool adult)
    {
        Citizen c;
        c.civilite = adult ? (sex == Sex::Male ? u"M."_s : u"Mme"_s) : QString();
        c.nomNaissance = surname;
        QString prenoms = u8(m_r.pick(sex == Sex::Male ? maleFirstNames() : femaleFirstNames()));
        if (m_r.chance(0.45)) {
            const QString second = u8(m_r.pick(sex == Sex::Male ? maleFirstNames() : femaleFirstNames()));
            if (second != prenoms)
                prenoms = QString(prenoms + u' ' + second);
        }
        c.prenoms = prenoms;
        c.birthDate = born;
        c.birthPlace = u8(m_r.pick(birthPlaces()));
        c.address.line1 = home.line1;
        c.address.line2 = home.line2;
        c.address.postcode = u"92130"_s;
        c.address.city = u"ISSY-LES-MOULINEAUX"_s;
        const int age = born.daysTo(m_ref) / 365;
        if (adult || (age >= 13 && m_r.chance(0.6)))
            c.phone = m_r.chance(0.92) ? mobile(m_r) : QString();
        if (adult || (age >= 15 && m_r.chance(0.3))) {
            if (m_r.chance(adult ? 0.78 : 1.0))
                c.email = emailFor(m_r, c.prenoms.section(u' ', 0, 0), surname);
        }
        static const char* const channels[]
            = { "telephone", "telephone", "visite", "courriel", "courriel", "courrier" };
        c.preferredChannel = adult ? u8(channels[m_r.below(6)]) : QString();
        if (c.preferredChannel == u"courriel"_s && c.email.isEmpty())
            c.preferredChannel = u"telephone"_s;
        c.consentContact = adult && m_r.chance(0.7);
        // Records were opened over the years before the demo period.
        c.createdAt = QDateTime(
            m_ref.addDays(-730 - int(m_r.below(2500))), QTime(9, 0).addSecs(int(m_r.below(8 * 3600))));
        c.updatedAt = c.createdAt;
        return c;
    }

    QString surname() { return u8(m_r.pick(surnames())); }

private:
    DemoRandom& m_r;
    QDate m_ref;
};

struct Member
{
    Citizen citizen;
    const char* link;
    bool dependant;
    bool adult;
};

} // namespace

Result<DemoPeople> DemoPopulation::generate(QSqlDatabase& db, const Dialect& dialect, DemoRandom& random,
    int count, const QDate& referenceDate, const std::function<bool(int)>& tick)
{
    DemoPeople people;
    people.adults.reserve(count);
    CitizenRepository::BulkInserter bulk(db, dialect);
    auto household = sql::prepare(db,
        dialect.insertReturningId(
            u"households"_s, { u"label"_s, u"notes"_s, u"created_at"_s, u"updated_at"_s }),
        tr("création des foyers"));
    if (!household)
        return household.error();
    QSqlQuery member(db);
    if (!member.prepare(
            u"INSERT INTO household_members (household_id, citizen_id, link, dependant, joined_at) "
            u"VALUES (?, ?, ?, ?, ?)"_s))
        return Error(ErrorCode::DatabaseError, tr("Préparation de l'enregistrement des foyers impossible."));

    Builder build(random, referenceDate);
    int done = 0;
    int nextTick = 500;
    while (done < count) {
        const int left = count - done;
        QList<Member> members;
        const Address home = address(random);
        const QString name = build.surname();
        const double kind = random.unit();
        if (kind < 0.36 || left == 1) {
            const Sex sex = random.chance(0.52) ? Sex::Female : Sex::Male;
            members.append({ build.person(sex, birthDate(random, referenceDate, 19, 94), name, home, true),
                "chef_de_famille", false, true });
        } else {
            const bool couple = kind < 0.88;
            const bool withChildren = kind >= 0.60;
            const int parentAge = withChildren ? random.range(25, 55) : random.range(22, 90);
            const QDate parentBorn = birthDate(random, referenceDate, parentAge, parentAge);
            Citizen first = build.person(couple ? Sex::Male : (random.chance(0.85) ? Sex::Female : Sex::Male),
                parentBorn, name, home, true);
            members.append({ first, "chef_de_famille", false, true });
            QString childName = name;
            if (couple && left >= 2) {
                const int partnerAge = qBound(19, parentAge + random.range(-6, 4), 95);
                const QString partnerBirthName = build.surname();
                Citizen partner = build.person(Sex::Female,
                    birthDate(random, referenceDate, partnerAge, partnerAge), partnerBirthName, home, true);
                if (partnerBirthName != name && random.chance(0.55))
                    partner.nomUsage = name; // uses her spouse's name
                if (random.chance(0.4)) {
                    const QString fixed = landline(random);
                    members.first().citizen.phone2 = fixed;
                    partner.phone2 = fixed;
                }
                if (random.chance(0.08) && partnerBirthName != name)
                    childName = QString(name + u'-' + partnerBirthName);
                members.append({ partner, "conjoint", false, true });
            }
            if (withChildren) {
                const int wanted = couple ? random.range(1, 3) : random.range(1, 2);
                const int room = count - done - int(members.size());
                for (int i = 0; i < qMin(wanted, room); ++i) {
                    const int maxAge = qMin(17, parentAge - 19);
                    if (maxAge < 0)
                        break;
                    const Sex sex = random.chance(0.5) ? Sex::Female : Sex::Male;
                    members.append({ build.person(sex, birthDate(random, referenceDate, 0, maxAge), childName,
                                         home, false),
                        "enfant", true, false });
                }
            }
        }

        if (members.size() > 1) {
            QSqlQuery& h = *household;
            h.bindValue(u":label"_s, QString(u"Foyer "_s + name));
            h.bindValue(u":notes"_s, u""_s);
            h.bindValue(u":created_at"_s, dialect.toDbDateTime(members.first().citizen.createdAt));
            h.bindValue(u":updated_at"_s, dialect.toDbDateTime(members.first().citizen.createdAt));
            if (auto r = sql::exec(h, tr("création des foyers")); !r)
                return r.error();
            const qint64 householdId = dialect.insertedId(h);
            ++people.households;
            for (Member& m : members) {
                m.citizen.householdId = householdId;
                if (auto r = bulk.insert(m.citizen); !r)
                    return r.error();
                member.addBindValue(householdId);
                member.addBindValue(m.citizen.id);
                member.addBindValue(QString::fromLatin1(m.link));
                member.addBindValue(m.dependant);
                member.addBindValue(dialect.toDbDateTime(m.citizen.createdAt));
                if (!member.exec())
                    return Error(ErrorCode::DatabaseError, tr("Enregistrement d'un foyer impossible."), {},
                        member.lastError().text());
            }
        } else {
            if (auto r = bulk.insert(members.first().citizen); !r)
                return r.error();
        }
        for (const Member& m : std::as_const(members))
            (m.adult ? people.adults : people.children).append(m.citizen.id);
        done += int(members.size());
        if (tick && done >= nextTick) {
            nextTick = done + 500;
            if (!tick(done))
                return Error(
                    ErrorCode::InvalidArgument, tr("Génération des données de démonstration interrompue."));
        }
    }
    if (tick && !tick(done))
        return Error(ErrorCode::InvalidArgument, tr("Génération des données de démonstration interrompue."));
    return people;
}

} // namespace iris::demo
