// iris-cli kb sync: brings a knowledge-base file up to date from an iris-kbd server.
#include "CliCommand.h"
#include "core/cli/CommandParser.h"
#include "knowledgebase/sync/KbSyncClient.h"
#include "knowledgebase/sync/KbSyncConfig.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>

namespace iris::cli {

using namespace iris::kb;

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("iris::cli::KbSyncCommands", text);
}

QString kindName(KbSyncOutcome::Kind kind)
{
    switch (kind) {
    case KbSyncOutcome::Kind::UpToDate:
        return QStringLiteral("up-to-date");
    case KbSyncOutcome::Kind::Delta:
        return QStringLiteral("delta");
    case KbSyncOutcome::Kind::Snapshot:
        return QStringLiteral("snapshot");
    }
    return {};
}

int runSync(const QStringList& args, CliIO& io)
{
    CommandParser parser;
    parser.setApplicationDescription(tr(
        "Synchronise la base de connaissances avec le serveur iris-kbd (manifeste signé, paquets vérifiés, "
        "une transaction)."));
    parser.addHelpOption();
    parser.addOption({ QStringLiteral("kb"), tr("Fichier de la base de connaissances."), tr("FICHIER") });
    parser.addOption(
        { QStringLiteral("server"), tr("Adresse du serveur (http:// ou https://)."), tr("URL") });
    parser.addOption(
        { QStringLiteral("public-key"), tr("Clé publique du serveur (iris-kbd keygen)."), tr("FICHIER") });
    parser.addOption({ QStringLiteral("ca-file"),
        tr("Certificats d'autorité supplémentaires (PEM) pour HTTPS."), tr("FICHIER") });
    parser.addOption({ QStringLiteral("connect-timeout"), tr("Délai de connexion en secondes (défaut 5)."),
        tr("SECONDES"), QStringLiteral("5") });
    parser.addOption(
        { QStringLiteral("timeout"), tr("Durée maximale de la synchronisation en secondes (défaut 120)."),
            tr("SECONDES"), QStringLiteral("120") });
    parser.addOption({ QStringLiteral("json"), tr("Affiche le résultat en JSON.") });
    parser.addOption({ QStringLiteral("progress"), tr("Affiche l'avancement sur la sortie d'erreur.") });
    if (!parser.parse(args)) {
        io.err << parser.errorText() << '\n';
        return ExitUsage;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        io.out << parser.helpText();
        return ExitOk;
    }
    for (const char* name : { "kb", "server", "public-key" }) {
        if (parser.value(QLatin1String(name)).isEmpty()) {
            io.err << tr("Option obligatoire manquante : --%1").arg(QLatin1String(name)) << '\n';
            return ExitUsage;
        }
    }

    KbSyncConfig config;
    config.server = QUrl(parser.value(QStringLiteral("server")));
    config.publicKey = KbSyncConfig::readPublicKeyFile(parser.value(QStringLiteral("public-key")));
    if (config.publicKey.isEmpty()) {
        io.err << tr("Clé publique illisible : « %1 ».").arg(parser.value(QStringLiteral("public-key")))
               << '\n';
        return ExitUsage;
    }
    config.caFile = parser.value(QStringLiteral("ca-file"));
    bool okConnect = false;
    bool okTotal = false;
    config.connectTimeoutMs
        = int(parser.value(QStringLiteral("connect-timeout")).toDouble(&okConnect) * 1000);
    config.totalTimeoutMs = int(parser.value(QStringLiteral("timeout")).toDouble(&okTotal) * 1000);
    if (!okConnect || !okTotal || config.connectTimeoutMs <= 0 || config.totalTimeoutMs <= 0) {
        io.err << tr("Délai invalide.") << '\n';
        return ExitUsage;
    }

    const bool showProgress = parser.isSet(QStringLiteral("progress"));
    KbSyncClient client(config);
    const auto result = client.sync(
        parser.value(QStringLiteral("kb")), [&](KbSyncClient::Stage stage, qint64 done, qint64 total) {
            if (!showProgress)
                return;
            static const char* const names[] = { "manifest", "download", "apply" };
            io.err << "progress " << names[int(stage)] << ' ' << done << '/' << total << '\n';
            io.err.flush();
        });
    if (!result) {
        io.err << result.error().toString() << '\n';
        if (!result.error().detail().isEmpty())
            io.err << "  (" << result.error().detail() << ")\n";
        return ExitFailure;
    }
    const KbSyncOutcome& o = *result;
    if (parser.isSet(QStringLiteral("json"))) {
        const QJsonObject json { { QStringLiteral("result"), kindName(o.kind) },
            { QStringLiteral("from"), o.fromVersion }, { QStringLiteral("version"), o.version },
            { QStringLiteral("added"), o.added }, { QStringLiteral("updated"), o.updated },
            { QStringLiteral("removed"), o.removed }, { QStringLiteral("requests"), o.requests },
            { QStringLiteral("bytes"), o.bytes }, { QStringLiteral("ms"), o.elapsedMs } };
        io.out << QJsonDocument(json).toJson(QJsonDocument::Compact) << '\n';
    } else if (o.kind == KbSyncOutcome::Kind::UpToDate) {
        io.out << tr("Base à jour — version %1.").arg(o.version) << '\n';
    } else {
        io.out << tr(
            "Version %1 → %2 (%3) : %4 ajouté(s), %5 modifié(s), %6 supprimé(s) ; %7 octets en %8 ms.")
                      .arg(o.fromVersion)
                      .arg(o.version)
                      .arg(o.kind == KbSyncOutcome::Kind::Delta ? tr("delta") : tr("instantané complet"))
                      .arg(o.added)
                      .arg(o.updated)
                      .arg(o.removed)
                      .arg(o.bytes)
                      .arg(o.elapsedMs)
               << '\n';
    }
    return ExitOk;
}

} // namespace

void registerKbSyncCommands(QList<CliCommand>& commands)
{
    commands.append({ QStringLiteral("kb"), QStringLiteral("sync"),
        tr("Synchronise la base de connaissances avec le serveur iris-kbd"), runSync });
}

} // namespace iris::cli
