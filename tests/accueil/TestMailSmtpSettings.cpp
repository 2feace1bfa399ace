// The SMTP settings in the site database: saved by a superviseur (accueil.configure)
// only, read back by an agent who sends; the password sealed with a key file kept beside
// the database (never in the table in clear, never in the audit trail), lost with a
// French message when the key is gone.
#include "modules/accueil/mail/MailPermissions.h"
#include "modules/accueil/mail/MailReplySchema.h"
#include "modules/accueil/mail/SmtpPasswordVault.h"
#include "modules/accueil/mail/SmtpSettingsStore.h"
#include "tests/accueil/AccueilFixture.h"
#include "tests/support/TestEngines.h"

#include <QFile>
#include <QDir>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace iris;
using namespace iris::accueil;
using namespace iris::test;

class TestMailSmtpSettings : public QObject
{
    Q_OBJECT

    std::unique_ptr<AccueilFixture> f;
    QTemporaryDir m_keys;  // the shared site's key folder (/etc/iris-desk on a real site)

    static SmtpSettingsStore::Values sample()
    {
        SmtpSettingsStore::Values v;
        v.smtp.host = u" smtp.ville-test.fr "_s;
        v.smtp.port = 587;
        v.smtp.security = SmtpSecurity::StartTls;
        v.smtp.user = u"iris"_s;
        v.smtp.password = u"Très-S3cret!"_s;
        v.smtp.fromAddress = u"iris@ville-test.fr"_s;
        v.smtp.fromName = u"Accueil IRIS"_s;
        v.smtp.timeoutSeconds = 15;
        v.signature = u"L'équipe IRIS"_s;
        return v;
    }

private Q_SLOTS:
    void initTestCase()
    {
        qunsetenv("IRIS_MAIL_KEY_FILE");
        QCOMPARE(SmtpPasswordVault::sharedSiteKeyPath(), u"/etc/iris-desk/mail-key"_s);
        qputenv("IRIS_MAIL_KEY_FILE", m_keys.filePath(u"mail-key"_s).toUtf8());
        QCOMPARE(SmtpPasswordVault::sharedSiteKeyPath(), m_keys.filePath(u"mail-key"_s));
    }

    void init()
    {
        QFile::remove(m_keys.filePath(u"mail-key"_s));
        f = std::make_unique<AccueilFixture>();
        declareMailPermissions(*f->permissions);
        QString error;
        QVERIFY2(f->start(&error), qPrintable(error));
        MigrationRunner extra;
        registerMailReplySchema(extra);
        QVERIFY(extra.run(*f->db));
    }
    void cleanup() { f.reset(); }

    void defaultsBeforeAnySave()
    {
        auto agent = f->as(u"accueil"_s);
        const auto v = SmtpSettingsStore(*agent).load();
        QVERIFY2(v, qPrintable(v.error().toString()));
        QVERIFY(!v->smtp.isConfigured());
        QCOMPARE(v->signature, SmtpSettingsStore::defaultSignature());
        QVERIFY(!v->passwordStored);
    }

    void savedSealedAndReadBack()
    {
        auto agent = f->as(u"accueil"_s);
        const auto denied = SmtpSettingsStore(*agent).save(sample(), SmtpSettingsStore::Password::Replace);
        QVERIFY(!denied);
        QCOMPARE(denied.error().code(), ErrorCode::PermissionDenied);

        auto chief = f->as(u"superviseur"_s);
        const auto saved = SmtpSettingsStore(*chief).save(sample(), SmtpSettingsStore::Password::Replace);
        QVERIFY2(saved, qPrintable(saved.error().toString()));
        QCOMPARE(saved->smtp.host, u"smtp.ville-test.fr"_s);
        QVERIFY(saved->passwordStored);
        QVERIFY(saved->smtp.password.isEmpty()); // the form never gets it back

        const QString stored
            = f->scalar(u"SELECT value FROM accueil_mail_send_settings WHERE key = 'smtp.password'"_s)
                  .toString();
        QVERIFY2(stored.startsWith(u"sb1:"_s), qPrintable(stored));
        QVERIFY(!stored.contains(u"S3cret"_s));
        QCOMPARE(f->scalar(u"SELECT COUNT(*) FROM accueil_mail_send_settings WHERE value LIKE '%S3cret%'"_s)
                     .toInt(),
            0);
        QCOMPARE(f->scalar(u"SELECT COUNT(*) FROM audit_events WHERE details LIKE '%S3cret%'"_s).toInt(), 0);
        QCOMPARE(
            f->scalar(u"SELECT COUNT(*) FROM audit_events WHERE entity_kind = 'accueil_mail_send_settings'"_s)
                .toInt(),
            1);
        // SQLite: beside the file, for its owner alone. A shared site: the site key file, readable
        // by the group of the workstations' accounts (they run under different OS accounts).
        const QString keyFile = test::onPostgres() ? SmtpPasswordVault::sharedSiteKeyPath()
                                                   : SmtpPasswordVault::keyPathFor(f->path());
        QVERIFY(QFileInfo::exists(keyFile));
        QCOMPARE(QFile::permissions(keyFile) & QFileDevice::ReadOther, QFileDevice::Permissions());
        QCOMPARE(bool(QFile::permissions(keyFile) & QFileDevice::ReadGroup), test::onPostgres());
        QCOMPARE(QFileInfo(keyFile).size(), 32);
        // Published whole: no half-written or temporary key file is left beside it.
        const QFileInfo key(keyFile);
        QCOMPARE(key.dir().entryList({ key.fileName() + u"*"_s }, QDir::Files), QStringList { key.fileName() });

        // The agent who sends reads the whole setting, password included.
        const auto loaded = SmtpSettingsStore(*agent).load();
        QVERIFY2(loaded, qPrintable(loaded.error().toString()));
        QCOMPARE(loaded->smtp.password, u"Très-S3cret!"_s);
        QCOMPARE(loaded->smtp.security, SmtpSecurity::StartTls);
        QCOMPARE(loaded->smtp.port, 587);
        QCOMPARE(loaded->smtp.timeoutSeconds, 15);
        QCOMPARE(loaded->signature, u"L'équipe IRIS"_s);

        // Saving other fields keeps the password.
        SmtpSettingsStore::Values other = sample();
        other.smtp.password.clear();
        other.smtp.port = 465;
        QVERIFY(SmtpSettingsStore(*chief).save(other, SmtpSettingsStore::Password::Keep));
        QCOMPARE(SmtpSettingsStore(*agent).load()->smtp.password, u"Très-S3cret!"_s);

        // Without its key, the sealed password is lost — said in French, not garbage.
        QVERIFY(QFile::remove(keyFile));
        const auto lost = SmtpSettingsStore(*agent).load();
        QVERIFY(!lost);
        QVERIFY2(lost.error().message().contains(u"saisissez à nouveau le mot de passe"_s),
            qPrintable(lost.error().message()));
    }

    void validation()
    {
        auto chief = f->as(u"superviseur"_s);
        SmtpSettingsStore::Values v = sample();
        v.smtp.host = u"smtp ville"_s;
        v.smtp.port = 70000;
        v.smtp.fromAddress = u"iris"_s;
        v.smtp.timeoutSeconds = 0;
        const auto refused = SmtpSettingsStore(*chief).save(v);
        QVERIFY(!refused);
        for (const QString& field : { u"host"_s, u"port"_s, u"fromAddress"_s, u"timeout"_s })
            QVERIFY2(!refused.error().fieldMessage(field).isEmpty(), qPrintable(field));
        QCOMPARE(f->scalar(u"SELECT COUNT(*) FROM accueil_mail_send_settings"_s).toInt(), 0);
    }
};

QTEST_GUILESS_MAIN(TestMailSmtpSettings)
#include "TestMailSmtpSettings.moc"
