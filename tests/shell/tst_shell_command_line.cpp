// iris-desk's command line and the site setting file beside the database.
#include "app/desk/src/CommandLine.h"
#include "app/desk/src/SiteSettings.h"
#include "tests/shell/support/ShellTestSupport.h"

#include <QDir>
#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace iris::shell;

class TestShellCommandLine final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { iris::shelltest::prepareEnvironment(); }

    void defaults()
    {
        CommandLine cl;
        const std::optional<DeskOptions> o = cl.parse({ u"iris-desk"_s });
        QVERIFY(o);
        QCOMPARE(o->databasePath, CommandLine::defaultDatabasePath());
        QVERIFY(
            o->databasePath.startsWith(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)));
        QVERIFY(o->databasePath.endsWith(u"/iris-desk.sqlite"_s));
        QCOMPARE(o->modulePaths, QStringList { CommandLine::installedModulePath() });
        QVERIFY(CommandLine::installedModulePath().endsWith(u"/iris-desk/modules"_s));
        QVERIFY(!o->listModules);
        QVERIFY(o->seedDemo);
        QCOMPARE(o->demoCitizens, 3000);
    }

    void optionsAndEnvironmentOrder()
    {
        QTemporaryDir dir;
        qputenv(
            "IRIS_MODULE_PATH", QFile::encodeName(dir.filePath(u"env1"_s) + u':' + dir.filePath(u"env2"_s)));
        CommandLine cl;
        const std::optional<DeskOptions> o = cl.parse({ u"iris-desk"_s, u"--db"_s, u"relatif/site.sqlite"_s,
            u"--module-path"_s, dir.path(), u"--disable-module"_s, u"a"_s, u"--disable-module"_s, u"b"_s,
            u"--list-modules"_s, u"--demo-citizens"_s, u"250"_s, u"--no-demo"_s });
        qunsetenv("IRIS_MODULE_PATH");
        QVERIFY(o);
        QCOMPARE(o->databasePath, QDir::current().absoluteFilePath(u"relatif/site.sqlite"_s));
        // Command line first, then the environment, then the installed folder.
        QCOMPARE(o->modulePaths,
            (QStringList { dir.path(), dir.filePath(u"env1"_s), dir.filePath(u"env2"_s),
                CommandLine::installedModulePath() }));
        QCOMPARE(o->disabledModules, (QStringList { u"a"_s, u"b"_s }));
        QVERIFY(o->listModules);
        QVERIFY(!o->seedDemo);
        QCOMPARE(o->demoCitizens, 250);
    }

    void refusals_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("words");
        QTest::newRow("unknown option") << QStringList { u"--frobnicate"_s } << u"Option inconnue"_s;
        QTest::newRow("missing value") << QStringList { u"--db"_s } << u"Valeur manquante après --db"_s;
        QTest::newRow("positional") << QStringList { u"base.sqlite"_s } << u"Argument inattendu"_s;
        QTest::newRow("bad count") << QStringList { u"--demo-citizens"_s, u"beaucoup"_s } << u"beaucoup"_s;
    }

    void refusals()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, words);
        CommandLine cl;
        QVERIFY(!cl.parse(QStringList { u"iris-desk"_s } + arguments));
        QCOMPARE(cl.exitCode(), 2);
        QVERIFY2(cl.output().contains(words), qPrintable(cl.output()));
    }

    void helpIsFrench()
    {
        CommandLine cl;
        QVERIFY(!cl.parse({ u"iris-desk"_s, u"--help"_s }));
        QCOMPARE(cl.exitCode(), 0);
        for (const QString& words : { u"--db"_s, u"--module-path"_s, u"--list-modules"_s,
                 u"--disable-module"_s, u"Affiche cette aide"_s, u"IRIS_MODULE_PATH"_s })
            QVERIFY2(cl.output().contains(words), qPrintable(words));
        // Its own name, even when started by a path (Qt's line shows the whole path, in English).
        CommandLine byPath;
        QVERIFY(!byPath.parse({ u"/opt/iris/bin/iris-desk"_s, u"--help"_s }));
        const QString text = byPath.output();
        QCOMPARE(text.section(u'\n', 0, 0), u"Utilisation : iris-desk [options]"_s);
        QVERIFY2(!text.contains(u"/opt/iris"_s) && !text.contains(u"Usage:"_s) && !text.contains(u"Options:"_s),
            qPrintable(text));
    }

    void siteSettingFile()
    {
        QTemporaryDir dir;
        const QString db = dir.filePath(u"site.sqlite"_s);
        QCOMPARE(SiteSettings::pathFor(db), dir.filePath(u"site.ini"_s));
        QVERIFY(SiteSettings::load(db).disabledModules().isEmpty()); // no file: defaults

        QFile ini(dir.filePath(u"site.ini"_s));
        QVERIFY(ini.open(QIODevice::WriteOnly));
        ini.write("[modules]\ndisabled=accueil, etatcivil ,accueil\n");
        ini.close();
        QCOMPARE(SiteSettings::load(db).disabledModules(), (QStringList { u"accueil"_s, u"etatcivil"_s }));

        QVERIFY(ini.open(QIODevice::WriteOnly | QIODevice::Truncate));
        ini.write("[modules]\ndisabled=creches\n");
        ini.close();
        QCOMPARE(SiteSettings::load(db).disabledModules(), QStringList { u"creches"_s });
    }
};

QTEST_GUILESS_MAIN(TestShellCommandLine)
#include "tst_shell_command_line.moc"
