// iris-cli counter …: the queue from outside the desk — a kiosk issuing tickets, a script or a
// load test driving desks, a display or a supervisor's tool following the events.
#include "core/cli/CommandParser.h"
#include "core/cli/SiteDatabase.h"
#include "core/modules/ModuleContext.h"
#include "core/services/AgentService.h"
#include "core/services/CoreServices.h"
#include "core/storage/ChangeFeed.h"
#include "core/storage/Database.h"
#include "core/storage/Dialect.h"
#include "modules/accueil/cli/AccueilCli.h"
#include "modules/accueil/counter/CounterSetup.h"
#include "modules/accueil/counter/QueueService.h"
#include "modules/accueil/counter/VisitService.h"
#include "modules/accueil/shared/MotiveCatalog.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QSqlQuery>
#include <QThread>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace iris::accueil {

using namespace iris::cli;

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("iris::accueil::CounterCommands", text);
}

int fail(CliIO& io, const Error& error)
{
    printError(io.err, error);
    return ExitFailure;
}

QString isoUtc(const QDateTime& at)
{
    return at.isValid() ? at.toUTC().toString(Qt::ISODateWithMs) : QString();
}

QJsonObject ticketJson(const Ticket& t, const QString& categoryPrefix, int deskNumber)
{
    QJsonObject o { { u"id"_s, t.id }, { u"number"_s, t.number }, { u"label"_s, t.label },
        { u"category"_s, categoryPrefix }, { u"priority"_s, t.priority > 0 },
        { u"status"_s, ticketStatusId(t.status) }, { u"issued_at"_s, isoUtc(t.issuedAt) } };
    if (t.calledAt.isValid()) {
        o.insert(u"called_at"_s, isoUtc(t.calledAt));
        o.insert(u"desk"_s, deskNumber);
    }
    return o;
}

/// Parses --help, --database and --json (and what `more` adds); an exit code when it must stop.
std::optional<int> parse(
    CommandParser& parser, const QStringList& args, CliIO& io, Result<DatabaseConfig>& config)
{
    parser.addHelpOption();
    parser.addOption(databaseOption());
    parser.addOption({ u"json"_s, tr("Résultat en JSON.") });
    if (!parser.parse(args)) {
        io.err << parser.errorText() << '\n';
        return ExitUsage;
    }
    if (parser.isSet(u"help"_s)) {
        io.out << parser.helpText();
        return ExitOk;
    }
    config = databaseConfig(parser);
    if (!config) {
        io.err << config.error().message() << '\n';
        return ExitUsage;
    }
    return std::nullopt;
}

int issue(ModuleContext& context, const QStringList& args, CliIO& io)
{
    CommandParser parser;
    parser.setApplicationDescription(
        tr("Émet des tickets de la file du jour, comme la borne d'accueil, et les "
           "affiche (tableau JSON avec --json)."));
    parser.addOption({ u"category"_s, tr("Lettre de la catégorie (A, B…)."), tr("LETTRE") });
    parser.addOption({ u"priority"_s, tr("Ticket prioritaire (PMR, grossesse…).") });
    parser.addOption({ u"count"_s, tr("Nombre de tickets (1 par défaut, 1 000 au plus)."), tr("N"), u"1"_s });
    Result<DatabaseConfig> config = Error();
    if (const std::optional<int> rc = parse(parser, args, io, config))
        return *rc;
    const QString letter = parser.value(u"category"_s).trimmed().toUpper();
    bool ok = false;
    const int count = parser.value(u"count"_s).trimmed().toInt(&ok);
    if (letter.isEmpty() || !ok || count < 1 || count > 1000) {
        io.err << tr("Indiquez la catégorie avec --category LETTRE et un nombre de 1 à 1 000 avec --count N.")
               << '\n';
        return ExitUsage;
    }
    const Result<std::shared_ptr<Database>> db = cli_detail::openAndMigrate(context, *config);
    if (!db)
        return fail(io, db.error());
    // The kiosk issues as the system account (the audit trail says "système").
    CoreServices services(*db, Session::system(context.permissions), context.dossierTypes);
    const Result<QList<TicketCategory>> categories = CounterSetup(services).categories();
    if (!categories)
        return fail(io, categories.error());
    qint64 categoryId = 0;
    for (const TicketCategory& c : *categories)
        if (c.prefix == letter)
            categoryId = c.id;
    if (categoryId == 0) {
        QStringList known;
        for (const TicketCategory& c : *categories)
            known << c.prefix;
        io.err << tr("Aucune catégorie active « %1 » (catégories : %2).").arg(letter, known.join(u", "_s))
               << '\n';
        return ExitFailure;
    }
    QueueService queue(services);
    QJsonArray issued;
    for (int i = 0; i < count; ++i) {
        QueueService::IssueRequest request;
        request.categoryId = categoryId;
        request.priority = parser.isSet(u"priority"_s) ? 1 : 0;
        const Result<Ticket> t = queue.issue(request);
        if (!t)
            return fail(io, t.error());
        issued.append(ticketJson(*t, letter, 0));
        if (!parser.isSet(u"json"_s))
            io.out
                << tr("Ticket %1 émis à %2").arg(t->label, t->issuedAt.toLocalTime().toString(u"HH:mm:ss"_s))
                << '\n';
    }
    if (parser.isSet(u"json"_s))
        io.out << QString::fromUtf8(QJsonDocument(issued).toJson(QJsonDocument::Compact)) << '\n';
    return ExitOk;
}

int callNext(ModuleContext& context, const QStringList& args, CliIO& io)
{
    CommandParser parser;
    parser.setApplicationDescription(
        tr("Au guichet N : clôt comme servi le ticket que ce guichet traite, s'il y en a un, puis appelle le "
           "suivant de la file (objet JSON, ou null quand personne n'attend)."));
    parser.addOption({ u"desk"_s, tr("Numéro du guichet."), tr("N") });
    parser.addOption({ u"agent"_s, tr("Identifiant de l'agent au guichet."), tr("IDENTIFIANT") });
    Result<DatabaseConfig> config = Error();
    if (const std::optional<int> rc = parse(parser, args, io, config))
        return *rc;
    bool ok = false;
    const int deskNumber = parser.value(u"desk"_s).trimmed().toInt(&ok);
    const QString login = parser.value(u"agent"_s).trimmed();
    if (!ok || deskNumber < 1 || login.isEmpty()) {
        io.err << tr("Indiquez le guichet avec --desk N et l'agent avec --agent IDENTIFIANT.") << '\n';
        return ExitUsage;
    }
    const Result<std::shared_ptr<Database>> db = cli_detail::openAndMigrate(context, *config);
    if (!db)
        return fail(io, db.error());
    CoreServices system(*db, Session::system(context.permissions), context.dossierTypes);
    const Result<Agent> agent = system.agents().findByLogin(login);
    if (!agent || !agent->active) {
        io.err << tr("Aucun agent actif « %1 ».").arg(login) << '\n';
        return ExitFailure;
    }
    const Result<QList<Desk>> desks = CounterSetup(system).desks();
    if (!desks)
        return fail(io, desks.error());
    qint64 deskId = 0;
    for (const Desk& d : *desks)
        if (d.number == deskNumber)
            deskId = d.id;
    if (deskId == 0) {
        io.err << tr("Aucun guichet actif n° %1.").arg(deskNumber) << '\n';
        return ExitFailure;
    }
    AgentIdentity identity;
    identity.id = agent->id;
    identity.login = agent->login;
    identity.displayName = agent->displayName;
    identity.role = agent->role;
    identity.serviceId = agent->serviceId;
    CoreServices services(*db, Session(identity, context.permissions), context.dossierTypes);
    QueueService queue(services);
    VisitService visits(services);

    // The visit in progress at this desk ends as served (its category's motive, else the first
    // motive of the catalogue, when the agent gave none).
    const Result<QList<Ticket>> current = queue.atDesk(deskId);
    if (!current)
        return fail(io, current.error());
    for (Ticket t : *current) {
        if (t.motiveIds.isEmpty()) {
            qint64 motive = 0;
            if (const Result<TicketCategory> c = CounterSetup(services).category(t.categoryId); c)
                motive = c->motiveThemeId;
            if (motive == 0) {
                const Result<MotiveCatalog> catalog = MotiveCatalog::load(services);
                if (catalog)
                    for (const MotiveCatalog::Entry& e : catalog->entries())
                        if (motive == 0 && e.leaf && e.theme.active)
                            motive = e.theme.id;
            }
            const Result<Ticket> set = visits.setMotives(t.id, t.version, { motive });
            if (!set)
                return fail(io, set.error());
            t = *set;
        }
        const Result<Ticket> closed = visits.close(t.id, t.version, {});
        if (!closed)
            return fail(io, closed.error());
    }
    const Result<std::optional<Ticket>> called = queue.callNext(deskId);
    if (!called)
        return fail(io, called.error());
    QString prefix;
    if (*called) {
        if (const Result<TicketCategory> c = CounterSetup(services).category((*called)->categoryId); c)
            prefix = c->prefix;
    }
    if (parser.isSet(u"json"_s)) {
        io.out << (*called ? QString::fromUtf8(
                       QJsonDocument(ticketJson(**called, prefix, deskNumber)).toJson(QJsonDocument::Compact))
                           : u"null"_s)
               << '\n';
    } else {
        io.out << (*called ? tr("Guichet %1 : ticket %2").arg(deskNumber).arg((*called)->label)
                           : tr("Guichet %1 : personne n'attend.").arg(deskNumber))
               << '\n';
    }
    return ExitOk;
}

QString eventName(const QString& kind)
{
    // The events of accueil_ticket_events, in the words of the issue's scripts.
    static const QHash<QString, QString> names {
        { u"emission"_s, u"issued"_s },
        { u"appel"_s, u"called"_s },
        { u"rappel"_s, u"recalled"_s },
        { u"debut"_s, u"started"_s },
        { u"cloture"_s, u"served"_s },
        { u"pause"_s, u"held"_s },
        { u"transfert"_s, u"transferred"_s },
        { u"absent"_s, u"absent"_s },
        { u"parti"_s, u"left"_s },
        { u"motifs"_s, u"motives"_s },
        { u"usager"_s, u"citizen"_s },
    };
    return names.value(kind, kind);
}

int watch(ModuleContext& context, const QStringList& args, CliIO& io)
{
    CommandParser parser;
    parser.setApplicationDescription(tr(
        "Affiche chaque événement de la file (émission, appel, début, clôture…) au moment où il se produit, "
        "une ligne JSON par événement avec --json, jusqu'à interruption (Ctrl+C). Une connexion perdue est "
        "rétablie et l'affichage reprend où il s'était arrêté."));
    parser.addOption(
        { u"interval"_s, tr("Période de lecture en millisecondes (200 par défaut)."), tr("MS"), u"200"_s });
    parser.addOption({ u"from-start"_s, tr("Affiche d'abord les événements du jour déjà passés.") });
    Result<DatabaseConfig> config = Error();
    if (const std::optional<int> rc = parse(parser, args, io, config))
        return *rc;
    const int interval = qBound(20, parser.value(u"interval"_s).toInt(), 10000);
    const Result<std::shared_ptr<Database>> db = cli_detail::openAndMigrate(context, *config);
    if (!db)
        return fail(io, db.error());
    const Dialect& d = (*db)->dialect();
    qint64 last = 0;
    auto read = [&](const QString& sql, const QVariantMap& binds) -> Result<QSqlQuery> {
        QSqlDatabase c = (*db)->connection();
        QSqlQuery q(c);
        if (!q.prepare(sql))
            return Database::classify(q.lastError(), tr("lecture de la file"));
        for (auto it = binds.cbegin(); it != binds.cend(); ++it)
            q.bindValue(it.key(), it.value());
        if (!q.exec())
            return Database::classify(q.lastError(), tr("lecture de la file"));
        return q;
    };
    if (!parser.isSet(u"from-start"_s)) {
        Result<QSqlQuery> q = read(u"SELECT COALESCE(MAX(id), 0) FROM accueil_ticket_events"_s, {});
        if (!q)
            return fail(io, q.error());
        last = q->next() ? q->value(0).toLongLong() : 0;
    }
    // Woken by the change feed (PostgreSQL LISTEN/NOTIFY, SQLite data_version), and at least
    // every interval (every 2 s on a server, whose notifications make polling needless).
    ChangeFeed::Options feedOptions;
    feedOptions.pollIntervalMs = interval;
    const std::shared_ptr<ChangeFeed> feed = ChangeFeed::shared(*db, feedOptions);
    QEventLoop loop;
    QTimer timer;
    timer.setSingleShot(true);
    QObject::connect(&timer, &QTimer::timeout, &loop, &QEventLoop::quit);
    QObject::connect(feed.get(), &ChangeFeed::changed, &loop, &QEventLoop::quit);

    // On PostgreSQL, ids are handed out when a row is written, not when it is committed: an
    // event of a longer transaction may appear after one with a higher id. Events are read
    // again from a floor that trails the newest one by 30 s (no write transaction lasts that
    // long: idle_in_transaction_session_timeout is 60 s and a unit of work takes milliseconds),
    // and those already printed are skipped.
    qint64 floor = last;
    QSet<qint64> printed;
    QList<std::pair<QDateTime, qint64>> marks;  // (when, newest id then) to move the floor on
    bool reported = false;
    for (;;) {
        Result<QSqlQuery> q
            = read(u"SELECT e.id, e.kind, e.at, t.id, t.number, t.label, COALESCE(k.prefix, ''), "
                   u"COALESCE(dk.number, 0) "
                   u"FROM accueil_ticket_events e JOIN accueil_tickets t ON t.id = e.ticket_id "
                   u"LEFT JOIN accueil_ticket_categories k ON k.id = t.category_id "
                   u"LEFT JOIN accueil_desks dk ON dk.id = e.desk_id "
                   u"WHERE e.id > :floor ORDER BY e.id LIMIT 2000"_s,
                { { u":floor"_s, floor } });
        if (!q) {
            // The server restarting or the network dropping: say it once, keep trying; the
            // position is kept, so nothing is skipped once the connection is back.
            if (!reported)
                io.err << tr("Connexion au serveur perdue — nouvelle tentative…") << '\n';
            io.err.flush();
            reported = true;
            QThread::msleep(500);
            continue;
        }
        if (reported) {
            io.err << tr("Connexion rétablie.") << '\n';
            io.err.flush();
            reported = false;
        }
        while (q->next()) {
            const qint64 id = q->value(0).toLongLong();
            if (printed.contains(id))
                continue;
            printed.insert(id);
            last = std::max(last, id);
            const QDateTime at = d.fromDbDateTime(q->value(2));
            if (parser.isSet(u"json"_s)) {
                QJsonObject o { { u"event"_s, eventName(q->value(1).toString()) },
                    { u"ticket_id"_s, q->value(3).toLongLong() }, { u"number"_s, q->value(4).toInt() },
                    { u"label"_s, q->value(5).toString() }, { u"category"_s, q->value(6).toString() },
                    { u"at"_s, isoUtc(at) } };
                if (q->value(7).toInt() > 0)
                    o.insert(u"desk"_s, q->value(7).toInt());
                io.out << QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact)) << '\n';
            } else {
                io.out << at.toLocalTime().toString(u"HH:mm:ss"_s) << ' ' << q->value(5).toString() << ' '
                       << eventName(q->value(1).toString()) << '\n';
            }
        }
        io.out.flush();
        const QDateTime now = QDateTime::currentDateTimeUtc();
        if (!(*db)->isServer()) {
            floor = last;  // SQLite commits one writer at a time, in id order
            printed.clear();
        } else {
            marks.append({now, last});
            while (!marks.isEmpty() && marks.constFirst().first.secsTo(now) >= 30) {
                floor = std::max(floor, marks.constFirst().second);
                marks.removeFirst();
            }
            printed.removeIf([floor](qint64 id) { return id <= floor; });
        }
        timer.start((*db)->isServer() && feed->isConnected() ? std::max(interval, 2000) : interval);
        loop.exec();
    }
}

} // namespace

void cli_detail::addCounterCommands(QList<CliCommand>& commands, ModuleContext& context)
{
    commands.append({ u"counter"_s, u"issue"_s, tr("émet des tickets de la file (borne)"),
        [&context](const QStringList& args, CliIO& io) { return issue(context, args, io); } });
    commands.append({ u"counter"_s, u"call-next"_s, tr("clôt le ticket du guichet et appelle le suivant"),
        [&context](const QStringList& args, CliIO& io) { return callNext(context, args, io); } });
    commands.append({ u"counter"_s, u"watch"_s, tr("suit les événements de la file en direct"),
        [&context](const QStringList& args, CliIO& io) { return watch(context, args, io); } });
}

} // namespace iris::accueil
