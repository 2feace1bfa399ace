#include "CliCommand.h"
#include "core/cli/CommandParser.h"
#include "core/cli/SiteDatabase.h"

#include "core/base/PhoneNumber.h"
#include "core/security/Permissions.h"
#include "core/security/Session.h"
#include "core/services/AuditLog.h"
#include "core/services/CitizenService.h"
#include "core/storage/Database.h"
#include "core/storage/MigrationRunner.h"
#include "core/storage/schema/CoreSchema.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace iris::cli {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("iris::cli::CitizenCommands", text);
}

/// Opens an existing site database for searching: never creates a file, upgrades an
/// older schema when the file is writable, refuses a newer one untouched.
Result<std::shared_ptr<Database>> openForSearch(const DatabaseConfig& config)
{
    Result<std::shared_ptr<Database>> opened = openSite(config, {.readOnlyFallback = true});
    if (!opened)
        return opened;
    MigrationRunner runner;
    runner.add(kCoreSchemaOwner, coreMigrations());
    if (Result<void> migrated = runner.run(**opened); !migrated)
        return migrated.error();
    return opened;
}

QJsonValue textOrNull(const QString& s)
{
    return s.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(s);
}

QByteArray toJson(const QList<CitizenSummary>& found)
{
    QJsonArray array;
    for (const CitizenSummary& s : found) {
        array.append(QJsonObject{
            {u"id"_s, s.id},
            {u"civilite"_s, s.civilite},
            {u"nomUsage"_s, s.nomUsage},
            {u"nomNaissance"_s, s.nomNaissance},
            {u"prenoms"_s, s.prenoms},
            {u"birthDate"_s, s.birthDate.isValid() ? QJsonValue(s.birthDate.toString(Qt::ISODate))
                                                   : QJsonValue(QJsonValue::Null)},
            {u"phone"_s, textOrNull(s.phone)},
            {u"email"_s, textOrNull(s.email)},
        });
    }
    return QJsonDocument(array).toJson(QJsonDocument::Compact);
}

QString toText(const QList<CitizenSummary>& found)
{
    QStringList lines;
    for (const CitizenSummary& s : found) {
        const QString& nom = s.nomUsage.isEmpty() ? s.nomNaissance : s.nomUsage;
        lines << QStringList{QString::number(s.id), QString(nom.toUpper() + QLatin1Char(' ') + s.prenoms),
                             s.birthDate.isValid() ? s.birthDate.toString(u"dd/MM/yyyy"_s) : QString(),
                             PhoneNumber::format(s.phone),
                             s.email}
                     .join(QLatin1Char('\t'));
    }
    return lines.join(QLatin1Char('\n'));
}

int search(const QStringList& args, CliIO& io)
{
    CommandParser parser;
    parser.setApplicationDescription(
        tr("Recherche des usagers par nom (préfixes, dans n'importe quel ordre), téléphone (toute écriture ou "
           "derniers chiffres), adresse électronique ou référence de dossier. Sans REQUÊTE, lit une requête par "
           "ligne sur l'entrée standard et écrit une ligne de résultat par requête."));
    const QCommandLineOption help({u"h"_s, u"help"_s}, tr("Affiche cette aide."));
    const QCommandLineOption db = databaseOption();
    const QCommandLineOption limit(u"limit"_s, tr("Nombre maximal de résultats par requête (1 à 500, 20 par défaut)."),
                                   tr("N"), u"20"_s);
    const QCommandLineOption json(u"json"_s, tr("Résultats en JSON (un tableau par requête)."));
    parser.addOptions({help, db, limit, json});
    parser.addPositionalArgument(tr("REQUÊTE"), tr("Texte recherché (facultatif)."), tr("[REQUÊTE…]"));

    if (!parser.parse(args)) {
        io.err << parser.errorText() << '\n';
        return ExitUsage;
    }
    if (parser.isSet(help)) {
        io.out << parser.helpText();
        return ExitOk;
    }
    const Result<DatabaseConfig> target = databaseConfig(parser);
    if (!target) {
        io.err << target.error().message() << '\n';
        return ExitUsage;
    }
    bool ok = false;
    const int max = parser.value(limit).trimmed().toInt(&ok);
    if (!ok || max < 1 || max > 500) {
        io.err << tr("Valeur invalide pour --limit : « %1 » (nombre entier de 1 à 500 attendu).")
                      .arg(parser.value(limit))
               << '\n';
        return ExitUsage;
    }

    Result<std::shared_ptr<Database>> opened = openForSearch(*target);
    if (!opened) {
        printError(io.err, opened.error());
        return ExitFailure;
    }
    const Session session = Session::system(std::make_shared<PermissionRegistry>());
    AuditLog audit(*opened, session);
    const CitizenService citizens(*opened, session, audit);
    const bool asJson = parser.isSet(json);

    auto answer = [&](const QString& query) -> bool {
        const Result<QList<CitizenSummary>> found = citizens.search(query, max);
        if (!found) {
            printError(io.err, found.error());
            return false;
        }
        if (asJson)
            io.out << toJson(*found) << '\n';
        else if (!found->isEmpty())
            io.out << toText(*found) << '\n';
        io.out.flush();
        return true;
    };

    const QStringList positional = parser.positionalArguments();
    if (!positional.isEmpty())
        return answer(positional.join(QLatin1Char(' '))) ? ExitOk : ExitFailure;
    QString line;
    while (io.in.readLineInto(&line)) {
        if (!answer(line))
            return ExitFailure;
    }
    return ExitOk;
}

} // namespace

void registerCitizenCommands(QList<CliCommand>& commands)
{
    commands.append({u"citizens"_s, u"search"_s, tr("rechercher des usagers (nom, téléphone, courriel, dossier)"),
                     &search});
}

} // namespace iris::cli
