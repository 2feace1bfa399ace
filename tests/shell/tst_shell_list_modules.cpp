// `iris-desk --list-modules`, run as a real process over real plugin folders.
#include "tests/shell/support/ShellTestSupport.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace iris::shelltest;

class TestShellListModules final : public QObject
{
    Q_OBJECT

private:
    struct Run
    {
        int exitCode = -1;
        QStringList lines;
        QString stdErr;
    };

    Run run(const QStringList& arguments,
        const QProcessEnvironment& env = QProcessEnvironment::systemEnvironment())
    {
        QProcess process;
        QProcessEnvironment e = env;
        e.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
        process.setProcessEnvironment(e);
        process.start(deskBinary(), arguments);
        Run r;
        if (!process.waitForFinished(30000)) {
            process.kill();
            return r;
        }
        r.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
        r.lines = QString::fromUtf8(process.readAllStandardOutput()).split(u'\n', Qt::SkipEmptyParts);
        r.stdErr = QString::fromUtf8(process.readAllStandardError());
        return r;
    }

    static QString lineOf(const QStringList& lines, const QString& id)
    {
        for (const QString& line : lines) {
            if (line.startsWith(id + u' '))
                return line;
        }
        return {};
    }

    /// Lines of stdout and stderr naming the module `id` (its id, then its version).
    static int mentions(const Run& r, const QString& id)
    {
        const QRegularExpression named(u"(^|\\s)"_s + QRegularExpression::escape(id) + u" \\d"_s);
        int n = 0;
        for (const QString& line : r.lines + r.stdErr.split(u'\n', Qt::SkipEmptyParts))
            n += line.contains(named) ? 1 : 0;
        return n;
    }

    QTemporaryDir m_dir;
    QString m_db;
    QString m_brokenCopy;

private Q_SLOTS:
    void initTestCase()
    {
        prepareEnvironment();
        QVERIFY(m_dir.isValid());
        QVERIFY2(QFile::exists(deskBinary()), qPrintable(deskBinary()));
        m_db = m_dir.filePath(u"site/iris-desk.sqlite"_s);

        // Broken set: the orphan plugin plus a file named like a module that is no library.
        m_brokenCopy = m_dir.filePath(u"broken"_s);
        QVERIFY(QDir().mkpath(m_brokenCopy));
        const QStringList orphans = QDir(brokenModuleDir()).entryList({ u"iris-module-*"_s }, QDir::Files);
        QCOMPARE(orphans.size(), 1);
        QVERIFY(QFile::copy(
            QDir(brokenModuleDir()).filePath(orphans.first()), QDir(m_brokenCopy).filePath(orphans.first())));
        QFile garbage(QDir(m_brokenCopy).filePath(u"iris-module-garbage.so"_s));
        QVERIFY(garbage.open(QIODevice::WriteOnly));
        garbage.write("this is not a shared library\n");
    }

    void goodSetLoadsInDependencyOrder()
    {
        const Run r = run({ u"--list-modules"_s, u"--db"_s, m_db, u"--module-path"_s, goodModuleDir() });
        QCOMPARE(r.exitCode, 0);
        const QString base = lineOf(r.lines, u"shelltest"_s);
        const QString extra = lineOf(r.lines, u"shelltest-extra"_s);
        QVERIFY2(
            base.contains(u"1.2.3"_s) && base.contains(u"Module de test"_s) && base.contains(u"Chargé"_s),
            qPrintable(r.lines.join(u'\n')));
        QVERIFY2(extra.contains(u"0.4.0"_s) && extra.contains(u"Chargé"_s), qPrintable(extra));
        QVERIFY(r.lines.indexOf(base) < r.lines.indexOf(extra)); // dependency first
        // Listing never creates (or writes) the database.
        QVERIFY(!QFile::exists(m_db));
        QVERIFY(!QDir(m_dir.filePath(u"site"_s)).exists());
    }

    void brokenSetIsReportedAndTheRestLoads()
    {
        const Run r = run({ u"--list-modules"_s, u"--db"_s, m_db, u"--module-path"_s, goodModuleDir(),
            u"--module-path"_s, m_brokenCopy });
        QCOMPARE(r.exitCode, 3);
        const QString all = r.lines.join(u'\n');
        QVERIFY2(lineOf(r.lines, u"shelltest"_s).contains(u"Chargé"_s), qPrintable(all));
        QVERIFY2(lineOf(r.lines, u"shelltest-extra"_s).contains(u"Chargé"_s), qPrintable(all));
        const QString orphan = lineOf(r.lines, u"shellorphan"_s);
        QVERIFY2(orphan.contains(u"Erreur"_s) && orphan.contains(u"absent-module"_s), qPrintable(all));
        bool garbageReported = false;
        for (const QString& line : r.lines)
            garbageReported = garbageReported || (line.contains(u"garbage"_s) && line.contains(u"Erreur"_s));
        QVERIFY2(garbageReported, qPrintable(all));
        QVERIFY(!QFile::exists(m_db));
    }

    void eachModuleIsPrintedOnce()
    {
        // Once, on stdout: the loader does not log what loaded or was disabled beside it.
        Run r = run({ u"--list-modules"_s, u"--db"_s, m_db, u"--module-path"_s, goodModuleDir() });
        QCOMPARE(r.exitCode, 0);
        const QString all = r.lines.join(u'\n') + u"\n--- stderr ---\n"_s + r.stdErr;
        // Every module listed (the build's own ones too), each exactly once.
        QVERIFY2(r.lines.size() >= 2, qPrintable(all));
        for (const QString& line : std::as_const(r.lines)) {
            const QString id = line.section(u' ', 0, 0);
            QVERIFY2(mentions(r, id) == 1, qPrintable(id + u":\n"_s + all));
        }
        QVERIFY2(lineOf(r.lines, u"shelltest"_s).contains(u"Chargé"_s), qPrintable(all));
        QVERIFY2(!r.stdErr.contains(u"shelltest"_s), qPrintable(all));

        r = run({ u"--list-modules"_s, u"--db"_s, m_db, u"--module-path"_s, goodModuleDir(),
            u"--disable-module"_s, u"shelltest"_s });
        const QString disabled = r.lines.join(u'\n') + u"\n--- stderr ---\n"_s + r.stdErr;
        for (const QString& id : { u"shelltest"_s, u"shelltest-extra"_s })
            QVERIFY2(mentions(r, id) == 1, qPrintable(id + u":\n"_s + disabled));

        // A module in error is listed once on stdout; stderr may only repeat errors.
        r = run({ u"--list-modules"_s, u"--db"_s, m_db, u"--module-path"_s, goodModuleDir(),
            u"--module-path"_s, m_brokenCopy });
        const QString broken = r.lines.join(u'\n') + u"\n--- stderr ---\n"_s + r.stdErr;
        for (const QString& id : { u"shelltest"_s, u"shelltest-extra"_s })
            QVERIFY2(mentions(r, id) == 1, qPrintable(id + u":\n"_s + broken));
        QVERIFY2(lineOf(r.lines, u"shellorphan"_s).contains(u"Erreur"_s), qPrintable(broken));
        for (const QString& line : r.stdErr.split(u'\n', Qt::SkipEmptyParts)) {
            if (line.contains(u"shell"_s))
                QVERIFY2(line.contains(u"Erreur"_s), qPrintable(broken));
        }
    }

    void moduleDisabledOnTheCommandLine()
    {
        const Run r = run({ u"--list-modules"_s, u"--db"_s, m_db, u"--module-path"_s, goodModuleDir(),
            u"--disable-module"_s, u"shelltest"_s });
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(lineOf(r.lines, u"shelltest"_s).contains(u"Désactivé"_s), qPrintable(r.lines.join(u'\n')));
        // Its dependant cannot run without it.
        QVERIFY(!lineOf(r.lines, u"shelltest-extra"_s).contains(u"Chargé"_s));
    }

    void moduleDisabledBySiteSettingFile()
    {
        const QString db = m_dir.filePath(u"site2/base.sqlite"_s);
        QVERIFY(QDir().mkpath(m_dir.filePath(u"site2"_s)));
        QFile ini(m_dir.filePath(u"site2/base.ini"_s));
        QVERIFY(ini.open(QIODevice::WriteOnly));
        ini.write("[modules]\ndisabled=shelltest-extra\n");
        ini.close();
        const Run r = run({ u"--list-modules"_s, u"--db"_s, db, u"--module-path"_s, goodModuleDir() });
        QCOMPARE(r.exitCode, 0);
        QVERIFY(lineOf(r.lines, u"shelltest"_s).contains(u"Chargé"_s));
        QVERIFY2(
            lineOf(r.lines, u"shelltest-extra"_s).contains(u"Désactivé"_s), qPrintable(r.lines.join(u'\n')));
    }

    void modulePathFromEnvironment()
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"IRIS_MODULE_PATH"_s, goodModuleDir());
        const Run r = run({ u"--list-modules"_s, u"--db"_s, m_db }, env);
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(lineOf(r.lines, u"shelltest"_s).contains(u"Chargé"_s), qPrintable(r.lines.join(u'\n')));
    }

    void existingDatabaseIsNotWritten()
    {
        const QString db = m_dir.filePath(u"existing.sqlite"_s);
        const iris::Result<void> created = createSiteDatabase(db);
        QVERIFY2(created.ok(), qPrintable(created.error().toString()));
        const QByteArray before = fileBytes(db);
        QVERIFY(!before.isEmpty());
        const Run r = run({ u"--list-modules"_s, u"--db"_s, db, u"--module-path"_s, goodModuleDir() });
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(fileBytes(db), before);
    }

    void helpAndVersionAreFrench()
    {
        const Run help = run({ u"--help"_s });
        QCOMPARE(help.exitCode, 0);
        const QString text = help.lines.join(u'\n');
        QVERIFY2(text.contains(u"--list-modules"_s) && text.contains(u"Base de données du site"_s),
            qPrintable(text));
        // The program by its name, not the path it was started from; no English left by Qt.
        QCOMPARE(help.lines.value(0), u"Utilisation : iris-desk [options]"_s);
        QVERIFY2(!text.contains(u"Usage:"_s) && !text.contains(u"Displays"_s) && !text.contains(u"Options:"_s),
            qPrintable(text));
        const Run version = run({ u"--version"_s });
        QCOMPARE(version.exitCode, 0);
        QVERIFY(version.lines.value(0).startsWith(u"IRIS Desk "_s));
        const Run bad = run({ u"--no-such-option"_s });
        QCOMPARE(bad.exitCode, 2);
        QVERIFY2(bad.stdErr.contains(u"iris-desk --help"_s), qPrintable(bad.stdErr));
    }
};

QTEST_GUILESS_MAIN(TestShellListModules)
#include "tst_shell_list_modules.moc"
