// iris-cli mail …: e-mail intake of the Accueil module (Maildir import).
#include "core/cli/CommandParser.h"
#include "core/cli/SiteDatabase.h"
#include "core/modules/ModuleContext.h"
#include "core/security/Permissions.h"
#include "core/services/CoreServices.h"
#include "core/services/DossierTypeRegistry.h"
#include "core/storage/Database.h"
#include "modules/accueil/cli/AccueilCli.h"
#include "modules/accueil/mail/MaildirImporter.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace iris::accueil {

using namespace iris::cli;

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("iris::cli::MailCommands", text);
}

int fail(CliIO& io, const Error& error)
{
    io.err << error.toString() << '\n';
    if (!error.detail().isEmpty())
        io.err << tr("Détail technique : %1").arg(error.detail()) << '\n';
    return ExitFailure;
}

int runImport(ModuleContext& context, const QStringList& args, CliIO& io)
{
    CommandParser parser;
    parser.setApplicationDescription(
        tr("Enregistre les courriels d'un dossier Maildir (new/ et cur/) dans le registre de l'accueil. "
           "Un message déjà enregistré (même Message-ID) n'est jamais importé deux fois."));
    parser.addHelpOption();
    parser.addOption(databaseOption());
    parser.addOption({ u"maildir"_s, tr("Dossier Maildir à importer."), tr("DOSSIER") });
    parser.addOption({ u"json"_s, tr("Affiche le bilan en JSON.") });
    if (!parser.parse(args)) {
        io.err << parser.errorText() << '\n';
        return ExitUsage;
    }
    if (parser.isSet(u"help"_s)) {
        io.out << parser.helpText();
        return ExitOk;
    }
    const Result<DatabaseConfig> config = databaseConfig(parser);
    const QString maildir = parser.value(u"maildir"_s).trimmed();
    if (!config || maildir.isEmpty()) {
        io.err << (config ? tr("Indiquez le dossier avec --maildir DOSSIER.") : config.error().message())
               << '\n';
        return ExitUsage;
    }
    if (auto r = MaildirImporter::checkMaildir(maildir); !r)
        return fail(io, r.error());
    const Result<std::shared_ptr<Database>> db = cli_detail::openAndMigrate(context, *config);
    if (!db)
        return fail(io, db.error());
    // The import acts as the system account: the audit trail records "système".
    CoreServices services(*db, Session::system(context.permissions), context.dossierTypes);
    const Result<MaildirImportReport> report = MaildirImporter(services).importFrom(maildir);
    if (!report) {
        const int rc = fail(io, report.error());
        (*db)->closeAll();
        return rc;
    }
    if (parser.isSet(u"json"_s)) {
        io.out << QString::fromUtf8(QJsonDocument(report->toJson()).toJson(QJsonDocument::Compact)) << '\n';
    } else {
        io.out << tr("Courriels importés : %1").arg(report->imported) << '\n'
               << tr("Déjà enregistrés : %1").arg(report->duplicates) << '\n'
               << tr("Mal formés (enregistrés avec un avertissement) : %1").arg(report->malformed) << '\n'
               << tr("Échecs : %1").arg(report->failed) << '\n';
    }
    for (const QString& e : report->errors)
        io.err << e << '\n';
    (*db)->closeAll();
    return report->failed > 0 ? ExitFailure : ExitOk;
}

} // namespace

void cli_detail::addMailCommands(QList<CliCommand>& commands, ModuleContext& context)
{
    commands.append({ u"mail"_s, u"import"_s, tr("enregistre les courriels d'un dossier Maildir"),
        [&context](const QStringList& args, CliIO& io) { return runImport(context, args, io); } });
}

} // namespace iris::accueil
