#include "RelationFixture.h"
#include "core/services/AuthService.h"

#include <QTest>

using namespace iris;
using namespace iris::test;
using namespace Qt::StringLiterals;

class TestAuth : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void loginSucceeds()
    {
        RelationFixture f;
        const qint64 service = f.service(u"IRIS"_s);
        const qint64 id
            = f.agent(u"Marie.Durand"_s, Role::Teleconseiller, service, u"un mot de passe long"_s);
        AuthService auth(f.db);
        auto who = auth.login(u"  marie.durand "_s, u"un mot de passe long"_s);
        QVERIFY2(who, qPrintable(who.error().toString()));
        QCOMPARE(who->id, id);
        QCOMPARE(who->login, u"marie.durand"_s);
        QCOMPARE(who->role, Role::Teleconseiller);
        QCOMPARE(who->serviceId, service);
        QVERIFY(f.agents.get(id)->lastLoginAt.isValid());
        QCOMPARE(
            f.scalar(
                u"SELECT COUNT(*) FROM audit_events WHERE action = 'login' AND entity_id = %1"_s.arg(id)),
            1);
    }

    void wrongPasswordAndUnknownLoginLookAlike()
    {
        RelationFixture f;
        f.agent(u"accueil1"_s, Role::AgentAccueil, 0, u"correct horse battery"_s);
        AuthService auth(f.db);
        auto wrong = auth.login(u"accueil1"_s, u"Correct horse battery"_s);
        auto unknown = auth.login(u"personne"_s, u"correct horse battery"_s);
        QVERIFY(!wrong);
        QVERIFY(!unknown);
        QCOMPARE(wrong.error().code(), ErrorCode::AuthenticationFailed);
        QCOMPARE(unknown.error().code(), ErrorCode::AuthenticationFailed);
        QCOMPARE(wrong.error().message(), unknown.error().message());
        QCOMPARE(wrong.error().message(), u"Identifiant ou mot de passe incorrect."_s);
        // Both attempts are in the audit trail, with the reason kept for the administrator.
        QCOMPARE(f.scalar(u"SELECT COUNT(*) FROM audit_events WHERE action = 'login_failed'"_s), 2);
        QCOMPARE(f.scalar(u"SELECT COUNT(*) FROM audit_events WHERE action = 'login_failed' "
                          u"AND agent_login = 'personne'"_s),
            1);
        auto empty = auth.login(u"accueil1"_s, QString());
        QVERIFY(!empty);
        QCOMPARE(empty.error().code(), ErrorCode::AuthenticationFailed);
    }

    void disabledAgentRefused()
    {
        RelationFixture f;
        const qint64 id = f.agent(u"parti"_s, Role::AgentService, 0, u"ancien-mot-de-passe"_s);
        QVERIFY(f.agents.setActive(id, 1, false));
        AuthService auth(f.db);
        auto refused = auth.login(u"parti"_s, u"ancien-mot-de-passe"_s);
        QVERIFY(!refused);
        QCOMPARE(refused.error().code(), ErrorCode::AuthenticationFailed);
        QVERIFY(refused.error().message().contains(u"désactivé"_s));
        // Without the password, a disabled account looks like any failure.
        auto guess = auth.login(u"parti"_s, u"devinette"_s);
        QCOMPARE(guess.error().message(), u"Identifiant ou mot de passe incorrect."_s);
        QVERIFY(f.agents.setActive(id, 2, true));
        QVERIFY(auth.login(u"parti"_s, u"ancien-mot-de-passe"_s));
    }

    void hashStoredNeverThePassword()
    {
        RelationFixture f;
        const QString password = u"Très-secret-2026"_s;
        const qint64 a = f.agent(u"agent.a"_s, Role::AgentAccueil, 0, password);
        const qint64 b = f.agent(u"agent.b"_s, Role::AgentAccueil, 0, password);
        QSqlQuery q(f.db->connection());
        QVERIFY(q.exec(u"SELECT id, password_hash FROM agents ORDER BY id"_s));
        QStringList hashes;
        while (q.next()) {
            const QString hash = q.value(1).toString();
            QVERIFY2(hash.startsWith(u"$argon2id$"_s), qPrintable(hash));
            QVERIFY(!hash.contains(password));
            hashes << hash;
        }
        QCOMPARE(hashes.size(), 2);
        QVERIFY(hashes.at(0) != hashes.at(1)); // salted
        // Nothing else in the file holds the password (audit details included).
        QCOMPARE(f.scalar(u"SELECT COUNT(*) FROM audit_events WHERE details LIKE '%Très-secret%'"_s), 0);

        // Changing it: the old one stops working.
        AuthService auth(f.db);
        QVERIFY(auth.setPassword(a, u"nouveau-mot-de-passe"_s));
        QVERIFY(!auth.login(u"agent.a"_s, password));
        QVERIFY(auth.login(u"agent.a"_s, u"nouveau-mot-de-passe"_s));
        QVERIFY(auth.login(u"agent.b"_s, password));
        QCOMPARE(auth.setPassword(9999, u"whatever-long"_s).error().code(), ErrorCode::NotFound);
        Q_UNUSED(b);
    }

    void agentManagementRules()
    {
        RelationFixture f;
        auto weak = f.agents.create(Agent { 0, 0, u"court"_s, u"Court"_s, Role::AgentAccueil }, u"abc"_s);
        QVERIFY(!weak);
        QVERIFY(!weak.error().fieldMessage(u"password"_s).isEmpty());
        auto badLogin
            = f.agents.create(Agent { 0, 0, u"é space"_s, u"X"_s, Role::AgentAccueil }, u"abcdefghij"_s);
        QVERIFY(!badLogin.error().fieldMessage(u"login"_s).isEmpty());
        f.agent(u"double"_s, Role::AgentAccueil);
        QCOMPARE(f.agents.create(Agent { 0, 0, u"DOUBLE"_s, u"Autre"_s, Role::AgentAccueil }, u"abcdefghij"_s)
                     .error()
                     .code(),
            ErrorCode::Duplicate);

        // The last active administrator cannot be disabled or demoted.
        const qint64 admin = f.agent(u"admin"_s, Role::Administrateur);
        auto disable = f.agents.setActive(admin, 1, false);
        QVERIFY(!disable);
        QCOMPARE(disable.error().code(), ErrorCode::Conflict);
        f.agent(u"admin2"_s, Role::Administrateur);
        QVERIFY(f.agents.setActive(admin, 1, false));

        // Only AgentManage may create accounts; an agent may change their own password.
        RelationFixture counter(Role::AgentAccueil);
        QCOMPARE(counter.agents
                     .create(Agent { 0, 0, u"intrus"_s, u"Intrus"_s, Role::Administrateur }, u"abcdefghij"_s)
                     .error()
                     .code(),
            ErrorCode::PermissionDenied);
        QCOMPARE(counter.agents.resetPassword(admin, u"abcdefghijk"_s).error().code(),
            ErrorCode::PermissionDenied);
    }
};

QTEST_GUILESS_MAIN(TestAuth)
#include "TestAuth.moc"
