#pragma once

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

namespace iris::cli {

/// QCommandLineParser for one `iris-cli <group> <verb>` command, with a help and errors
/// in French whatever Qt translations are installed: the usage line names the command as
/// typed ("Utilisation : iris-cli citizens search [options] …"), never the executable's
/// path, and the help option is described in French.
///
/// Same calls as QCommandLineParser, so a command reads the same with either. The command
/// name is the first element of the list given to parse() (main passes
/// "iris-cli <group> <verb>").
class CommandParser final
{
    Q_DECLARE_TR_FUNCTIONS(iris::cli::CommandParser)
public:
    CommandParser();

    void setApplicationDescription(const QString& description);
    /// -h, --help, described in French.
    QCommandLineOption addHelpOption();
    bool addOption(const QCommandLineOption& option);
    bool addOptions(const QList<QCommandLineOption>& options);
    void addPositionalArgument(const QString& name, const QString& description, const QString& syntax = {});

    bool parse(const QStringList& arguments);
    /// The parse error in French ("Option inconnue : « --x ».").
    QString errorText() const;
    /// The whole help, ending with a newline.
    QString helpText() const;

    bool isSet(const QString& name) const { return m_parser.isSet(name); }
    bool isSet(const QCommandLineOption& option) const { return m_parser.isSet(option); }
    QString value(const QString& name) const { return m_parser.value(name); }
    QString value(const QCommandLineOption& option) const { return m_parser.value(option); }
    QStringList values(const QString& name) const { return m_parser.values(name); }
    QStringList values(const QCommandLineOption& option) const { return m_parser.values(option); }
    QStringList positionalArguments() const { return m_parser.positionalArguments(); }

private:
    struct Positional
    {
        QString name;
        QString description;
        QString syntax;
    };

    QCommandLineParser m_parser;
    QString m_command;
    QString m_description;
    QList<QCommandLineOption> m_options;
    QList<Positional> m_positionals;
};

} // namespace iris::cli
