// iris-cli db …: create, upgrade and inspect a site's schema (core and every module found),
// on a SQLite file or the shared PostgreSQL database.
#include "CliCommand.h"
#include "CliModules.h"
#include "core/cli/CommandParser.h"
#include "core/cli/SiteDatabase.h"
#include "core/storage/Database.h"
#include "core/storage/Dialect.h"
#include "core/storage/SiteCopy.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <optional>

using namespace Qt::StringLiterals;

namespace iris::cli {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("iris::cli::DbCommands", text);
}

struct OwnerState
{
    QString owner;
    int installed = 0;
    int latest = 0; ///< -1: an owner this iris-cli does not know (module not installed here)
    QList<std::pair<int, QString>> pending;
};

QString stateOf(const OwnerState& o)
{
    if (o.latest < 0)
        return u"unknown"_s;
    if (o.installed > o.latest)
        return u"newer"_s;
    return o.installed == o.latest ? u"up-to-date"_s : u"pending"_s;
}

/// Every owner registered here or recorded in the database, by name.
Result<QList<OwnerState>> ownerStates(const Database& db, const MigrationRunner& migrations)
{
    const Result<QList<std::pair<QString, int>>> installed = MigrationRunner::installedVersions(db);
    if (!installed)
        return installed.error();
    QMap<QString, OwnerState> byName;
    for (const QString& owner : migrations.owners()) {
        OwnerState& o = byName[owner];
        o.owner = owner;
        o.latest = migrations.latestVersion(owner);
    }
    for (const auto& [owner, version] : *installed) {
        OwnerState& o = byName[owner];
        if (o.owner.isEmpty()) {
            o.owner = owner;
            o.latest = -1;
        }
        o.installed = version;
    }
    QList<OwnerState> out;
    for (OwnerState& o : byName) {
        if (o.latest >= 0)
            for (const auto& step : migrations.steps(o.owner))
                if (step.first > o.installed)
                    o.pending.append(step);
        out.append(o);
    }
    return out;
}

QJsonObject toJson(const OwnerState& o)
{
    QJsonArray pending;
    for (const auto& [version, description] : o.pending)
        pending.append(QJsonObject { { u"version"_s, version }, { u"description"_s, description } });
    return QJsonObject { { u"owner"_s, o.owner }, { u"installed"_s, o.installed },
        { u"latest"_s, o.latest < 0 ? QJsonValue(QJsonValue::Null) : QJsonValue(o.latest) },
        { u"state"_s, stateOf(o) }, { u"pending"_s, pending } };
}

QString describe(const OwnerState& o)
{
    const QString state = stateOf(o);
    if (state == u"unknown"_s)
        return tr("%1 : version %2 (module absent de ce poste)").arg(o.owner).arg(o.installed);
    if (state == u"newer"_s)
        return tr("%1 : version %2, plus récente que celle connue ici (%3)")
            .arg(o.owner)
            .arg(o.installed)
            .arg(o.latest);
    if (state == u"up-to-date"_s)
        return tr("%1 : version %2, à jour").arg(o.owner).arg(o.installed);
    QStringList steps;
    for (const auto& [version, description] : o.pending)
        steps << tr("%1 (%2)").arg(version).arg(description);
    return tr("%1 : version %2 sur %3 ; en attente : %4")
        .arg(o.owner)
        .arg(o.installed)
        .arg(o.latest)
        .arg(steps.join(u", "_s));
}

struct Common
{
    Result<DatabaseConfig> config = Error();
    bool json = false;
    QString modulesDir;
};

/// Parses the options every `db` command shares; returns an exit code when it must stop.
std::optional<int> parseCommon(CommandParser& parser, const QStringList& args, CliIO& io, Common& out)
{
    parser.addHelpOption();
    parser.addOption(databaseOption());
    parser.addOption({ u"json"_s, tr("Résultat en JSON.") });
    parser.addOption(
        { u"modules-dir"_s, tr("Dossier des modules (défaut : celui de l'installation)."), tr("dossier") });
    if (!parser.parse(args)) {
        io.err << parser.errorText() << '\n';
        return ExitUsage;
    }
    if (parser.isSet(u"help"_s)) {
        io.out << parser.helpText();
        return ExitOk;
    }
    if (!parser.positionalArguments().isEmpty()) {
        io.err << tr("Argument inattendu : « %1 ».").arg(parser.positionalArguments().first()) << '\n';
        return ExitUsage;
    }
    out.config = databaseConfig(parser);
    if (!out.config) {
        io.err << out.config.error().message() << '\n';
        return ExitUsage;
    }
    out.json = parser.isSet(u"json"_s);
    out.modulesDir = parser.value(u"modules-dir"_s);
    return std::nullopt;
}

QJsonObject report(const Database& db, const QList<OwnerState>& owners)
{
    QJsonArray list;
    bool upToDate = true;
    for (const OwnerState& o : owners) {
        list.append(toJson(o));
        upToDate = upToDate && stateOf(o) != u"pending"_s && stateOf(o) != u"newer"_s;
    }
    return QJsonObject { { u"database"_s, db.config().target() }, { u"engine"_s, db.dialect().name() },
        { u"upToDate"_s, upToDate }, { u"owners"_s, list } };
}

int migrate(const QStringList& args, CliIO& io)
{
    CommandParser parser;
    parser.setApplicationDescription(
        tr("Crée ou met à jour le schéma de la base (le socle et chaque module trouvé), étape par étape, "
           "chacune dans sa transaction. Une base enregistrée par une version plus récente est refusée sans "
           "être modifiée."));
    Common common;
    if (const std::optional<int> rc = parseCommon(parser, args, io, common))
        return *rc;
    const Result<std::shared_ptr<Database>> db = openSite(*common.config, { .createIfMissing = true });
    if (!db) {
        printError(io.err, db.error());
        return ExitFailure;
    }
    CliModules modules;
    modules.load(*db, common.modulesDir);
    const Result<QList<OwnerState>> before = ownerStates(**db, modules.migrations());
    if (!before) {
        printError(io.err, before.error());
        return ExitFailure;
    }
    if (const Result<void> r = modules.migrations().run(**db); !r) {
        printError(io.err, r.error());
        return ExitFailure;
    }
    const Result<QList<OwnerState>> after = ownerStates(**db, modules.migrations());
    if (!after) {
        printError(io.err, after.error());
        return ExitFailure;
    }
    int applied = 0;
    QJsonArray changes;
    for (const OwnerState& b : *before) {
        for (const OwnerState& a : *after) {
            if (a.owner == b.owner && a.installed != b.installed) {
                applied += a.installed - b.installed;
                changes.append(QJsonObject {
                    { u"owner"_s, a.owner }, { u"from"_s, b.installed }, { u"to"_s, a.installed } });
            }
        }
    }
    if (common.json) {
        QJsonObject out = report(**db, *after);
        out.insert(u"applied"_s, applied);
        out.insert(u"changes"_s, changes);
        io.out << QString::fromUtf8(QJsonDocument(out).toJson(QJsonDocument::Compact)) << '\n';
    } else {
        io.out << tr("Base : %1").arg((*db)->describe()) << '\n';
        for (const OwnerState& o : *after)
            io.out << describe(o) << '\n';
        io.out << tr("Étapes appliquées : %1").arg(applied) << '\n';
    }
    return ExitOk;
}

int status(const QStringList& args, CliIO& io)
{
    CommandParser parser;
    parser.setApplicationDescription(
        tr("Affiche la version du schéma de chaque propriétaire (le socle et les modules) et les étapes en "
           "attente, sans rien modifier."));
    Common common;
    if (const std::optional<int> rc = parseCommon(parser, args, io, common))
        return *rc;
    DatabaseConfig config = *common.config;
    config.readOnly = true;
    const Result<std::shared_ptr<Database>> db = openSite(config);
    if (!db) {
        printError(io.err, db.error());
        return ExitFailure;
    }
    CliModules modules;
    modules.load(*db, common.modulesDir);
    const Result<QList<OwnerState>> owners = ownerStates(**db, modules.migrations());
    if (!owners) {
        printError(io.err, owners.error());
        return ExitFailure;
    }
    if (common.json) {
        io.out << QString::fromUtf8(QJsonDocument(report(**db, *owners)).toJson(QJsonDocument::Compact))
               << '\n';
    } else {
        io.out << tr("Base : %1").arg((*db)->describe()) << '\n';
        for (const OwnerState& o : *owners)
            io.out << describe(o) << '\n';
    }
    return ExitOk;
}

int copy(const QStringList& args, CliIO& io)
{
    CommandParser parser;
    parser.setApplicationDescription(
        tr("Copie tout un site d'une base à une autre (typiquement le fichier SQLite d'un poste vers la base "
           "PostgreSQL partagée), sans perte : chaque table, chaque ligne et ses identifiants, en une seule "
           "transaction. La destination doit être vide ; le bilan donne, table par table, le nombre de "
           "lignes et "
           "une somme de contrôle des deux côtés."));
    parser.addHelpOption();
    parser.addOption(
        { u"from"_s, tr("Base d'origine (fichier SQLite ou adresse postgresql://…)."), tr("CIBLE") });
    parser.addOption({ u"to"_s, tr("Base de destination, vide (adresse postgresql://… ou fichier SQLite)."),
        tr("CIBLE") });
    parser.addOption({ u"json"_s, tr("Bilan en JSON.") });
    parser.addOption(
        { u"modules-dir"_s, tr("Dossier des modules (défaut : celui de l'installation)."), tr("dossier") });
    if (!parser.parse(args)) {
        io.err << parser.errorText() << '\n';
        return ExitUsage;
    }
    if (parser.isSet(u"help"_s)) {
        io.out << parser.helpText();
        return ExitOk;
    }
    if (parser.value(u"from"_s).trimmed().isEmpty() || parser.value(u"to"_s).trimmed().isEmpty()) {
        io.err << tr("Indiquez la base d'origine avec --from CIBLE et la destination avec --to CIBLE.")
               << '\n';
        return ExitUsage;
    }
    Result<DatabaseConfig> fromConfig = DatabaseConfig::fromTarget(parser.value(u"from"_s));
    Result<DatabaseConfig> toConfig = DatabaseConfig::fromTarget(parser.value(u"to"_s));
    if (!fromConfig || !toConfig) {
        io.err << (fromConfig ? toConfig.error() : fromConfig.error()).message() << '\n';
        return ExitUsage;
    }
    if (fromConfig->driver == DatabaseConfig::Driver::Sqlite)
        fromConfig->path = QFileInfo(fromConfig->path).absoluteFilePath();
    if (toConfig->driver == DatabaseConfig::Driver::Sqlite)
        toConfig->path = QFileInfo(toConfig->path).absoluteFilePath();
    if (fromConfig->target() == toConfig->target()) {
        io.err << tr("L'origine et la destination sont la même base.") << '\n';
        return ExitUsage;
    }
    fromConfig->readOnly = true;
    const Result<std::shared_ptr<Database>> source = openSite(*fromConfig);
    if (!source) {
        printError(io.err, source.error());
        return ExitFailure;
    }
    CliModules modules;
    modules.load(*source, parser.value(u"modules-dir"_s));
    const Result<QList<OwnerState>> states = ownerStates(**source, modules.migrations());
    if (!states) {
        printError(io.err, states.error());
        return ExitFailure;
    }
    for (const OwnerState& o : *states) {
        if (stateOf(o) != u"up-to-date"_s) {
            io.err << tr("La base d'origine n'est pas au niveau de ce poste (%1) : mettez-la à jour "
                         "(iris-cli db migrate) ou installez le module manquant. Rien n'a été copié.")
                          .arg(describe(o))
                   << '\n';
            return ExitFailure;
        }
    }
    const Result<std::shared_ptr<Database>> target = openSite(*toConfig, { .createIfMissing = true });
    if (!target) {
        printError(io.err, target.error());
        return ExitFailure;
    }
    const Result<bool> empty = SiteCopy::isEmpty(**target);
    if (!empty) {
        printError(io.err, empty.error());
        return ExitFailure;
    }
    if (!*empty) {
        io.err << tr("La base de destination « %1 » n'est pas vide : rien n'a été copié. Indiquez une base "
                     "nouvelle (voir « Site partagé » dans le README).")
                      .arg((*target)->config().target())
               << '\n';
        return ExitFailure;
    }
    if (const Result<void> r = modules.migrations().run(**target); !r) {
        printError(io.err, r.error());
        return ExitFailure;
    }
    const Result<SiteCopyReport> report = SiteCopy::run(**source, **target);
    if (!report) {
        printError(io.err, report.error());
        return ExitFailure;
    }
    const double seconds = double(report->elapsedMs) / 1000.0;
    const qint64 perSecond = seconds > 0 ? qint64(double(report->rows) / seconds) : report->rows;
    if (parser.isSet(u"json"_s)) {
        QJsonArray tables;
        for (const TableCopyReport& t : report->tables)
            tables.append(QJsonObject { { u"table"_s, t.table }, { u"sourceRows"_s, t.sourceRows },
                { u"targetRows"_s, t.targetRows }, { u"sourceChecksum"_s, t.sourceChecksum },
                { u"targetChecksum"_s, t.targetChecksum }, { u"match"_s, t.matches() } });
        const QJsonObject out { { u"from"_s, (*source)->config().target() },
            { u"to"_s, (*target)->config().target() }, { u"fromEngine"_s, (*source)->dialect().name() },
            { u"toEngine"_s, (*target)->dialect().name() }, { u"tables"_s, tables },
            { u"rows"_s, report->rows }, { u"seconds"_s, seconds }, { u"rowsPerSecond"_s, perSecond },
            { u"ok"_s, report->ok() } };
        io.out << QString::fromUtf8(QJsonDocument(out).toJson(QJsonDocument::Compact)) << '\n';
    } else {
        io.out << tr("Origine : %1").arg((*source)->describe()) << '\n'
               << tr("Destination : %1").arg((*target)->describe()) << '\n';
        for (const TableCopyReport& t : report->tables)
            io.out << tr("%1 : %2 → %3 lignes, %4")
                          .arg(t.table)
                          .arg(t.sourceRows)
                          .arg(t.targetRows)
                          .arg(t.matches() ? tr("identiques") : tr("DIFFÉRENTES"))
                   << '\n';
        io.out << tr("Lignes copiées : %1 en %2 s (%3 lignes par seconde)")
                      .arg(report->rows)
                      .arg(seconds, 0, 'f', 1)
                      .arg(perSecond)
               << '\n';
    }
    if (!report->ok()) {
        io.err << tr("Les sommes de contrôle diffèrent : la copie n'est pas fidèle (voir le bilan).") << '\n';
        return ExitFailure;
    }
    return ExitOk;
}

} // namespace

void registerDbCommands(QList<CliCommand>& commands)
{
    commands.append({ u"db"_s, u"migrate"_s, tr("crée ou met à jour le schéma de la base"), &migrate });
    commands.append({ u"db"_s, u"status"_s, tr("versions du schéma et étapes en attente"), &status });
    commands.append({ u"db"_s, u"copy"_s, tr("copie un site vers une base vide, sans perte"), &copy });
}

} // namespace iris::cli
