// The help of every iris-cli command, run as the real binary: French throughout, and a
// usage line that names the command itself ("iris-cli citizens search"), never the path
// of the executable. The commands are the ones the tool lists, so a new one is covered.
#include "tests/support/CliRun.h"
#include "tests/support/TestPaths.h"

#include <QRegularExpression>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace iris;

class TestCliHelp : public QObject
{
    Q_OBJECT

private:
    /// "group verb" of every command in `iris-cli --help`.
    static QStringList listedCommands(const QString& help)
    {
        QStringList commands;
        bool inList = false;
        static const QRegularExpression row(u"^  ([a-z][a-z0-9-]*) ([a-z][a-z0-9-]*)  "_s);
        for (const QString& line : help.split(u'\n')) {
            if (line == u"Commandes :"_s) {
                inList = true;
                continue;
            }
            if (inList && line.isEmpty())
                break;
            if (const QRegularExpressionMatch m = row.match(line); inList && m.hasMatch())
                commands << m.captured(1) + u' ' + m.captured(2);
        }
        return commands;
    }

    /// What no help may contain: Qt's English words or the path of the build.
    static void checkFrench(const QString& text)
    {
        QVERIFY2(!text.contains(u"Displays"_s), qPrintable(text));
        QVERIFY2(!text.contains(u"Usage:"_s), qPrintable(text));
        QVERIFY2(!text.contains(u"Options:"_s), qPrintable(text));
        QVERIFY2(!text.contains(u"Arguments:"_s), qPrintable(text));
        QVERIFY2(!text.contains(test::binaryDir()), qPrintable(text));
    }

    QStringList m_commands;

private Q_SLOTS:
    void initTestCase()
    {
        const test::CliRun r = test::runCli({ u"--help"_s });
        QCOMPARE(r.exitCode, 0);
        m_commands = listedCommands(r.out);
        // The list is read from the tool; these two are always built.
        QVERIFY2(m_commands.contains(u"citizens search"_s), qPrintable(r.out));
        QVERIFY2(m_commands.contains(u"demo seed"_s), qPrintable(r.out));
    }

    void toolHelpIsFrench()
    {
        const test::CliRun r = test::runCli({ u"--help"_s });
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.startsWith(u"Utilisation : iris-cli <groupe> <commande> [options]\n"_s), qPrintable(r.out));
        checkFrench(r.out);
        QVERIFY2(r.out.contains(u"Affiche cette aide."_s), qPrintable(r.out));
        // No command at all: the same help, on stderr, as a usage error.
        const test::CliRun bare = test::runCli({});
        QCOMPARE(bare.exitCode, 2);
        QVERIFY2(bare.err.startsWith(u"Utilisation : iris-cli "_s), qPrintable(bare.err));
    }

    void everyCommandHelpNamesItself()
    {
        for (const QString& command : std::as_const(m_commands)) {
            const test::CliRun r = test::runCli(command.split(u' ') + QStringList { u"--help"_s });
            QVERIFY2(r.exitCode == 0, qPrintable(command + u": "_s + r.err));
            const QString usage = r.out.section(u'\n', 0, 0);
            QVERIFY2(usage.startsWith(u"Utilisation : iris-cli "_s + command + u' ')
                         || usage == u"Utilisation : iris-cli "_s + command,
                qPrintable(command + u": "_s + usage));
            checkFrench(r.out);
            QVERIFY2(r.out.contains(u"  -h, --help"_s) && r.out.contains(u"Affiche cette aide."_s),
                qPrintable(r.out));
            QVERIFY2(r.out.contains(u"\nOptions :\n"_s), qPrintable(r.out));
            QVERIFY2(r.err.isEmpty(), qPrintable(r.err));
        }
    }

    void everyGroupHelpListsItsCommands()
    {
        QStringList groups;
        for (const QString& command : std::as_const(m_commands))
            groups << command.section(u' ', 0, 0);
        groups.removeDuplicates();
        for (const QString& group : std::as_const(groups)) {
            const test::CliRun r = test::runCli({ group, u"--help"_s });
            QVERIFY2(r.exitCode == 0, qPrintable(group + u": "_s + r.err));
            QVERIFY2(r.out.startsWith(u"Utilisation : iris-cli "_s + group + u" <commande> [options]\n"_s),
                qPrintable(r.out));
            checkFrench(r.out);
            for (const QString& command : std::as_const(m_commands)) {
                if (command.startsWith(group + u' '))
                    QVERIFY2(r.out.contains(u"  "_s + command + u' '), qPrintable(command));
                else
                    QVERIFY2(!r.out.contains(u"  "_s + command + u' '), qPrintable(command));
            }
            // The group alone is an incomplete command: the same list, on stderr.
            const test::CliRun incomplete = test::runCli({ group });
            QCOMPARE(incomplete.exitCode, 2);
            QVERIFY2(incomplete.err.contains(u"Commande incomplète"_s), qPrintable(incomplete.err));
            QVERIFY(incomplete.out.isEmpty());
        }
    }

    void usageErrorsAreFrench_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("unknown option") << QStringList { u"citizens"_s, u"search"_s, u"--vite"_s }
                                        << u"Option inconnue : « --vite »."_s;
        QTest::newRow("missing value") << QStringList { u"citizens"_s, u"search"_s, u"--db"_s }
                                       << u"Valeur manquante après « --db »."_s;
        QTest::newRow("unexpected value") << QStringList { u"demo"_s, u"seed"_s, u"--force=oui"_s }
                                          << u"Valeur inattendue après « --force »."_s;
        QTest::newRow("unknown group") << QStringList { u"usagers"_s } << u"Groupe de commandes inconnu"_s;
        QTest::newRow("unknown verb") << QStringList { u"citizens"_s, u"purge"_s }
                                      << u"Commande inconnue : « citizens purge »."_s;
    }

    void usageErrorsAreFrench()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        const test::CliRun r = test::runCli(args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
        QVERIFY2(!r.err.contains(u"Unknown"_s) && !r.err.contains(u"Missing"_s)
                     && !r.err.contains(u"Unexpected"_s),
            qPrintable(r.err));
    }
};

QTEST_GUILESS_MAIN(TestCliHelp)
#include "TestCliHelp.moc"
