// Reply templates and their filling: the seeded French models, placeholders filled from
// the courriel, the citizen, the agent and the directory's service, unknown placeholders
// left visible, an article of a real knowledge base (iris_kb store read through the
// KnowledgeBaseAccess the shell hands out) inserted before the closing formula; template
// CRUD reserved to accueil.configure, with versions.
#include "core/base/PhoneNumber.h"
#include "core/services/CitizenService.h"
#include "core/services/DirectoryService.h"
#include "modules/accueil/mail/CourrielSchema.h"
#include "modules/accueil/mail/CourrielService.h"
#include "modules/accueil/mail/MailPermissions.h"
#include "modules/accueil/mail/MailReplySchema.h"
#include "modules/accueil/mail/ReplyComposer.h"
#include "modules/accueil/mail/ReplyTemplateStore.h"
#include "tests/accueil/AccueilFixture.h"
#include "tests/kb/KbTestSupport.h"
#include "ui/kb/KbPanelAccess.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace iris;
using namespace iris::accueil;
using namespace iris::test;

class TestMailReply : public QObject
{
    Q_OBJECT

    std::unique_ptr<AccueilFixture> f;
    qint64 m_citizen = 0;

    static QByteArray rawMessage()
    {
        return "From: =?UTF-8?Q?H=C3=A9l=C3=A8ne_Moreau?= <helene.moreau@example.org>\r\n"
               "To: iris@ville-test.fr\r\n"
               "Subject: Re: =?UTF-8?Q?Acte_de_naissance_pour_mon_fils?=\r\n"
               "Date: Mon, 10 Mar 2025 08:15:00 +0100\r\n"
               "Message-ID: <demande-42@example.org>\r\n"
               "MIME-Version: 1.0\r\n"
               "Content-Type: text/plain; charset=UTF-8\r\n"
               "Content-Transfer-Encoding: 8bit\r\n\r\n"
               "Bonjour, je voudrais un acte de naissance.\r\n";
    }

private Q_SLOTS:
    void init()
    {
        f = std::make_unique<AccueilFixture>();
        declareMailPermissions(*f->permissions);
        QString error;
        QVERIFY2(f->start(&error), qPrintable(error));
        MigrationRunner extra;
        registerCourrielSchema(extra);
        registerMailReplySchema(extra);
        const Result<void> migrated = extra.run(*f->db);
        QVERIFY2(migrated, qPrintable(migrated.error().toString()));
        Citizen c;
        c.civilite = u"Mme"_s;
        c.nomUsage = u"Moreau"_s;
        c.prenoms = u"Hélène Marie"_s;
        c.email = u"helene.moreau@example.org"_s;
        const Result<Citizen> created = f->system->citizens().create(c);
        QVERIFY2(created, qPrintable(created.error().toString()));
        m_citizen = created->id;
    }
    void cleanup() { f.reset(); }

    void seededTemplates()
    {
        auto agent = f->as(u"accueil"_s);
        const Result<QList<ReplyTemplate>> all = ReplyTemplateStore(*agent).list();
        QVERIFY2(all, qPrintable(all.error().toString()));
        QStringList codes;
        for (const ReplyTemplate& t : *all)
            codes << t.code;
        QCOMPARE(codes,
            (QStringList {
                u"accuse-reception"_s, u"reponse-simple"_s, u"orientation"_s, u"demande-pieces"_s }));
        // Every placeholder of the defaults is one the composer knows.
        for (const ReplyTemplate& t : *all)
            QVERIFY2(ReplyComposer::unknownPlaceholders(t.subject + t.body).isEmpty(), qPrintable(t.label));
    }

    void acknowledgementFilledFromCourrielCitizenAgentAndService()
    {
        auto agent = f->as(u"accueil"_s);
        CourrielService courriels(*agent);
        const auto registered = courriels.registerMessage(rawMessage(), f->now);
        QVERIFY2(registered, qPrintable(registered.error().toString()));
        const Courriel& courriel = registered->courriel;
        QCOMPARE(courriel.citizenId, m_citizen); // matched by address

        const qint64 ccas = f->serviceId(u"ccas"_s);
        QVERIFY(ccas > 0);
        const Result<ReplyContext> context
            = ReplyComposer::contextFor(*agent, courriel, ccas, u"Accueil IRIS"_s);
        QVERIFY2(context, qPrintable(context.error().toString()));
        const Result<ReplyTemplate> ack = ReplyTemplateStore(*agent).findByCode(u"accuse-reception"_s);
        QVERIFY(ack);
        const ComposedReply reply = ReplyComposer::compose(*ack, *context);

        QCOMPARE(reply.subject, u"Re: Acte de naissance pour mon fils"_s); // no "Re: Re:"
        QVERIFY2(reply.body.startsWith(u"Madame,\n\nNous avons bien reçu votre courriel du 10 mars 2025"_s),
            qPrintable(reply.body));
        const Result<MunicipalService> service = agent->directory().get(ccas);
        QVERIFY(service);
        QVERIFY(reply.body.contains(service->name));
        QVERIFY(!service->phone.isEmpty());
        QVERIFY2(reply.body.contains(u"Téléphone : "_s + PhoneNumber::format(service->phone)),
            qPrintable(reply.body));
        QVERIFY(reply.body.contains(u"Nous vous prions d'agréer, Madame, l'expression"_s));
        QVERIFY(reply.body.contains(agent->session().agent().displayName + u"\nAccueil IRIS"_s));
        QVERIFY(!reply.body.contains(u'{'));
    }

    void placeholdersAndUnknownOnes()
    {
        ReplyContext c;
        c.courriel.subject = u"TR: RE: Stationnement résidentiel"_s;
        c.courriel.fromName = u"Jean Petit"_s;
        c.courriel.receivedAt = QDateTime(QDate(2025, 8, 1), QTime(23, 10));
        c.agentName = u"Marie Durand"_s;
        const QString filled = ReplyComposer::fill(
            u"{civilite} {prenom}|{nom}|{objet}|{date_reception}|{agent}|{service}|{numero_dossier}|{Nom}|{signature}"_s,
            c);
        // No citizen: the sender's name, the neutral civility; unknown placeholders kept.
        QCOMPARE(filled,
            u"Madame, Monsieur |Jean Petit|Stationnement résidentiel|1 août 2025|Marie Durand||"
            u"{numero_dossier}|{Nom}|"_s);
        QCOMPARE(ReplyComposer::unknownPlaceholders(u"{objet} {numero_dossier} {x} {numero_dossier}"_s),
            (QStringList { u"numero_dossier"_s, u"x"_s }));

        // A value that contains braces is not expanded again.
        Citizen citizen;
        citizen.civilite = u"M."_s;
        citizen.nomUsage = u"{agent}"_s;
        citizen.prenoms = u"Luc"_s;
        c.citizen = citizen;
        QCOMPARE(ReplyComposer::fill(u"{civilite} {prenom} {nom}"_s, c), u"Monsieur Luc {agent}"_s);
    }

    void threadMessageId()
    {
        QCOMPARE(ReplyComposer::threadMessageId(u"demande-42@example.org"_s), u"demande-42@example.org"_s);
        // Made up by the register for a message without Message-ID: nothing to refer to.
        QCOMPARE(ReplyComposer::threadMessageId(u"sha256-0123abcd"_s), QString());
        // A Message-ID seen twice is registered with a suffix: the reply refers to the real one.
        QCOMPARE(
            ReplyComposer::threadMessageId(u"x@example.org#sha256-0123456789abcdef"_s), u"x@example.org"_s);
    }

    void knowledgeBaseArticleInserted()
    {
        QTemporaryDir dir;
        const QString kbPath = dir.filePath(u"kb.sqlite"_s);
        {
            auto store = kb::KbStore::open(kbPath);
            QVERIFY2(store, qPrintable(store.error().toString()));
            kb::test::importText(**store,
                kb::test::jsonLine(u"carte-identite"_s, u"Carte nationale d'identité"_s,
                    u"La demande se fait sur rendez-vous, avec la pré-demande en ligne."_s, { u"cni"_s },
                    u"Pièces et démarches pour la CNI."_s));
        }
        ui::KbPanelAccess kb(nullptr, kbPath, {});
        const QString block = ReplyComposer::articleBlock(kb, u"carte-identite"_s);
        QVERIFY2(block.startsWith(u"Carte nationale d'identité"_s), qPrintable(block));
        QVERIFY(block.contains(u"La demande se fait sur rendez-vous, avec la pré-demande en ligne."_s));
        QVERIFY(block.contains(u"https://www.issy.com/carte-identite"_s));
        QVERIFY(ReplyComposer::articleBlock(kb, u"inconnu"_s).isEmpty());

        const QString body
            = u"Madame,\n\nVoici la marche à suivre.\n\nNous vous prions d'agréer, Madame, …\n\nIRIS"_s;
        const QString with = ReplyComposer::insertArticle(body, block);
        QVERIFY(with.indexOf(block) > with.indexOf(u"Voici la marche à suivre."_s));
        QVERIFY(with.indexOf(block) < with.indexOf(u"Nous vous prions"_s));
        QCOMPARE(ReplyComposer::insertArticle(u"Bonjour"_s, u"Article"_s), u"Bonjour\n\nArticle\n"_s);
    }

    void crudNeedsConfigureAndVersions()
    {
        auto agent = f->as(u"accueil"_s);
        ReplyTemplate t;
        t.label = u"Inscription scolaire"_s;
        t.subject = u"Re: {objet}"_s;
        t.body = u"{civilite},\n\nLes inscriptions se font au service Éducation.\n\n{signature}"_s;
        const Result<ReplyTemplate> denied = ReplyTemplateStore(*agent).create(t);
        QVERIFY(!denied);
        QCOMPARE(denied.error().code(), ErrorCode::PermissionDenied);

        auto chief = f->as(u"superviseur"_s);
        ReplyTemplateStore store(*chief);
        const Result<ReplyTemplate> created = store.create(t);
        QVERIFY2(created, qPrintable(created.error().toString()));
        QCOMPARE(created->version, 1);
        ReplyTemplate same = t;
        same.label = u"  Inscription   scolaire "_s;
        const Result<ReplyTemplate> duplicate = store.create(same);
        QVERIFY(!duplicate);
        QVERIFY(!duplicate.error().fieldMessage(u"label"_s).isEmpty());

        ReplyTemplate changed = *created;
        changed.body += u"\nÀ bientôt."_s;
        const Result<ReplyTemplate> updated = store.update(changed);
        QVERIFY2(updated, qPrintable(updated.error().toString()));
        QCOMPARE(updated->version, 2);
        const Result<ReplyTemplate> stale = store.update(changed); // still version 1
        QVERIFY(!stale);
        QCOMPARE(stale.error().code(), ErrorCode::Conflict);
        QCOMPARE(
            f->scalar(u"SELECT COUNT(*) FROM audit_events WHERE entity_kind = 'accueil_reply_template'"_s)
                .toInt(),
            2);

        QVERIFY(!store.remove(updated->id, 1));
        QVERIFY(store.remove(updated->id, 2));
        QCOMPARE(ReplyTemplateStore(*agent).list()->size(), 4);
    }
};

QTEST_GUILESS_MAIN(TestMailReply)
#include "TestMailReply.moc"
