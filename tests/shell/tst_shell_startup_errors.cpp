// A database iris-desk cannot use (locked, read-only, corrupt, newer schema) is reported
// in a French dialog and on stderr; the start stops with a non-zero code, no window opens
// and the file keeps every byte.
#include "app/desk/src/DeskApplication.h"
#include "core/storage/Database.h"
#include "tests/shell/support/ShellTestSupport.h"
#include "ui/widgets/MessageBox.h"

#include <QDir>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace iris::shelltest;
using iris::ui::MessageBox;

class TestShellStartupErrors final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    struct Outcome
    {
        std::optional<int> exitCode;
        QString stdErr;
        QList<MessageBox::Record> dialogs;
        bool windowShown = false;
    };

    Outcome startDesk(const QString& db)
    {
        MessageBox::clearRecords();
        MessageBox::setAutoAnswer(QMessageBox::Ok);
        Outcome o;
        {
            StderrCapture capture;
            iris::shell::DeskApplication desk;
            o.exitCode = desk.start({ u"iris-desk"_s, u"--db"_s, db, u"--module-path"_s, goodModuleDir() });
            o.stdErr = capture.finish();
            o.windowShown = findLoginDialog() != nullptr || findMainWindow() != nullptr;
        }
        MessageBox::setAutoAnswer(QMessageBox::NoButton);
        o.dialogs = MessageBox::records();
        return o;
    }

    QString makeSite(const QString& name)
    {
        const QString path = m_dir.filePath(name);
        const iris::Result<void> created = createSiteDatabase(path);
        if (!created)
            qWarning("%s", qPrintable(created.error().toString()));
        return path;
    }

    void checkRefused(const QString& db, int expectedCode, const QString& expectedWords)
    {
        const QByteArray before = fileBytes(db);
        const bool hadWal = QFile::exists(db + u"-wal"_s);
        const Outcome o = startDesk(db);

        QVERIFY(o.exitCode.has_value());
        QCOMPARE(*o.exitCode, expectedCode);
        QVERIFY(!o.windowShown);
        QCOMPARE(o.dialogs.size(), 1);
        QCOMPARE(o.dialogs.first().kind, MessageBox::Kind::Critical);
        QVERIFY2(o.dialogs.first().text.contains(expectedWords, Qt::CaseInsensitive),
            qPrintable(o.dialogs.first().text));
        QVERIFY2(
            o.stdErr.contains(u"iris-desk : "_s) && o.stdErr.contains(expectedWords, Qt::CaseInsensitive),
            qPrintable(o.stdErr));
        QCOMPARE(fileBytes(db), before);
        if (!hadWal)
            QVERIFY(!QFile::exists(db + u"-wal"_s) || fileBytes(db + u"-wal"_s).isEmpty());
    }

private Q_SLOTS:
    void initTestCase()
    {
        prepareEnvironment();
        QVERIFY(m_dir.isValid());
    }

    void corruptTextFile()
    {
        const QString db = m_dir.filePath(u"notes.sqlite"_s);
        QFile f(db);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("Ceci est un compte rendu de réunion, pas une base de données.\n");
        f.close();
        checkRefused(db, 12, u"IRIS Desk"_s);
    }

    void corruptSqlitePages()
    {
        const QString db = makeSite(u"damaged.sqlite"_s);
        QFile f(db);
        QVERIFY(f.open(QIODevice::ReadWrite));
        QByteArray bytes = f.readAll();
        QVERIFY(bytes.size() > 8192);
        // Keep the SQLite header, wreck the schema page and what follows.
        for (qsizetype i = 100; i < bytes.size(); ++i)
            bytes[i] = char(0xA5 ^ (i & 0xFF));
        f.seek(0);
        f.write(bytes);
        f.close();
        checkRefused(db, 12, u"IRIS Desk"_s);
    }

    void readOnlyFile()
    {
        const QString db = makeSite(u"readonly.sqlite"_s);
        QVERIFY(QFile::setPermissions(db, QFile::ReadOwner | QFile::ReadGroup | QFile::ReadOther));
        checkRefused(db, 11, u"lecture seule"_s);
        QFile::setPermissions(db, QFile::ReadOwner | QFile::WriteOwner);
    }

    void newerSchema()
    {
        const QString db = makeSite(u"future.sqlite"_s);
        {
            QSqlDatabase c = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"future"_s);
            c.setDatabaseName(db);
            QVERIFY(c.open());
            QSqlQuery q(c);
            QVERIFY(q.exec(u"UPDATE schema_versions SET version = 999 WHERE owner = 'core'"_s));
            QVERIFY(q.exec(u"PRAGMA wal_checkpoint(TRUNCATE)"_s));
            q.finish();
            c.close();
        }
        QSqlDatabase::removeDatabase(u"future"_s);
        checkRefused(db, 13, u"plus récente"_s);
    }

    void lockedByAnotherWriter()
    {
        // A rollback-journal file held under an exclusive lock by another program: not
        // even its schema can be read.
        const QString db = m_dir.filePath(u"locked.sqlite"_s);
        {
            QSqlDatabase c = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"locker"_s);
            c.setDatabaseName(db);
            QVERIFY(c.open());
            QSqlQuery q(c);
            QVERIFY(q.exec(u"PRAGMA journal_mode = DELETE"_s));
            QVERIFY(q.exec(u"CREATE TABLE schema_versions (owner TEXT PRIMARY KEY, version INTEGER NOT NULL, "
                           "applied_at TEXT)"_s));
            QVERIFY(q.exec(u"BEGIN EXCLUSIVE"_s));
            QVERIFY(q.exec(u"INSERT INTO schema_versions VALUES ('autre', 1, 'x')"_s));
            q.finish();

            // SQLite's file locks hold between connections of one process as between processes.
            checkRefused(db, 10, u"autre programme"_s);
            QVERIFY(q.exec(u"ROLLBACK"_s));
            c.close();
        }
        QSqlDatabase::removeDatabase(u"locker"_s);
    }

    void missingFolderIsCreatedButADirectoryIsRefused()
    {
        const QString dir = m_dir.filePath(u"a-folder.sqlite"_s);
        QVERIFY(QDir().mkpath(dir));
        const Outcome o = startDesk(dir);
        QVERIFY(o.exitCode.has_value());
        QVERIFY(*o.exitCode != 0);
        QCOMPARE(o.dialogs.size(), 1);
        QVERIFY(o.stdErr.contains(u"dossier"_s));
    }
};

QTEST_MAIN(TestShellStartupErrors)
#include "tst_shell_startup_errors.moc"
