#include "tests/support/TestPaths.h"

#include <QDir>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

// The package must install both executables, the private libraries, the module
// plugins and a .desktop entry, and what it installs must run from where it lands.
class PackagingDebTest : public QObject
{
    Q_OBJECT

private:
    static QString run(const QString& program, const QStringList& args, const QString& cwd = {},
                       int* exitCode = nullptr, const QProcessEnvironment& env = QProcessEnvironment::systemEnvironment())
    {
        QProcess p;
        p.setProcessEnvironment(env);
        if (!cwd.isEmpty())
            p.setWorkingDirectory(cwd);
        p.setProcessChannelMode(QProcess::MergedChannels);
        p.start(program, args);
        if (!p.waitForFinished(540000))
            qWarning() << program << "did not finish";
        if (exitCode)
            *exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
        return QString::fromUtf8(p.readAll());
    }

    QTemporaryDir m_work;
    QString m_deb;
    QString m_root;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_work.isValid());
        int rc = -1;
        // Package into our own folder so parallel runs never share a file.
        const QString out = run(QStringLiteral(IRIS_CPACK_COMMAND),
                                {QStringLiteral("--config"), iris::test::binaryDir() + QStringLiteral("/CPackConfig.cmake"),
                                 QStringLiteral("-B"), m_work.path()},
                                iris::test::binaryDir(), &rc);
        QVERIFY2(rc == 0, qPrintable(out));
        const QStringList debs = QDir(m_work.path()).entryList({QStringLiteral("*.deb")}, QDir::Files);
        QCOMPARE(debs.size(), 1);
        m_deb = m_work.filePath(debs.first());
        QVERIFY(debs.first().startsWith(QStringLiteral("iris-desk_" IRIS_PACKAGE_VERSION)));
        m_root = m_work.filePath(QStringLiteral("root"));
        const QString x = run(QStringLiteral("dpkg-deb"), {QStringLiteral("-x"), m_deb, m_root}, {}, &rc);
        QVERIFY2(rc == 0, qPrintable(x));
    }

    void containsEverything_data()
    {
        QTest::addColumn<QString>("path");
        QTest::newRow("iris-desk") << QStringLiteral("usr/bin/iris-desk");
        QTest::newRow("iris-cli") << QStringLiteral("usr/bin/iris-cli");
        QTest::newRow("core library") << QStringLiteral("usr/lib/iris-desk/libiris-core.so.0");
        QTest::newRow("usagers module") << QStringLiteral("usr/lib/iris-desk/modules/iris-module-usagers.so");
        QTest::newRow("desktop entry") << QStringLiteral("usr/share/applications/fr.issy.IrisDesk.desktop");
        QTest::newRow("icon") << QStringLiteral("usr/share/icons/hicolor/scalable/apps/iris-desk.svg");
    }

    void containsEverything()
    {
        QFETCH(QString, path);
        QVERIFY2(QFileInfo::exists(m_root + QLatin1Char('/') + path), qPrintable(path));
    }

    void controlDeclaresDependencies()
    {
        int rc = -1;
        const QString depends = run(QStringLiteral("dpkg-deb"), {QStringLiteral("-f"), m_deb, QStringLiteral("Depends")}, {}, &rc);
        QCOMPARE(rc, 0);
        QVERIFY2(depends.contains(QStringLiteral("libqt6widgets6")), qPrintable(depends));
        QVERIFY2(depends.contains(QStringLiteral("libqt6sql6-sqlite")), qPrintable(depends));
    }

    void installedProgramsRun()
    {
        // RPATHs must point inside the package, not at the build tree.
        int rc = -1;
        const QString version = run(m_root + QStringLiteral("/usr/bin/iris-cli"), {QStringLiteral("--version")}, {}, &rc);
        QCOMPARE(rc, 0);
        QVERIFY2(version.contains(QStringLiteral(IRIS_PACKAGE_VERSION)), qPrintable(version));

        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        env.insert(QStringLiteral("HOME"), m_work.filePath(QStringLiteral("home")));
        env.insert(QStringLiteral("XDG_DATA_HOME"), m_work.filePath(QStringLiteral("home/.local/share")));
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_work.filePath(QStringLiteral("home/.config")));
        env.remove(QStringLiteral("IRIS_MODULE_PATH"));
        const QString modules = run(m_root + QStringLiteral("/usr/bin/iris-desk"), {QStringLiteral("--list-modules")},
                                    {}, &rc, env);
        QVERIFY2(rc == 0, qPrintable(modules));
        QVERIFY2(modules.contains(QStringLiteral("usagers")), qPrintable(modules));
        // Found beside the installed binary (no IRIS_MODULE_PATH), and every one loads.
        QVERIFY2(modules.contains(QStringLiteral("Usagers — Chargé")), qPrintable(modules));
        QVERIFY2(!modules.contains(QStringLiteral("Erreur")), qPrintable(modules));
    }
};

QTEST_GUILESS_MAIN(PackagingDebTest)
#include "tst_packaging_deb.moc"
