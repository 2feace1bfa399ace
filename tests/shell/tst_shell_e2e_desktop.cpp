// End to end, as a new agent meets IRIS Desk: the real iris-desk executable with its real
// event loop (QApplication::exec), on a virtual X screen of 1600 × 1000 (Xvfb), typed into
// with xdotool. Every demo role logs in on the first start (demo data seeded), the process
// is still running a few seconds later with its main window mapped, a screenshot is kept
// (build/tests/artefacts/e2e-<login>.png), the agent logs out (Ctrl+Maj+Q) and the next one
// logs in; Ctrl+Q ends the application with status 0. A later start on the same database
// does the same without seeding. These are the steps no in-process GUI test could see fail:
// the application used to quit the moment the login dialog closed.
#include "tests/shell/support/ShellTestSupport.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QImage>
#include <QProcess>
#include <QSet>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

struct DemoAgent
{
    QString login;
    QString password;
    QString firstName; ///< matched in the main window's title ("IRIS Desk — Camille Accueil")
};

// resources/demo/AGENTS.md: one account per role.
const QList<DemoAgent> kAgents = {
    { u"accueil"_s, u"accueil"_s, u"Camille"_s },
    { u"teleconseil"_s, u"teleconseil"_s, u"Thomas"_s },
    { u"social"_s, u"social"_s, u"Sophie"_s },
    { u"service"_s, u"service"_s, u"Julien"_s },
    { u"superviseur"_s, u"superviseur"_s, u"Nathalie"_s },
    { u"admin"_s, u"admin"_s, u"Alain"_s },
};

const QString kLoginTitle = u"connexion$"_s; // "IRIS Desk — connexion"

} // namespace

class TestShellE2eDesktop final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_home;
    QProcess m_xvfb;
    QString m_display;
    QString m_db;
    QString m_artefacts;

    QProcessEnvironment deskEnvironment() const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        // A fresh home folder: no saved geometry, no settings, the data folder created.
        env.insert(u"HOME"_s, m_home.path());
        env.insert(u"XDG_CONFIG_HOME"_s, m_home.filePath(u".config"_s));
        env.insert(u"XDG_DATA_HOME"_s, m_home.filePath(u".local/share"_s));
        env.insert(u"XDG_CACHE_HOME"_s, m_home.filePath(u".cache"_s));
        env.insert(u"XDG_RUNTIME_DIR"_s, m_home.filePath(u"runtime"_s));
        env.insert(u"DISPLAY"_s, m_display);
        env.insert(u"QT_QPA_PLATFORM"_s, u"xcb"_s);
        env.remove(u"WAYLAND_DISPLAY"_s);
        env.remove(u"IRIS_MODULE_PATH"_s);
        return env;
    }

    QString xdotool(const QStringList& args, bool* ok = nullptr) const
    {
        QProcess p;
        p.setProcessEnvironment(deskEnvironment());
        p.start(u"xdotool"_s, args);
        const bool finished = p.waitForFinished(20000);
        if (ok)
            *ok = finished && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
        return QString::fromUtf8(p.readAllStandardOutput()).trimmed();
    }

    /// Visible (mapped) windows whose title matches `pattern` (xdotool's regular expression).
    QStringList visibleWindows(const QString& pattern) const
    {
        const QString out = xdotool({ u"search"_s, u"--onlyvisible"_s, u"--name"_s, pattern });
        return out.isEmpty() ? QStringList {} : out.split(u'\n', Qt::SkipEmptyParts);
    }

    QString waitForWindow(const QString& pattern, int timeoutMs, QProcess& desk) const
    {
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < timeoutMs && desk.state() == QProcess::Running) {
            const QStringList ids = visibleWindows(pattern);
            if (!ids.isEmpty())
                return ids.constLast();
            QTest::qWait(200);
        }
        return {};
    }

    bool waitUntilGone(const QString& pattern, int timeoutMs) const
    {
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < timeoutMs) {
            if (visibleWindows(pattern).isEmpty())
                return true;
            QTest::qWait(200);
        }
        return false;
    }

    /// xwininfo's "Map State" of a window: "IsViewable" once it is on screen.
    QString mapState(const QString& windowId) const
    {
        QProcess p;
        p.setProcessEnvironment(deskEnvironment());
        p.start(u"xwininfo"_s, { u"-id"_s, windowId });
        p.waitForFinished(10000);
        const QString out = QString::fromUtf8(p.readAllStandardOutput());
        const qsizetype at = out.indexOf(u"Map State:"_s);
        return at < 0 ? QString() : out.mid(at + 10).section(u'\n', 0, 0).trimmed();
    }

    /// Screenshot with ImageMagick's import; checked to be a real picture, not a blank.
    bool screenshot(const QString& target, const QString& file, QSize expected = {}) const
    {
        QProcess p;
        p.setProcessEnvironment(deskEnvironment());
        p.start(u"import"_s, { u"-window"_s, target, file });
        if (!p.waitForFinished(30000) || p.exitCode() != 0) {
            qWarning("import: %s", p.readAllStandardError().constData());
            return false;
        }
        const QImage image(file);
        if (image.isNull() || (expected.isValid() && image.size() != expected))
            return false;
        QSet<QRgb> colours;
        for (int y = 0; y < image.height(); y += 7) {
            for (int x = 0; x < image.width(); x += 7)
                colours.insert(image.pixel(x, y));
        }
        return colours.size() > 20;
    }

    void startDesk(QProcess& desk)
    {
        desk.setProcessEnvironment(deskEnvironment());
        desk.start(iris::shelltest::deskBinary(), { u"--db"_s, m_db });
        QVERIFY2(desk.waitForStarted(10000), qPrintable(desk.errorString()));
    }

    /// Types the agent's credentials into the login dialog and waits for their window.
    QString logIn(QProcess& desk, const DemoAgent& agent, int loginTimeoutMs)
    {
        const QString login = waitForWindow(kLoginTitle, loginTimeoutMs, desk);
        if (login.isEmpty())
            return {};
        xdotool({ u"windowfocus"_s, u"--sync"_s, login });
        xdotool({ u"type"_s, u"--delay"_s, u"25"_s, agent.login });
        xdotool({ u"key"_s, u"Tab"_s });
        xdotool({ u"type"_s, u"--delay"_s, u"25"_s, agent.password });
        xdotool({ u"key"_s, u"Return"_s });
        return waitForWindow(u"IRIS Desk — "_s + agent.firstName, 30000, desk);
    }

    /// Every module of the build loaded: iris-desk reports a module it could not load
    /// on stderr ("iris-desk : … — Erreur : …").
    static void checkModulesLoaded(QProcess& desk)
    {
        const QString log = QString::fromUtf8(desk.readAllStandardError());
        QVERIFY2(!log.contains(u"Erreur"_s) && !log.contains(u"n'a pas pu"_s), qPrintable(log));
    }

    void checkAtWork(QProcess& desk, const QString& window, const DemoAgent& agent)
    {
        // Still running a few seconds later: the event loop did not end with the login.
        QTest::qWait(3000);
        QCOMPARE(desk.state(), QProcess::Running);
        QCOMPARE(mapState(window), u"IsViewable"_s);
        QVERIFY(visibleWindows(u"IRIS Desk — "_s + agent.firstName).contains(window));
        QVERIFY2(visibleWindows(kLoginTitle).isEmpty(), "the login dialog is still on screen");
        QVERIFY(screenshot(u"root"_s, QDir(m_artefacts).filePath(u"e2e-%1.png"_s.arg(agent.login)),
            QSize(1600, 1000)));
        QVERIFY(screenshot(window, QDir(m_artefacts).filePath(u"e2e-%1-window.png"_s.arg(agent.login))));
    }

    void quitWithCtrlQ(QProcess& desk, const QString& window)
    {
        xdotool({ u"windowfocus"_s, u"--sync"_s, window });
        xdotool({ u"key"_s, u"ctrl+q"_s });
        QVERIFY2(desk.waitForFinished(20000), "Ctrl+Q did not end the application");
        QCOMPARE(desk.exitStatus(), QProcess::NormalExit);
        QCOMPARE(desk.exitCode(), 0);
    }

private Q_SLOTS:
    void initTestCase()
    {
        for (const QString& tool : { u"Xvfb"_s, u"xdotool"_s, u"xwininfo"_s, u"import"_s })
            QVERIFY2(!QStandardPaths::findExecutable(tool).isEmpty(),
                qPrintable(tool + u" is missing: scripts/deps.sh installs it"_s));
        QVERIFY(m_home.isValid());
        QVERIFY(QDir(m_home.path()).mkpath(u"runtime"_s));
        QFile::setPermissions(m_home.filePath(u"runtime"_s), QFileDevice::ReadOwner | QFileDevice::WriteOwner
                | QFileDevice::ExeOwner);
        m_db = m_home.filePath(u"site.sqlite"_s);
        m_artefacts = QDir(qEnvironmentVariable("IRIS_BINARY_DIR", QDir::currentPath())).filePath(u"tests/artefacts"_s);
        QVERIFY(QDir().mkpath(m_artefacts));

        // Xvfb picks a free display and writes its number on the descriptor given (stdout).
        m_xvfb.start(u"Xvfb"_s, { u"-displayfd"_s, u"1"_s, u"-screen"_s, u"0"_s, u"1600x1000x24"_s,
                                    u"-nolisten"_s, u"tcp"_s, u"-noreset"_s });
        QVERIFY(m_xvfb.waitForStarted(10000));
        QElapsedTimer timer;
        timer.start();
        QByteArray number;
        while (!number.contains('\n') && timer.elapsed() < 20000 && m_xvfb.state() == QProcess::Running) {
            m_xvfb.waitForReadyRead(500);
            number += m_xvfb.readAllStandardOutput();
        }
        QVERIFY2(number.contains('\n'), "Xvfb gave no display number");
        m_display = u":"_s + QString::fromLatin1(number.trimmed());
    }

    void cleanupTestCase()
    {
        m_xvfb.terminate();
        m_xvfb.waitForFinished(5000);
    }

    void everyRoleLogsInAndOutOnTheFirstStart()
    {
        QVERIFY(!QFileInfo::exists(m_db));
        QProcess desk;
        startDesk(desk);
        bool first = true;
        for (const DemoAgent& agent : kAgents) {
            // The first start creates and seeds the demo database before the login.
            const QString window = logIn(desk, agent, first ? 240000 : 30000);
            QVERIFY2(!window.isEmpty(),
                qPrintable(u"%1: no main window (process %2)"_s.arg(agent.login,
                    desk.state() == QProcess::Running ? u"running"_s : u"ended"_s)));
            if (first)
                checkModulesLoaded(desk);
            first = false;
            checkAtWork(desk, window, agent);
            if (QTest::currentTestFailed())
                return;
            // Se déconnecter: the window goes, the login comes back, the process stays.
            xdotool({ u"windowfocus"_s, u"--sync"_s, window });
            xdotool({ u"key"_s, u"ctrl+shift+q"_s });
            QVERIFY2(waitUntilGone(u"IRIS Desk — "_s + agent.firstName, 15000), qPrintable(agent.login));
            QVERIFY(!waitForWindow(kLoginTitle, 15000, desk).isEmpty());
            QCOMPARE(desk.state(), QProcess::Running);
        }
        // One more agent, then Ctrl+Q.
        const QString window = logIn(desk, kAgents.constFirst(), 30000);
        QVERIFY(!window.isEmpty());
        quitWithCtrlQ(desk, window);
    }

    void aLaterStartOpensTheSameSite()
    {
        QVERIFY(QFileInfo::exists(m_db));
        QProcess desk;
        startDesk(desk);
        const DemoAgent& agent = kAgents.at(4); // superviseur: every page
        const QString window = logIn(desk, agent, 60000);
        QVERIFY(!window.isEmpty());
        checkAtWork(desk, window, agent);
        quitWithCtrlQ(desk, window);
    }

    void quittingAtTheLoginEndsTheApplication()
    {
        QProcess desk;
        startDesk(desk);
        const QString login = waitForWindow(kLoginTitle, 60000, desk);
        QVERIFY(!login.isEmpty());
        xdotool({ u"windowfocus"_s, u"--sync"_s, login });
        xdotool({ u"key"_s, u"Escape"_s });
        QVERIFY(desk.waitForFinished(15000));
        QCOMPARE(desk.exitCode(), 0);
    }
};

QTEST_GUILESS_MAIN(TestShellE2eDesktop)
#include "tst_shell_e2e_desktop.moc"
