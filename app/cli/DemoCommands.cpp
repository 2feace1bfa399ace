#include "CliCommand.h"
#include "CliModules.h"
#include "core/cli/CommandParser.h"
#include "core/cli/SiteDatabase.h"
#include "core/demo/DemoSeeder.h"
#include "core/modules/ModuleContext.h"
#include "core/modules/ModuleManager.h"
#include "core/security/Permissions.h"
#include "core/services/DossierTypeRegistry.h"
#include "core/storage/Database.h"
#include "core/storage/MigrationRunner.h"
#include "core/storage/schema/CoreSchema.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QLocale>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace iris::cli {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("iris::cli::DemoCommands", text);
}

bool parseCount(const CommandParser& parser, const QString& name, int max, int* out, QTextStream& err)
{
    if (!parser.isSet(name))
        return true;
    bool ok = false;
    const QString text = parser.value(name).trimmed();
    const qlonglong value = text.toLongLong(&ok);
    if (!ok || value < 0 || value > max) {
        err << tr("Valeur invalide pour --%1 : « %2 » (nombre entier de 0 à %3 attendu).")
                   .arg(name, text, QLocale(QLocale::French).toString(max))
            << '\n';
        return false;
    }
    *out = int(value);
    return true;
}

int seed(const QStringList& args, CliIO& io)
{
    CommandParser parser;
    parser.setApplicationDescription(
        tr("Crée (ou met à niveau) une base et la remplit de données de démonstration "
           "synthétiques et reproductibles."));
    parser.addHelpOption();
    parser.addOptions({
        databaseOption(),
        { u"citizens"_s, tr("Nombre d'usagers (défaut : 2000)."), tr("n") },
        { u"contacts"_s, tr("Nombre de contacts sur deux ans (défaut : 10000)."), tr("n") },
        { u"dossiers"_s,
            tr("Nombre de dossiers (défaut : un pour 50 contacts, si des modules en déclarent)."), tr("n") },
        { u"seed"_s, tr("Graine : les mêmes paramètres donnent les mêmes données (défaut : 1)."), tr("s") },
        { u"date"_s, tr("Dernier jour des deux années de contacts, AAAA-MM-JJ (défaut : aujourd'hui)."),
            tr("date") },
        { u"force"_s, tr("Ajoute les données même si la base contient déjà des usagers.") },
        { u"no-modules"_s, tr("Ne charge pas les modules (ni leurs tables, ni leurs types de dossiers).") },
        { u"modules-dir"_s, tr("Dossier des modules (défaut : celui de l'installation)."), tr("dossier") },
    });
    if (!parser.parse(args)) {
        io.err << parser.errorText() << '\n'
               << tr("« iris-cli demo seed --help » détaille les options.") << '\n';
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
    const Result<DatabaseConfig> config = databaseConfig(parser);
    if (!config) {
        io.err << config.error().message() << '\n';
        return ExitUsage;
    }
    DemoSeedOptions options;
    int dossiers = -1;
    if (!parseCount(parser, u"citizens"_s, 5'000'000, &options.citizens, io.err)
        || !parseCount(parser, u"contacts"_s, 50'000'000, &options.contacts, io.err)
        || !parseCount(parser, u"dossiers"_s, 50'000'000, &dossiers, io.err))
        return ExitUsage;
    options.dossiers = dossiers;
    if (parser.isSet(u"seed"_s)) {
        bool ok = false;
        options.seed = parser.value(u"seed"_s).trimmed().toULongLong(&ok);
        if (!ok) {
            io.err << tr("Valeur invalide pour --seed : « %1 » (nombre entier positif attendu).")
                          .arg(parser.value(u"seed"_s))
                   << '\n';
            return ExitUsage;
        }
    }
    if (parser.isSet(u"date"_s)) {
        options.referenceDate = QDate::fromString(parser.value(u"date"_s).trimmed(), Qt::ISODate);
        if (!options.referenceDate.isValid()) {
            io.err << tr("Date invalide pour --date : « %1 » (format AAAA-MM-JJ attendu).")
                          .arg(parser.value(u"date"_s))
                   << '\n';
            return ExitUsage;
        }
    }

    auto db = openSite(*config, {.createIfMissing = true});
    if (!db) {
        printError(io.err, db.error());
        return ExitFailure;
    }

    // Modules register their schemas and dossier types, exactly as in the desk.
    CliModules modules;
    if (!parser.isSet(u"no-modules"_s))
        modules.load(*db, parser.value(u"modules-dir"_s));
    MigrationRunner& migrations = modules.migrations();
    DossierTypeRegistry& dossierTypes = modules.dossierTypes();
    ModuleContext& context = modules.context();
    if (auto r = migrations.run(**db); !r) {
        printError(io.err, r.error());
        return ExitFailure;
    }

    {
        QSqlQuery count((*db)->connection());
        if (!count.exec(u"SELECT COUNT(*) FROM citizens"_s) || !count.next()) {
            io.err << tr("Impossible de lire la base « %1 ».").arg(config->target())
                   << '\n';
            return ExitFailure;
        }
        const qint64 existing = count.value(0).toLongLong();
        if (existing > 0 && !parser.isSet(u"force"_s)) {
            io.err << tr("La base « %1 » contient déjà %2 usagers : rien n'a été ajouté. "
                         "Utilisez --force pour y ajouter des données de démonstration.")
                          .arg(config->target(),
                              QLocale(QLocale::French).toString(existing))
                   << '\n';
            return ExitFailure;
        }
    }

    options.dossierTypes = &dossierTypes;
    options.moduleContent = context.demoContent;
    options.permissions = context.permissions;
    DemoSeeder seeder(*db);
    auto report = seeder.seed(options);
    if (!report) {
        printError(io.err, report.error());
        return ExitFailure;
    }
    const QLocale fr(QLocale::French);
    const double seconds = double(report->elapsedMs) / 1000.0;
    const qint64 rows = qint64(report->citizens) + report->contacts + report->dossiers;
    io.out << tr("Base : %1").arg((*db)->describe()) << '\n'
           << tr("Usagers : %1 (foyers : %2)")
                  .arg(fr.toString(report->citizens), fr.toString(report->households))
           << '\n'
           << tr("Contacts : %1").arg(fr.toString(report->contacts)) << '\n'
           << tr("Dossiers : %1 (types : %2)")
                  .arg(fr.toString(report->dossiers), fr.toString(dossierTypes.types().size()))
           << '\n'
           << tr("Annuaire : %1 services ajoutés, %2 motifs, %3 agents de démonstration")
                  .arg(report->services)
                  .arg(report->motiveThemes)
                  .arg(report->agents)
           << '\n'
           ;
    for (const QString& line : std::as_const(report->moduleContent))
        io.out << line << '\n';
    io.out << tr("Durée : %1 s (%2 lignes par seconde)")
                  .arg(fr.toString(seconds, 'f', 1),
                      fr.toString(seconds > 0 ? qint64(double(rows) / seconds) : rows))
           << '\n';
    return ExitOk;
}

} // namespace

void registerDemoCommands(QList<CliCommand>& commands)
{
    commands.append({ u"demo"_s, u"seed"_s, tr("crée une base remplie de données de démonstration"), &seed });
}

} // namespace iris::cli
