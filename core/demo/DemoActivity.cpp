#include "core/demo/DemoActivity.h"

#include "core/base/WorkingCalendar.h"
#include "core/demo/DemoData.h"
#include "core/demo/DemoRandom.h"
#include "core/domain/Contact.h"
#include "core/domain/DossierDocument.h"
#include "core/services/DossierTypeRegistry.h"
#include "core/services/ServiceSupport.h"
#include "core/storage/Dialect.h"

#include <QHash>
#include <QSqlError>
#include <QSqlQuery>
#include <algorithm>
#include <vector>

using namespace Qt::StringLiterals;

namespace iris::demo {

namespace {

constexpr int kDays = 730; // two years of activity

Error writeError(const QSqlQuery& q, const QString& what)
{
    return Error(ErrorCode::DatabaseError, what, {}, q.lastError().text());
}

// Relative frequency of the top-level motives at the counter.
double motiveWeight(const QString& top)
{
    static const QHash<QString, double> weights = {
        { u"etat-civil"_s, 18 },
        { u"titres"_s, 14 },
        { u"information"_s, 10 },
        { u"social"_s, 8 },
        { u"logement"_s, 8 },
        { u"education"_s, 8 },
        { u"cadre-vie"_s, 7 },
        { u"petite-enfance"_s, 6 },
        { u"formalites"_s, 5 },
        { u"citoyennete"_s, 4 },
        { u"urbanisme"_s, 3 },
        { u"securite"_s, 3 },
        { u"culture-sport"_s, 3 },
        { u"associations"_s, 1 },
        { u"cimetiere"_s, 1 },
        { u"emploi"_s, 1 },
    };
    return weights.value(top, 1.0);
}

struct DayPlan
{
    QDate date;
    enum Kind { Working, Saturday, Closed } kind = Working;
    double weight = 0;
};

struct PendingDossierContact
{
    qint64 dossierId;
    qint64 citizenId;
    qint64 serviceId;
    QTime time;
};

struct ContactRow
{
    QTime time;
    ContactChannel channel;
    qint64 dossierId = 0;
    qint64 citizenId = 0;
    qint64 forcedService = 0;
};

class Picker
{
public:
    Picker(DemoRandom& r, const DemoReference& ref, const DemoPeople& people)
        : m_r(r)
        , m_ref(ref)
        , m_people(people)
    {
        double total = 0;
        QHash<QString, int> perTop;
        for (const DemoReference::Motive& m : ref.leafMotives)
            perTop[m.topCode] += 1;
        for (const DemoReference::Motive& m : ref.leafMotives) {
            total += motiveWeight(m.topCode) / perTop.value(m.topCode);
            m_motiveCumulative.push_back(total);
        }
        for (const DemoReference::AgentRef& a : ref.agents) {
            if (a.role == Role::AgentAccueil || a.role == Role::Superviseur)
                m_counter.push_back(a.id);
            if (a.role == Role::Teleconseiller)
                m_phone.push_back(a.id);
            if (a.role == Role::AgentService || a.role == Role::Teleconseiller
                || a.role == Role::TravailleurSocial)
                m_backOffice.push_back(a.id);
            m_agentService.insert(a.id, a.serviceId);
        }
        m_iris = ref.serviceIds.value(u"iris"_s);
    }

    const DemoReference::Motive* motive()
    {
        if (m_motiveCumulative.empty())
            return nullptr;
        const double x = m_r.unit() * m_motiveCumulative.back();
        const auto it = std::upper_bound(m_motiveCumulative.begin(), m_motiveCumulative.end(), x);
        const std::size_t i = std::min<std::size_t>(
            std::size_t(it - m_motiveCumulative.begin()), m_motiveCumulative.size() - 1);
        return &m_ref.leafMotives.at(qsizetype(i));
    }

    qint64 citizen()
    {
        if (m_r.chance(0.08) || (m_people.adults.isEmpty() && m_people.children.isEmpty()))
            return 0; // anonymous quick answer
        const QList<qint64>& pool
            = (m_people.children.isEmpty() || m_r.chance(0.9) || m_people.adults.isEmpty())
                && !m_people.adults.isEmpty()
            ? m_people.adults
            : m_people.children;
        // A minority of frequent visitors: 40 % of the picks go to the first fifth of the pool.
        const quint64 n = quint64(pool.size());
        const quint64 i = m_r.chance(0.4) ? m_r.below(qMax<quint64>(1, n / 5)) : m_r.below(n);
        return pool.at(qsizetype(i));
    }

    qint64 agent(ContactChannel channel)
    {
        const std::vector<qint64>* pool = &m_backOffice;
        if (channel == ContactChannel::Visite)
            pool = &m_counter;
        else if (channel == ContactChannel::Telephone)
            pool = m_r.chance(0.8) ? &m_phone : &m_counter;
        if (pool->empty())
            pool = m_counter.empty() ? &m_phone : &m_counter;
        return pool->empty() ? 0 : (*pool)[m_r.below(pool->size())];
    }

    qint64 serviceOf(qint64 agentId) const { return m_agentService.value(agentId); }
    qint64 iris() const { return m_iris; }
    qint64 anyService()
    {
        if (m_ref.serviceIds.isEmpty())
            return 0;
        const QList<qint64> ids = m_ref.serviceIds.values();
        return ids.at(qsizetype(m_r.below(quint64(ids.size()))));
    }

private:
    DemoRandom& m_r;
    const DemoReference& m_ref;
    const DemoPeople& m_people;
    std::vector<double> m_motiveCumulative;
    std::vector<qint64> m_counter, m_phone, m_backOffice;
    QHash<qint64, qint64> m_agentService;
    qint64 m_iris = 0;
};

QTime randomTime(DemoRandom& r, const QTime& from, const QTime& to)
{
    const int span = qMax(1, from.secsTo(to));
    return from.addSecs(int(r.below(quint64(span))));
}

} // namespace

Result<DemoActivity::Counts> DemoActivity::generate(QSqlDatabase& db, const Dialect& dialect,
    DemoRandom& random, const DemoReference& reference, const DemoPeople& people,
    const DossierTypeRegistry* types, int dossierCount, int contactCount, const QDate& referenceDate,
    const std::function<bool(qint64)>& tick)
{
    Counts counts;
    const WorkingCalendar calendar;
    const QDate first = referenceDate.addDays(-(kDays - 1));

    // ---- the days and their share of the activity -------------------------------------
    std::vector<DayPlan> days;
    days.reserve(kDays);
    double totalWeight = 0;
    for (int i = 0; i < kDays; ++i) {
        DayPlan d;
        d.date = first.addDays(i);
        const int dow = d.date.dayOfWeek();
        const bool summer = d.date.month() == 7 || d.date.month() == 8;
        if (WorkingCalendar::isPublicHoliday(d.date) || dow == 7 || (dow == 6 && summer))
            d.kind = DayPlan::Closed, d.weight = 0.04; // e-mails keep arriving
        else if (dow == 6)
            d.kind = DayPlan::Saturday, d.weight = 0.3;
        else
            d.weight = (dow == 1 ? 1.2 : 1.0) * (summer ? 0.75 : 1.0);
        totalWeight += d.weight;
        days.push_back(d);
    }

    qint64 written = 0;
    const auto progress = [&]() { return !tick || tick(written); };

    // ---- dossiers ---------------------------------------------------------------------
    QHash<QDate, QList<PendingDossierContact>> dossierContacts;
    const QList<DossierType>& typeList = types ? types->types() : QList<DossierType> {};
    if (dossierCount > 0 && !typeList.isEmpty() && !people.adults.isEmpty()) {
        struct Plan
        {
            int type;
            QDate opened;
            QTime time;
            qint64 citizen;
        };
        std::vector<Plan> plans;
        plans.reserve(std::size_t(dossierCount));
        std::vector<double> cumulative;
        double acc = 0;
        for (const DayPlan& d : days) {
            acc += d.kind == DayPlan::Working ? 1.0 : 0.0;
            cumulative.push_back(acc);
        }
        for (int i = 0; i < dossierCount; ++i) {
            const double x = random.unit() * acc;
            const std::size_t day
                = std::size_t(std::upper_bound(cumulative.begin(), cumulative.end(), x) - cumulative.begin());
            plans.push_back({ int(random.below(quint64(typeList.size()))),
                days[std::min(day, days.size() - 1)].date, randomTime(random, QTime(8, 45), QTime(17, 30)),
                people.adults.at(qsizetype(random.below(quint64(people.adults.size())))) });
        }
        std::stable_sort(plans.begin(), plans.end(), [](const Plan& a, const Plan& b) {
            return a.opened != b.opened ? a.opened < b.opened : a.time < b.time;
        });

        QHash<QPair<QString, int>, int> sequences;
        QSqlQuery last(db);
        if (!last.exec(u"SELECT type_id, year, last_value FROM dossier_sequences"_s))
            return writeError(last, tr("Lecture de la numérotation des dossiers impossible."));
        while (last.next())
            sequences.insert({ last.value(0).toString(), last.value(1).toInt() }, last.value(2).toInt());

        QSqlQuery insertDossier(db), insertDoc(db), insertEvent(db), upsertSeq(db);
        if (!insertDossier.prepare(
                u"INSERT INTO dossiers (type_id, reference, year, sequence, status, subject, service_id, "
                u"agent_id, opened_on, due_date, closed_at, citizen_id, created_at, updated_at, version) "
                u"VALUES (?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, ?, ?, ?, ?)"_s + dialect.returningId())
            || !insertDoc.prepare(
                u"INSERT INTO dossier_documents (dossier_id, position, label, required, state, "
                u"received_at, verified_at) VALUES (?, ?, ?, ?, ?, ?, ?)"_s)
            || !insertEvent.prepare(u"INSERT INTO dossier_events (dossier_id, at, agent_id, kind, text) "
                                    u"VALUES (?, ?, NULL, ?, ?)"_s)
            || !upsertSeq.prepare(
                u"INSERT INTO dossier_sequences (type_id, year, last_value) VALUES (?, ?, ?) "
                u"ON CONFLICT (type_id, year) DO UPDATE SET last_value = excluded.last_value"_s))
            return Error(
                ErrorCode::DatabaseError, tr("Préparation de l'enregistrement des dossiers impossible."));

        for (const Plan& p : plans) {
            const DossierType& type = typeList.at(p.type);
            const int year = p.opened.year();
            const int seq = ++sequences[{ type.id, year }];
            const QString number
                = u"%1-%2-%3"_s.arg(type.referencePrefix).arg(year).arg(seq, 6, 10, QLatin1Char('0'));
            // Walk the workflow: older dossiers have gone further.
            const int ageDays = int(p.opened.daysTo(referenceDate));
            QString status = type.workflow.initialState();
            QList<std::pair<QString, QString>> steps; // (from, to)
            QDateTime at(p.opened, p.time);
            QList<QDateTime> stepTimes;
            for (int guard = 0; guard < 12; ++guard) {
                const QList<WorkflowTransition> next = type.workflow.transitionsFrom(status);
                if (next.isEmpty() || !random.chance(ageDays > 60 ? 0.85 : 0.45))
                    break;
                const WorkflowTransition& t = next.at(qsizetype(random.below(quint64(next.size()))));
                at = at.addSecs(3600 * random.range(2, 24 * qMax(1, qMin(20, ageDays / 4 + 1))));
                if (at.date() > referenceDate)
                    break;
                steps.append({ status, t.to });
                stepTimes.append(at);
                status = t.to;
            }
            const bool closed = type.workflow.isFinal(status);
            const QDate due = type.deadline.dueDate(p.opened, calendar);
            const qint64 serviceId = reference.serviceIds.value(type.defaultServiceCode);
            const QVariant openedTs = dialect.toDbDateTime(QDateTime(p.opened, p.time));
            const QVariant lastTs
                = dialect.toDbDateTime(stepTimes.isEmpty() ? QDateTime(p.opened, p.time) : stepTimes.last());
            insertDossier.addBindValue(type.id);
            insertDossier.addBindValue(number);
            insertDossier.addBindValue(year);
            insertDossier.addBindValue(seq);
            insertDossier.addBindValue(status);
            insertDossier.addBindValue(type.label);
            insertDossier.addBindValue(sql::nullableId(serviceId));
            insertDossier.addBindValue(dialect.toDbDate(p.opened));
            insertDossier.addBindValue(
                due.isValid() ? dialect.toDbDate(due) : QVariant(QMetaType::fromType<QString>()));
            insertDossier.addBindValue(closed ? lastTs : QVariant(QMetaType::fromType<QString>()));
            insertDossier.addBindValue(p.citizen);
            insertDossier.addBindValue(openedTs);
            insertDossier.addBindValue(lastTs);
            insertDossier.addBindValue(1 + int(steps.size()));
            if (!insertDossier.exec())
                return writeError(
                    insertDossier, tr("Enregistrement d'un dossier de démonstration impossible."));
            const qint64 dossierId = dialect.insertedId(insertDossier);

            const double progressRatio = closed ? 1.0 : qMin(1.0, double(steps.size()) / 3.0);
            for (int i = 0; i < type.checklist.size(); ++i) {
                const double roll = random.unit();
                DocumentState state = DocumentState::Expected;
                if (roll < progressRatio * 0.8)
                    state = DocumentState::Verified;
                else if (roll < progressRatio)
                    state = DocumentState::Received;
                const QDateTime received
                    = QDateTime(p.opened, p.time).addSecs(60 * random.range(0, 60 * 24 * 5));
                insertDoc.addBindValue(dossierId);
                insertDoc.addBindValue(i);
                insertDoc.addBindValue(type.checklist.at(i).label);
                insertDoc.addBindValue(type.checklist.at(i).required);
                insertDoc.addBindValue(documentStateId(state));
                insertDoc.addBindValue(state != DocumentState::Expected
                        ? dialect.toDbDateTime(received)
                        : QVariant(QMetaType::fromType<QString>()));
                insertDoc.addBindValue(state == DocumentState::Verified
                        ? dialect.toDbDateTime(received.addSecs(3600))
                        : QVariant(QMetaType::fromType<QString>()));
                if (!insertDoc.exec())
                    return writeError(
                        insertDoc, tr("Enregistrement d'une pièce de démonstration impossible."));
            }
            QString createdText
                = tr("Dossier %1 créé (%2), statut « %3 ».")
                      .arg(number, type.label, type.workflow.label(type.workflow.initialState()));
            insertEvent.addBindValue(dossierId);
            insertEvent.addBindValue(openedTs);
            insertEvent.addBindValue(u"created"_s);
            insertEvent.addBindValue(createdText);
            if (!insertEvent.exec())
                return writeError(insertEvent, tr("Enregistrement de l'historique d'un dossier impossible."));
            for (int i = 0; i < steps.size(); ++i) {
                insertEvent.addBindValue(dossierId);
                insertEvent.addBindValue(dialect.toDbDateTime(stepTimes.at(i)));
                insertEvent.addBindValue(u"status"_s);
                insertEvent.addBindValue(tr("Statut : « %1 » → « %2 ».")
                                             .arg(type.workflow.label(steps.at(i).first),
                                                 type.workflow.label(steps.at(i).second)));
                if (!insertEvent.exec())
                    return writeError(
                        insertEvent, tr("Enregistrement de l'historique d'un dossier impossible."));
            }
            dossierContacts[p.opened].append({ dossierId, p.citizen, serviceId, p.time });
            ++counts.dossiers;
            ++written;
            if (written % 500 == 0 && !progress())
                return Error(
                    ErrorCode::InvalidArgument, tr("Génération des données de démonstration interrompue."));
        }
        for (auto it = sequences.cbegin(); it != sequences.cend(); ++it) {
            upsertSeq.addBindValue(it.key().first);
            upsertSeq.addBindValue(it.key().second);
            upsertSeq.addBindValue(it.value());
            if (!upsertSeq.exec())
                return writeError(upsertSeq, tr("Mise à jour de la numérotation des dossiers impossible."));
        }
    }

    // ---- contacts -----------------------------------------------------------------------
    if (contactCount <= 0)
        return counts;
    Picker pick(random, reference, people);
    QSqlQuery insert(db);
    if (!insert.prepare(
            u"INSERT INTO contacts (channel, direction, started_at, ended_at, agent_id, service_id, "
            u"motive_theme_id, summary, outcome, oriented_service_id, dossier_id, callback_due_at, "
            u"citizen_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s))
        return writeError(insert, tr("Préparation de l'enregistrement des contacts impossible."));

    const QVariant nullId(QMetaType::fromType<qint64>());
    const QVariant nullText(QMetaType::fromType<QString>());
    double cumulative = 0;
    qint64 emitted = 0;
    std::vector<ContactRow> rows;
    for (const DayPlan& day : days) {
        cumulative += day.weight;
        const qint64 target = qint64(double(contactCount) * cumulative / totalWeight + 0.5);
        const qint64 quota
            = (&day == &days.back() ? qint64(contactCount) : qMin<qint64>(target, contactCount)) - emitted;
        if (quota <= 0)
            continue;
        rows.clear();
        rows.reserve(std::size_t(quota));
        const QList<PendingDossierContact> opened = dossierContacts.value(day.date);
        for (const PendingDossierContact& p : opened) {
            if (qint64(rows.size()) >= quota)
                break;
            rows.push_back({ p.time, ContactChannel::Visite, p.dossierId, p.citizenId, p.serviceId });
        }
        const bool thursday = day.date.dayOfWeek() == 4;
        while (qint64(rows.size()) < quota) {
            ContactRow row;
            if (day.kind == DayPlan::Closed) {
                row.channel = ContactChannel::Courriel;
            } else {
                const double c = random.unit();
                row.channel = c < 0.45 ? ContactChannel::Telephone
                    : c < 0.80         ? ContactChannel::Visite
                    : c < 0.95         ? ContactChannel::Courriel
                                       : ContactChannel::Courrier;
            }
            const QTime close
                = day.kind == DayPlan::Saturday ? QTime(12, 0) : (thursday ? QTime(19, 0) : QTime(18, 0));
            switch (row.channel) {
            case ContactChannel::Visite:
            case ContactChannel::Telephone:
                row.time = randomTime(random, QTime(8, 30), close.addSecs(-120));
                break;
            case ContactChannel::Courriel:
                row.time = randomTime(random, QTime(6, 0), QTime(23, 30));
                break;
            case ContactChannel::Courrier:
                row.time = randomTime(random, QTime(9, 0), QTime(11, 45));
                break;
            }
            rows.push_back(row);
        }
        std::stable_sort(rows.begin(), rows.end(),
            [](const ContactRow& a, const ContactRow& b) { return a.time < b.time; });

        for (const ContactRow& row : rows) {
            const DemoReference::Motive* motive = pick.motive();
            const qint64 agent = pick.agent(row.channel);
            qint64 service = row.forcedService ? row.forcedService : pick.serviceOf(agent);
            if (service == 0)
                service = pick.iris();
            const qint64 citizen = row.dossierId ? row.citizenId : pick.citizen();
            const QDateTime start(day.date, row.time);
            int minutes = 1;
            switch (row.channel) {
            case ContactChannel::Visite:
                minutes = random.range(3, 25);
                break;
            case ContactChannel::Telephone:
                minutes = random.range(1, 12);
                break;
            case ContactChannel::Courriel:
                minutes = random.range(2, 15);
                break;
            case ContactChannel::Courrier:
                minutes = random.range(5, 20);
                break;
            }
            const QDateTime end = start.addSecs(60 * minutes + int(random.below(60)));
            ContactOutcome outcome = ContactOutcome::Repondu;
            qint64 oriented = 0;
            QDateTime callback;
            if (row.dossierId) {
                outcome = ContactOutcome::DossierCree;
            } else {
                const double o = random.unit();
                if (o < 0.62) {
                    outcome = ContactOutcome::Repondu;
                } else if (o < 0.84) {
                    outcome = ContactOutcome::Oriente;
                    oriented = motive && motive->defaultServiceId && motive->defaultServiceId != pick.iris()
                        ? motive->defaultServiceId
                        : pick.anyService();
                    if (oriented == 0)
                        outcome = ContactOutcome::Repondu;
                } else if (o < 0.93) {
                    outcome = ContactOutcome::RendezVous;
                } else {
                    outcome = ContactOutcome::RappelPrevu;
                    callback = QDateTime(calendar.addWorkingDays(day.date, random.range(1, 3)), QTime(10, 0));
                }
            }
            const bool outgoing = outcome == ContactOutcome::Repondu
                && (row.channel == ContactChannel::Telephone || row.channel == ContactChannel::Courriel)
                && random.chance(0.08);
            const auto summaries = contactSummaries(motive ? motive->topCode : QString());
            insert.addBindValue(contactChannelId(row.channel));
            insert.addBindValue(outgoing ? u"sortant"_s : u"entrant"_s);
            insert.addBindValue(dialect.toDbDateTime(start));
            const QVariant endTs = dialect.toDbDateTime(end);
            insert.addBindValue(endTs);
            insert.addBindValue(agent ? QVariant(agent) : nullId);
            insert.addBindValue(service ? QVariant(service) : nullId);
            insert.addBindValue(motive ? QVariant(motive->id) : nullId);
            insert.addBindValue(QString::fromUtf8(summaries[random.below(summaries.size())]));
            insert.addBindValue(contactOutcomeId(outcome));
            insert.addBindValue(oriented ? QVariant(oriented) : nullId);
            insert.addBindValue(row.dossierId ? QVariant(row.dossierId) : nullId);
            insert.addBindValue(callback.isValid() ? dialect.toDbDateTime(callback) : nullText);
            insert.addBindValue(citizen ? QVariant(citizen) : nullId);
            insert.addBindValue(endTs);
            if (!insert.exec())
                return writeError(insert, tr("Enregistrement d'un contact de démonstration impossible."));
            ++counts.contacts;
            ++written;
            if (written % 2000 == 0 && !progress())
                return Error(
                    ErrorCode::InvalidArgument, tr("Génération des données de démonstration interrompue."));
        }
        emitted += qint64(rows.size());
    }
    if (!progress())
        return Error(ErrorCode::InvalidArgument, tr("Génération des données de démonstration interrompue."));
    return counts;
}

} // namespace iris::demo
