#include "core/cli/CommandParser.h"

#include <QFileInfo>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace iris::cli {

namespace {

constexpr int kLineWidth = 79;
constexpr int kMaxNameColumn = 32;

/// Words of `text` in lines of at most `width` characters (a longer word keeps its line);
/// the text's own line breaks are kept.
QStringList wrap(const QString& text, int width)
{
    QStringList lines;
    for (const QString& paragraph : text.split(u'\n')) {
        QString line;
        // Leading spaces are kept: descriptions indent examples that way.
        qsizetype indent = 0;
        while (indent < paragraph.size() && paragraph.at(indent) == u' ')
            ++indent;
        const QString lead = paragraph.left(indent);
        for (const QString& word : paragraph.mid(indent).split(u' ', Qt::SkipEmptyParts)) {
            if (!line.isEmpty() && line.size() + 1 + word.size() > width) {
                lines << line;
                line.clear();
            }
            line = line.isEmpty() ? QString(lead + word) : QString(line + u' ' + word);
        }
        lines << line;
    }
    return lines;
}

QString optionNames(const QCommandLineOption& option)
{
    QStringList names;
    for (const QString& name : option.names())
        names << (name.size() == 1 ? QString(u'-' + name) : QString(u"--"_s + name));
    QString text = names.join(u", "_s);
    if (!option.valueName().isEmpty())
        text += u" <"_s + option.valueName() + u'>';
    return text;
}

/// Two columns: names, then the description wrapped beside them.
void appendRows(QString& text, const QList<std::pair<QString, QString>>& rows)
{
    int column = 0;
    for (const auto& [names, description] : rows)
        column = qMax(column, int(names.size()));
    column = qMin(column, kMaxNameColumn);
    const int descriptionWidth = qMax(20, kLineWidth - 2 - column - 2);
    const QString indent(2 + column + 2, u' ');
    for (const auto& [names, description] : rows) {
        const QStringList lines = wrap(description, descriptionWidth);
        if (names.size() > column) {
            text += u"  "_s + names + u'\n';
            for (const QString& line : lines)
                text += indent + line + u'\n';
            continue;
        }
        for (qsizetype i = 0; i < lines.size(); ++i) {
            text += i == 0 ? QString(u"  "_s + names.leftJustified(column) + u"  "_s) : indent;
            text += lines.at(i) + u'\n';
        }
    }
}

} // namespace

CommandParser::CommandParser()
    : m_command(QCoreApplication::applicationName())
{
}

void CommandParser::setApplicationDescription(const QString& description)
{
    m_description = description;
    m_parser.setApplicationDescription(description);
}

QCommandLineOption CommandParser::addHelpOption()
{
    const QCommandLineOption help({ u"h"_s, u"help"_s }, tr("Affiche cette aide."));
    addOption(help);
    return help;
}

bool CommandParser::addOption(const QCommandLineOption& option)
{
    if (!m_parser.addOption(option))
        return false;
    m_options << option;
    return true;
}

bool CommandParser::addOptions(const QList<QCommandLineOption>& options)
{
    bool all = true;
    for (const QCommandLineOption& option : options)
        all = addOption(option) && all;
    return all;
}

void CommandParser::addPositionalArgument(const QString& name, const QString& description, const QString& syntax)
{
    m_parser.addPositionalArgument(name, description, syntax);
    m_positionals << Positional{ name, description, syntax.isEmpty() ? name : syntax };
}

bool CommandParser::parse(const QStringList& arguments)
{
    if (!arguments.isEmpty()) {
        // "iris-cli <group> <verb>", the program by its name only: a help never shows where it lives.
        QStringList words = arguments.first().split(u' ', Qt::SkipEmptyParts);
        if (!words.isEmpty()) {
            words.first() = QFileInfo(words.first()).fileName();
            m_command = words.join(u' ');
        }
    }
    return m_parser.parse(arguments);
}

QString CommandParser::errorText() const
{
    const QStringList unknown = m_parser.unknownOptionNames();
    if (!unknown.isEmpty()) {
        QStringList options;
        for (const QString& name : unknown)
            options << (name.size() == 1 ? QString(u'-' + name) : QString(u"--"_s + name));
        return unknown.size() == 1
            ? tr("Option inconnue : « %1 ».").arg(options.first())
            : tr("Options inconnues : %1.").arg(options.join(u", "_s));
    }
    // Qt's words are English unless its translations are installed: say the same in French.
    const QString qt = m_parser.errorText();
    static const QRegularExpression missing(u"^Missing value after '(.*)'\\.$"_s);
    static const QRegularExpression unexpected(u"^Unexpected value after '(.*)'\\.$"_s);
    if (const QRegularExpressionMatch m = missing.match(qt); m.hasMatch())
        return tr("Valeur manquante après « %1 ».").arg(m.captured(1));
    if (const QRegularExpressionMatch m = unexpected.match(qt); m.hasMatch())
        return tr("Valeur inattendue après « %1 ».").arg(m.captured(1));
    return qt;
}

QString CommandParser::helpText() const
{
    QList<QCommandLineOption> shown;
    for (const QCommandLineOption& option : m_options) {
        if (!(option.flags() & QCommandLineOption::HiddenFromHelp))
            shown << option;
    }

    QString usage = m_command;
    if (!shown.isEmpty())
        usage += u' ' + tr("[options]");
    for (const Positional& p : m_positionals)
        usage += u' ' + p.syntax;
    QString text = tr("Utilisation : %1").arg(usage) + u'\n';
    if (!m_description.isEmpty())
        text += wrap(m_description, kLineWidth).join(u'\n') + u'\n';

    if (!shown.isEmpty()) {
        text += u'\n' + tr("Options :") + u'\n';
        QList<std::pair<QString, QString>> rows;
        for (const QCommandLineOption& option : std::as_const(shown))
            rows.append({ optionNames(option), option.description() });
        appendRows(text, rows);
    }
    if (!m_positionals.isEmpty()) {
        text += u'\n' + tr("Arguments :") + u'\n';
        QList<std::pair<QString, QString>> rows;
        for (const Positional& p : m_positionals)
            rows.append({ p.name, p.description });
        appendRows(text, rows);
    }
    return text;
}

} // namespace iris::cli
