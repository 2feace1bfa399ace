#include "core/security/PasswordHasher.h"

#include <QTest>
#include <sodium.h>

using namespace Qt::StringLiterals;
using iris::PasswordHasher;

class TestPasswordHasher final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void hashAndVerify();
    void wrongPassword();
    void eachHashIsSalted();
    void unicodePasswords();
    void emptyPasswordRefused();
    void garbageHashNeverVerifies();
    void needsRehash();
};

void TestPasswordHasher::hashAndVerify()
{
    const auto hash = PasswordHasher::hash(u"Accueil-2026!"_s);
    QVERIFY2(hash.ok(), qPrintable(hash.error().message()));
    QVERIFY(hash->startsWith(u"$argon2id$v=19$"_s));
    QVERIFY(!hash->contains(u"Accueil-2026!"_s));
    QVERIFY(PasswordHasher::verify(*hash, u"Accueil-2026!"_s));
    QVERIFY(!PasswordHasher::needsRehash(*hash));
}

void TestPasswordHasher::wrongPassword()
{
    const auto hash = PasswordHasher::hash(u"Accueil-2026!"_s);
    QVERIFY(hash.ok());
    QVERIFY(!PasswordHasher::verify(*hash, u"accueil-2026!"_s));
    QVERIFY(!PasswordHasher::verify(*hash, u"Accueil-2026"_s));
    QVERIFY(!PasswordHasher::verify(*hash, QString()));
}

void TestPasswordHasher::eachHashIsSalted()
{
    const auto first = PasswordHasher::hash(u"motdepasse"_s);
    const auto second = PasswordHasher::hash(u"motdepasse"_s);
    QVERIFY(first.ok() && second.ok());
    QVERIFY(*first != *second);
    QVERIFY(PasswordHasher::verify(*first, u"motdepasse"_s));
    QVERIFY(PasswordHasher::verify(*second, u"motdepasse"_s));
}

void TestPasswordHasher::unicodePasswords()
{
    const auto hash = PasswordHasher::hash(u"Œuvre-Été-ß-日本"_s);
    QVERIFY(hash.ok());
    QVERIFY(PasswordHasher::verify(*hash, u"Œuvre-Été-ß-日本"_s));
    // Same letters, other normal form: a different byte string, so a different password.
    QVERIFY(!PasswordHasher::verify(*hash, u"Œuvre-Été-ß-日本"_s.normalized(QString::NormalizationForm_D)));
}

void TestPasswordHasher::emptyPasswordRefused()
{
    const auto hash = PasswordHasher::hash(QString());
    QVERIFY(!hash.ok());
    QCOMPARE(hash.error().code(), iris::ErrorCode::InvalidArgument);
    QVERIFY(!hash.error().message().isEmpty());
}

void TestPasswordHasher::garbageHashNeverVerifies()
{
    QVERIFY(!PasswordHasher::verify(QString(), u"x"_s));
    QVERIFY(!PasswordHasher::verify(u"not a hash"_s, u"not a hash"_s));
    QVERIFY(!PasswordHasher::verify(u"$argon2id$v=19$m=65536,t=2,p=1$broken"_s, u"x"_s));
    QVERIFY(!PasswordHasher::verify(QString(300, QLatin1Char('$')), u"x"_s));
    QVERIFY(PasswordHasher::needsRehash(u"plaintext"_s));
}

void TestPasswordHasher::needsRehash()
{
    // A hash made with weaker limits (as an older release might have stored) still
    // verifies, but asks to be re-hashed.
    QVERIFY(sodium_init() >= 0);
    const QByteArray password = "ancien-mot-de-passe";
    char weak[crypto_pwhash_STRBYTES];
    QCOMPARE(crypto_pwhash_str_alg(weak, password.constData(), quint64(password.size()),
                 crypto_pwhash_OPSLIMIT_MIN, 8 * 1024 * 1024, crypto_pwhash_ALG_ARGON2ID13),
        0);
    const QString weakHash = QString::fromLatin1(weak);
    QVERIFY(PasswordHasher::verify(weakHash, QString::fromLatin1(password)));
    QVERIFY(PasswordHasher::needsRehash(weakHash));

    const auto fresh = PasswordHasher::hash(QString::fromLatin1(password));
    QVERIFY(fresh.ok());
    QVERIFY(!PasswordHasher::needsRehash(*fresh, PasswordHasher::Strength::Interactive));
    QVERIFY(PasswordHasher::needsRehash(*fresh, PasswordHasher::Strength::Moderate));

    // An Argon2i hash (other variant) must be upgraded too.
    char argon2i[crypto_pwhash_STRBYTES];
    QCOMPARE(crypto_pwhash_str_alg(argon2i, password.constData(), quint64(password.size()),
                 crypto_pwhash_argon2i_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE,
                 crypto_pwhash_ALG_ARGON2I13),
        0);
    QVERIFY(PasswordHasher::needsRehash(QString::fromLatin1(argon2i)));
}

QTEST_APPLESS_MAIN(TestPasswordHasher)
#include "TestPasswordHasher.moc"
