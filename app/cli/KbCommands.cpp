// iris-cli kb …: import, search, info, eval, plus the editors' synonyms, gaps and review lists.
#include "CliCommand.h"
#include "core/cli/CommandParser.h"
#include "knowledgebase/KbEvaluator.h"
#include "knowledgebase/KbFeedback.h"
#include "knowledgebase/KbImporter.h"
#include "knowledgebase/KbSearcher.h"
#include "knowledgebase/KbStore.h"
#include "knowledgebase/KbSynonyms.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace iris::cli {

using namespace iris::kb;

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("iris::cli::KbCommands", text);
}

QCommandLineOption kbOption()
{
    return QCommandLineOption(
        QStringLiteral("kb"), tr("Fichier de la base de connaissances."), tr("FICHIER"));
}

/// Parses the command's options; on a usage error prints it and returns false.
bool parse(CommandParser& parser, const QStringList& args, CliIO& io, int* rc,
    const QStringList& required = { QStringLiteral("kb") })
{
    parser.addHelpOption();
    if (!parser.parse(args)) {
        io.err << parser.errorText() << '\n';
        *rc = ExitUsage;
        return false;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        io.out << parser.helpText();
        *rc = ExitOk;
        return false;
    }
    for (const QString& name : required) {
        if (parser.value(name).isEmpty()) {
            io.err << tr("Option obligatoire manquante : --%1").arg(name) << '\n';
            *rc = ExitUsage;
            return false;
        }
    }
    return true;
}

int fail(CliIO& io, const Error& error)
{
    io.err << error.toString() << '\n';
    if (!error.detail().isEmpty())
        io.err << "  (" << error.detail() << ")\n";
    return ExitFailure;
}

int runImport(const QStringList& args, CliIO& io)
{
    CommandParser parser;
    parser.setApplicationDescription(tr("Importe des articles au format JSON Lines (une transaction)."));
    parser.addOption(kbOption());
    parser.addOption({ QStringLiteral("jsonl"), tr("Fichier JSON Lines à importer."), tr("FICHIER") });
    parser.addOption(
        { QStringLiteral("demo"), tr("Importe le contenu de démonstration fourni avec IRIS Desk.") });
    int rc = ExitOk;
    if (!parse(parser, args, io, &rc))
        return rc;
    if (parser.value(QStringLiteral("jsonl")).isEmpty() && !parser.isSet(QStringLiteral("demo"))) {
        io.err << tr("Indiquez --jsonl FICHIER ou --demo.") << '\n';
        return ExitUsage;
    }
    auto store = KbStore::open(parser.value(QStringLiteral("kb")));
    if (!store)
        return fail(io, store.error());
    auto report = parser.isSet(QStringLiteral("demo"))
        ? KbImporter::importDemoContent(**store)
        : KbImporter::importFile(**store, parser.value(QStringLiteral("jsonl")));
    if (!report)
        return fail(io, report.error());
    for (const ImportIssue& issue : report->issues)
        io.err << tr("ligne %1 : %2").arg(issue.line).arg(issue.message) << '\n';
    const KbChangeReport& c = report->changes;
    io.out << tr("%1 ajouté(s), %2 modifié(s), %3 inchangé(s), %4 ligne(s) ignorée(s) ; version %5.")
                  .arg(c.added)
                  .arg(c.updated)
                  .arg(c.unchanged)
                  .arg(report->issues.size())
                  .arg(c.version)
           << '\n';
    return ExitOk;
}

QJsonArray hitsToJson(const KbSearchResult& result)
{
    QJsonArray array;
    for (const KbSearchHit& h : result.hits) {
        array.append(QJsonObject { { QStringLiteral("id"), h.uid }, { QStringLiteral("url"), h.url },
            { QStringLiteral("title"), h.title },
            { QStringLiteral("score"), qRound(h.score * 1000.0) / 1000.0 },
            { QStringLiteral("snippet"), h.snippetHtml() } });
    }
    return array;
}

void printHits(const KbSearchResult& result, CliIO& io)
{
    if (!result.corrections.isEmpty())
        io.out << tr("(corrigé : %1)").arg(result.corrections.join(QStringLiteral(", "))) << '\n';
    if (result.hits.isEmpty())
        io.out << tr("Aucun résultat.") << '\n';
    for (int i = 0; i < result.hits.size(); ++i) {
        const KbSearchHit& h = result.hits.at(i);
        io.out << i + 1 << ". " << h.title << "  [" << h.uid << "]\n   " << h.snippetText() << '\n';
    }
}

int runSearch(const QStringList& args, CliIO& io)
{
    CommandParser parser;
    parser.setApplicationDescription(tr("Cherche dans la base de connaissances. Sans REQUÊTE, lit une "
                                        "requête par ligne sur l'entrée standard."));
    parser.addOption(kbOption());
    parser.addOption({ QStringLiteral("limit"), tr("Nombre maximal de résultats (10 par défaut)."), tr("N"),
        QStringLiteral("10") });
    parser.addOption(
        { QStringLiteral("json"), tr("Sortie JSON : un tableau (id, url, title, score, snippet).") });
    parser.addOption({ QStringLiteral("no-prefix"), tr("Ne complète pas le dernier mot comme un préfixe.") });
    parser.addPositionalArgument(QStringLiteral("requete"), tr("Texte recherché."), tr("[REQUÊTE…]"));
    int rc = ExitOk;
    if (!parse(parser, args, io, &rc))
        return rc;
    bool numberOk = false;
    KbSearchOptions options;
    options.limit = parser.value(QStringLiteral("limit")).toInt(&numberOk);
    if (!numberOk || options.limit < 1 || options.limit > 200) {
        io.err << tr("--limit attend un nombre entre 1 et 200.") << '\n';
        return ExitUsage;
    }
    options.typing = !parser.isSet(QStringLiteral("no-prefix"));
    const bool json = parser.isSet(QStringLiteral("json"));
    auto searcher = KbSearcher::open(parser.value(QStringLiteral("kb")));
    if (!searcher)
        return fail(io, searcher.error());

    const auto runOne = [&](const QString& query, QJsonDocument::JsonFormat format) -> bool {
        auto result = (*searcher)->search(query, options);
        if (!result) {
            fail(io, result.error());
            return false;
        }
        if (json)
            io.out << QString::fromUtf8(QJsonDocument(hitsToJson(*result)).toJson(format)).trimmed() << '\n';
        else
            printHits(*result, io);
        io.out.flush();
        return true;
    };
    const QStringList words = parser.positionalArguments();
    if (!words.isEmpty())
        return runOne(words.join(QLatin1Char(' ')), QJsonDocument::Indented) ? ExitOk : ExitFailure;
    QString line;
    while (io.in.readLineInto(&line)) {
        if (!runOne(line, QJsonDocument::Compact))
            return ExitFailure;
    }
    return ExitOk;
}

int runInfo(const QStringList& args, CliIO& io)
{
    CommandParser parser;
    parser.setApplicationDescription(tr("Décrit une base de connaissances."));
    parser.addOption(kbOption());
    parser.addOption({ QStringLiteral("json"), tr("Sortie JSON.") });
    int rc = ExitOk;
    if (!parse(parser, args, io, &rc))
        return rc;
    auto store = KbStore::open(parser.value(QStringLiteral("kb")), KbConnection::Mode::ReadOnly);
    if (!store)
        return fail(io, store.error());
    auto info = (*store)->info();
    if (!info)
        return fail(io, info.error());
    if (parser.isSet(QStringLiteral("json"))) {
        const QJsonObject o { { QStringLiteral("version"), info->version },
            { QStringLiteral("articles"), info->articles },
            { QStringLiteral("due_for_review"), info->dueForReview },
            { QStringLiteral("schema"), info->schemaVersion },
            { QStringLiteral("synonym_groups"), info->synonymGroups },
            { QStringLiteral("file_bytes"), info->fileBytes } };
        io.out << QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact)) << '\n';
        return ExitOk;
    }
    io.out << tr(
        "Version : %1\nArticles : %2\nÀ revoir : %3\nGroupes de synonymes : %4\nTaille : %5 octets\n")
                  .arg(info->version)
                  .arg(info->articles)
                  .arg(info->dueForReview)
                  .arg(info->synonymGroups)
                  .arg(info->fileBytes);
    return ExitOk;
}

int runEval(const QStringList& args, CliIO& io)
{
    CommandParser parser;
    parser.setApplicationDescription(
        tr("Mesure la pertinence : recall@3 et MRR@10 sur un fichier de questions."));
    parser.addOption(kbOption());
    parser.addOption(
        { QStringLiteral("questions"), tr("Fichier TSV : requête, TAB, chemins attendus."), tr("TSV") });
    parser.addOption({ QStringLiteral("json"), tr("Sortie JSON.") });
    parser.addOption({ QStringLiteral("verbose"), tr("Détaille chaque question.") });
    int rc = ExitOk;
    if (!parse(parser, args, io, &rc, { QStringLiteral("kb"), QStringLiteral("questions") }))
        return rc;
    auto questions = KbEvaluator::readQuestions(parser.value(QStringLiteral("questions")));
    if (!questions)
        return fail(io, questions.error());
    auto searcher = KbSearcher::open(parser.value(QStringLiteral("kb")));
    if (!searcher)
        return fail(io, searcher.error());
    auto report = KbEvaluator::evaluate(**searcher, *questions);
    if (!report)
        return fail(io, report.error());
    if (parser.isSet(QStringLiteral("json"))) {
        const QJsonObject o { { QStringLiteral("questions"), int(questions->size()) },
            { QStringLiteral("recall_at_3"), report->recallAt3 },
            { QStringLiteral("mrr_at_10"), report->mrrAt10 } };
        io.out << QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact)) << '\n';
        return ExitOk;
    }
    for (const auto& o : report->outcomes) {
        if (o.rank >= 1 && o.rank <= 3 && !parser.isSet(QStringLiteral("verbose")))
            continue;
        io.out << (o.rank >= 1 && o.rank <= 3 ? "  ok " : "  !! ") << tr("rang %1").arg(o.rank) << "  «"
               << o.question.query << "»  → " << o.top.mid(0, 3).join(QStringLiteral(" | ")) << '\n';
    }
    io.out << tr("questions : %1  (top 3 : %2)").arg(questions->size()).arg(report->passed) << '\n';
    io.out << QStringLiteral("recall@3 : %1\nMRR@10 : %2\n")
                  .arg(report->recallAt3, 0, 'f', 3)
                  .arg(report->mrrAt10, 0, 'f', 3);
    return ExitOk;
}

int runGaps(const QStringList& args, CliIO& io)
{
    CommandParser parser;
    parser.setApplicationDescription(
        tr("Liste les recherches signalées « pas trouvé » (manques de la base)."));
    parser.addOption(kbOption());
    parser.addOption({ QStringLiteral("csv"), tr("Écrit le rapport CSV dans ce fichier."), tr("FICHIER") });
    int rc = ExitOk;
    if (!parse(parser, args, io, &rc))
        return rc;
    auto store = KbStore::open(parser.value(QStringLiteral("kb")));
    if (!store)
        return fail(io, store.error());
    KbFeedback feedback((*store)->connection());
    if (!parser.value(QStringLiteral("csv")).isEmpty()) {
        if (auto r = feedback.exportCsv(parser.value(QStringLiteral("csv"))); !r)
            return fail(io, r.error());
        return ExitOk;
    }
    auto gaps = feedback.gaps();
    if (!gaps)
        return fail(io, gaps.error());
    for (const KbGap& g : *gaps)
        io.out << g.count << "\t" << g.query << '\n';
    return ExitOk;
}

int runSynonyms(const QStringList& args, CliIO& io)
{
    CommandParser parser;
    parser.setApplicationDescription(tr("Liste ou modifie les synonymes (« HLM = logement social »)."));
    parser.addOption(kbOption());
    parser.addOption({ QStringLiteral("add"), tr("Ajoute un groupe « a = b = c »."), tr("GROUPE") });
    parser.addOption({ QStringLiteral("remove"), tr("Supprime le groupe n° ID."), tr("ID") });
    int rc = ExitOk;
    if (!parse(parser, args, io, &rc))
        return rc;
    auto store = KbStore::open(parser.value(QStringLiteral("kb")));
    if (!store)
        return fail(io, store.error());
    KbSynonyms synonyms((*store)->connection());
    if (parser.isSet(QStringLiteral("add"))) {
        auto id = synonyms.addGroup(parser.value(QStringLiteral("add")).split(QLatin1Char('=')));
        if (!id)
            return fail(io, id.error());
        io.out << tr("Groupe %1 ajouté.").arg(*id) << '\n';
        return ExitOk;
    }
    if (parser.isSet(QStringLiteral("remove"))) {
        if (auto r = synonyms.removeGroup(parser.value(QStringLiteral("remove")).toLongLong()); !r)
            return fail(io, r.error());
        return ExitOk;
    }
    auto groups = synonyms.groups();
    if (!groups)
        return fail(io, groups.error());
    for (const auto& g : *groups)
        io.out << g.id << "\t" << g.expressions.join(QStringLiteral(" = ")) << '\n';
    return ExitOk;
}

int runReview(const QStringList& args, CliIO& io)
{
    CommandParser parser;
    parser.setApplicationDescription(tr("Liste les articles dont la date de révision est dépassée."));
    parser.addOption(kbOption());
    int rc = ExitOk;
    if (!parse(parser, args, io, &rc))
        return rc;
    auto store = KbStore::open(parser.value(QStringLiteral("kb")), KbConnection::Mode::ReadOnly);
    if (!store)
        return fail(io, store.error());
    auto due = (*store)->articlesDueForReview(QDate::currentDate());
    if (!due)
        return fail(io, due.error());
    for (const KbArticle& a : *due)
        io.out << a.reviewBy.toString(Qt::ISODate) << '\t' << a.uid << '\t' << a.title << '\n';
    return ExitOk;
}

} // namespace

void registerKbCommands(QList<CliCommand>& commands)
{
    commands.append({ QStringLiteral("kb"), QStringLiteral("import"), tr("importe des articles (JSON Lines)"),
        runImport });
    commands.append({ QStringLiteral("kb"), QStringLiteral("search"),
        tr("cherche dans la base de connaissances"), runSearch });
    commands.append(
        { QStringLiteral("kb"), QStringLiteral("info"), tr("version et nombre d'articles"), runInfo });
    commands.append({ QStringLiteral("kb"), QStringLiteral("eval"),
        tr("mesure la pertinence (recall@3, MRR@10)"), runEval });
    commands.append(
        { QStringLiteral("kb"), QStringLiteral("gaps"), tr("recherches signalées « pas trouvé »"), runGaps });
    commands.append({ QStringLiteral("kb"), QStringLiteral("synonyms"), tr("liste ou modifie les synonymes"),
        runSynonyms });
    commands.append({ QStringLiteral("kb"), QStringLiteral("review"), tr("articles à revoir"), runReview });
}

} // namespace iris::cli
