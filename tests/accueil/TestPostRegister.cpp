// The post register's rules on a real SQLite file: yearly numbering (and its rollover on
// 1 January), two agents registering at once from two connections, the received date,
// the scanned PDF (magic and size limit, nothing saved when refused), the reply deadline
// over Christmas and New Year, the status and reply flow with its contacts on the
// citizen, the audit of reads, the overdue list and who may see which letter.
#include "core/domain/Agent.h"
#include "core/domain/AuditEvent.h"
#include "core/domain/Contact.h"
#include "core/domain/Organisation.h"
#include "core/services/AgentService.h"
#include "core/services/ContactService.h"
#include "core/services/OrganisationService.h"
#include "modules/accueil/post/PostDocumentStore.h"
#include "modules/accueil/post/PostOverdueSource.h"
#include "modules/accueil/post/PostSettings.h"
#include "tests/accueil/TestPostSupport.h"

#include <QCryptographicHash>
#include <QSemaphore>
#include <QSet>
#include <QTest>
#include <QThread>

using namespace Qt::StringLiterals;
using namespace iris;
using namespace iris::accueil;

class TestPostRegister : public QObject
{
    Q_OBJECT

    test::PostSite site;
    test::AccueilFixture& f = site.f;

    PostLetter registerAs(CoreServices& services, const PostLetter& letter)
    {
        auto post = site.post(services);
        const Result<PostLetter> r = post->registerLetter(letter);
        if (!r)
            qWarning("%s", qPrintable(r.error().toString() + u" "_s + r.error().fields().value(0).message));
        return r ? *r : PostLetter {};
    }

    qint64 addAgent(const QString& login, Role role, const QString& serviceCode)
    {
        Agent a;
        a.login = login;
        a.displayName = login;
        a.role = role;
        a.serviceId = f.serviceId(serviceCode);
        const Result<Agent> created = f.system->agents().create(a, u"motdepasse-long-123"_s);
        if (!created)
            qWarning("%s", qPrintable(created.error().toString()));
        return created ? created->id : 0;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        QVERIFY2(site.start(&error), qPrintable(error));
        QVERIFY(addAgent(u"accueil.ec"_s, Role::AgentAccueil, u"etat-civil"_s) > 0);
    }

    void numbersArePerYearAndRollOverOnFirstJanuary()
    {
        auto agent = f.as(u"accueil"_s);
        f.now = QDateTime(QDate(2025, 12, 31), QTime(16, 0));
        const PostLetter a = registerAs(*agent, test::PostSite::letter(u"Demande de stationnement"_s));
        const PostLetter b = registerAs(*agent, test::PostSite::letter(u"Réclamation voirie"_s));
        QCOMPARE(a.reference, u"2025-000001"_s);
        QCOMPARE(b.reference, u"2025-000002"_s);
        QCOMPARE(b.year, 2025);
        f.now = QDateTime(QDate(2026, 1, 1), QTime(0, 5));
        // Received in December, registered in January: the new year's register.
        const PostLetter c = registerAs(*agent, test::PostSite::letter(u"Vœux"_s, QDate(2025, 12, 30)));
        QCOMPARE(c.reference, u"2026-000001"_s);
        QCOMPARE(c.receivedOn, QDate(2025, 12, 30));
        f.now = QDateTime(QDate(2026, 1, 2), QTime(9, 0));
        QCOMPARE(registerAs(*agent, test::PostSite::letter(u"Inscription"_s)).reference, u"2026-000002"_s);
        QCOMPARE(f.scalar(u"SELECT last_value FROM accueil_post_sequences WHERE year = 2025"_s).toInt(), 2);
    }

    void twoAgentsRegisteringAtOnceNeverShareANumber()
    {
        f.now = QDateTime(QDate(2026, 2, 2), QTime(10, 0));
        const qint64 before
            = f.scalar(u"SELECT COALESCE(MAX(sequence), 0) FROM accueil_post_letters WHERE year = 2026"_s)
                  .toLongLong();
        auto desk1 = f.as(u"accueil"_s);
        auto desk2 = f.as(u"k.benali"_s);
        constexpr int perAgent = 60;
        QStringList refs1, refs2;
        QString error1, error2;
        const QDateTime now = f.now;
        const auto run = [now](CoreServices* services, QStringList* refs, QString* error) {
            PostService post(*services);
            post.setClock([now] { return now; });
            for (int i = 0; i < perAgent; ++i) {
                const Result<PostLetter> r
                    = post.registerLetter(test::PostSite::letter(u"Courrier %1"_s.arg(i)));
                if (!r) {
                    *error = r.error().toString() + u" / "_s + r.error().detail();
                    return;
                }
                *refs << r->reference;
                QThread::usleep(200);
            }
        };
        QSemaphore go;
        QThread* t1 = QThread::create([&] {
            go.acquire();
            run(desk1.get(), &refs1, &error1);
        });
        QThread* t2 = QThread::create([&] {
            go.acquire();
            run(desk2.get(), &refs2, &error2);
        });
        t1->start();
        t2->start();
        go.release(2);
        QVERIFY(t1->wait(120000));
        QVERIFY(t2->wait(120000));
        delete t1;
        delete t2;
        QVERIFY2(error1.isEmpty(), qPrintable(error1));
        QVERIFY2(error2.isEmpty(), qPrintable(error2));
        QCOMPARE(refs1.size(), perAgent);
        QCOMPARE(refs2.size(), perAgent);
        QSet<QString> all(refs1.cbegin(), refs1.cend());
        all.unite(QSet<QString>(refs2.cbegin(), refs2.cend()));
        QCOMPARE(all.size(), 2 * perAgent);
        // Contiguous: every number from before+1 to before+120 was handed out once.
        for (qint64 n = before + 1; n <= before + 2 * perAgent; ++n)
            QVERIFY2(all.contains(u"2026-%1"_s.arg(n, 6, 10, QChar(u'0'))), qPrintable(QString::number(n)));
    }

    void receivedDateIsCheckedAndDefaultsToToday()
    {
        f.now = QDateTime(QDate(2026, 3, 4), QTime(9, 0));
        auto agent = f.as(u"accueil"_s);
        auto post = site.post(*agent);
        const qint64 letters = site.count(u"accueil_post_letters"_s);
        const int seq
            = f.scalar(u"SELECT last_value FROM accueil_post_sequences WHERE year = 2026"_s).toInt();
        const Result<PostLetter> future
            = post->registerLetter(test::PostSite::letter(u"Demain"_s, QDate(2026, 3, 5)));
        QVERIFY(!future);
        QCOMPARE(future.error().code(), ErrorCode::Validation);
        QCOMPARE(future.error().fields().value(0).field, u"receivedOn"_s);
        QVERIFY(future.error().fields().value(0).message.contains(u"futur"_s));
        QCOMPARE(site.count(u"accueil_post_letters"_s), letters);
        QCOMPARE(f.scalar(u"SELECT last_value FROM accueil_post_sequences WHERE year = 2026"_s).toInt(), seq);

        PostLetter noSubject = test::PostSite::letter(u"  "_s);
        noSubject.senderName.clear();
        const Result<PostLetter> empty = post->registerLetter(noSubject);
        QVERIFY(!empty);
        QCOMPARE(empty.error().fields().size(), 2); // subject and sender

        const Result<PostLetter> today = post->registerLetter(test::PostSite::letter(u"Aujourd'hui"_s));
        QVERIFY(today);
        QCOMPARE(today->receivedOn, QDate(2026, 3, 4));
        QCOMPARE(today->assignedServiceId, f.serviceId(u"iris"_s)); // default: the agent's service
    }

    void scanMustBeAPdfWithinTheLimitAndNothingIsSavedOtherwise()
    {
        f.now = QDateTime(QDate(2026, 3, 5), QTime(9, 0));
        auto agent = f.as(u"accueil"_s);
        auto post = site.post(*agent);
        const qint64 letters = site.count(u"accueil_post_letters"_s);
        const qint64 documents = site.count(u"accueil_post_documents"_s);
        const qint64 contacts = site.count(u"contacts"_s);
        const int seq
            = f.scalar(u"SELECT last_value FROM accueil_post_sequences WHERE year = 2026"_s).toInt();
        PostLetter l = test::PostSite::letter(u"Photo d'un courrier"_s);
        l.citizenId = f.addCitizen(u"Lemoine"_s, u"Agathe"_s);
        l.motiveThemeId = f.motiveId(u"information.autre"_s);
        QVERIFY(l.citizenId > 0 && l.motiveThemeId > 0);
        const Result<PostLetter> gif
            = post->registerLetter(l, PostAttachment { u"scan.pdf"_s, QByteArray("GIF89a\x01\x00") });
        QVERIFY(!gif);
        QCOMPARE(gif.error().code(), ErrorCode::Validation);
        QVERIFY2(gif.error().fields().value(0).message.contains(u"n'est pas un PDF"_s),
            qPrintable(gif.error().fields().value(0).message));
        QCOMPARE(site.count(u"accueil_post_letters"_s), letters);
        QCOMPARE(site.count(u"accueil_post_documents"_s), documents);
        QCOMPARE(site.count(u"contacts"_s), contacts);
        QCOMPARE(f.scalar(u"SELECT last_value FROM accueil_post_sequences WHERE year = 2026"_s).toInt(), seq);

        // The limit is a setting; only accueil.configure changes it.
        PostSettings settings;
        settings.maxAttachmentBytes = 2048;
        QCOMPARE(PostSettingsStore(*agent).save(settings).error().code(), ErrorCode::PermissionDenied);
        auto supervisor = f.as(u"superviseur"_s);
        const Result<void> saved = PostSettingsStore(*supervisor).save(settings);
        QVERIFY2(saved,
            qPrintable(saved ? QString() : saved.error().toString() + u" / "_s + saved.error().detail()));
        QByteArray big = test::PostSite::minimalPdf(u"Gros courrier"_s);
        big.append(QByteArray(4096, ' '));
        const Result<PostLetter> tooBig = post->registerLetter(l, PostAttachment { u"gros.pdf"_s, big });
        QVERIFY(!tooBig);
        QVERIFY2(tooBig.error().fields().value(0).message.contains(u"taille maximale"_s),
            qPrintable(tooBig.error().fields().value(0).message));
        QCOMPARE(site.count(u"accueil_post_letters"_s), letters);

        const QByteArray pdf = test::PostSite::minimalPdf(u"Lettre"_s);
        const Result<PostLetter> ok
            = post->registerLetter(l, PostAttachment { u"/tmp/scan-lemoine.pdf"_s, pdf });
        QVERIFY2(ok, qPrintable(ok ? QString() : ok.error().toString()));
        QCOMPARE(site.count(u"accueil_post_documents"_s), documents + 1);
        QCOMPARE(
            f.scalar(u"SELECT file_name FROM accueil_post_documents ORDER BY id DESC LIMIT 1"_s).toString(),
            u"scan-lemoine.pdf"_s);
        QCOMPARE(f.scalar(u"SELECT size FROM accueil_post_documents ORDER BY id DESC LIMIT 1"_s).toLongLong(),
            pdf.size());
        QCOMPARE(f.scalar(u"SELECT sha256 FROM accueil_post_documents ORDER BY id DESC LIMIT 1"_s).toString(),
            QString::fromLatin1(QCryptographicHash::hash(pdf, QCryptographicHash::Sha256).toHex()));
        PostDocumentStore store(*agent);
        const Result<QList<PostDocument>> docs = store.documents(ok->id);
        QVERIFY(docs && docs->size() == 1);
        QCOMPARE(*store.content(docs->first().id), pdf);
        QCOMPARE(store.attach(ok->id, PostDocumentKind::Scan, { u"x.txt"_s, "hello" }).error().code(),
            ErrorCode::Validation);
        QVERIFY(PostSettingsStore(*supervisor).save(PostSettings {}));
    }

    void replyDeadlineSkipsChristmasAndNewYear()
    {
        // Friday 18 December 2026 + 15 working days: 25 December and 1 January are holidays.
        f.now = QDateTime(QDate(2026, 12, 18), QTime(11, 0));
        auto agent = f.as(u"accueil"_s);
        const PostLetter l = registerAs(*agent, test::PostSite::letter(u"Demande de logement"_s));
        QCOMPARE(l.dueOn, QDate(2027, 1, 12));
        QCOMPARE(l.acknowledgementDueOn, QDate(2027, 1, 5)); // 10 working days
        const PostLetter stored = *site.post(*agent)->get(l.id);
        QCOMPARE(stored.dueOn, QDate(2027, 1, 12));
        // A shorter setting applies to letters registered after it.
        PostSettings settings;
        settings.replyWorkingDays = 5;
        auto supervisor = f.as(u"superviseur"_s);
        QVERIFY(PostSettingsStore(*supervisor).save(settings));
        QCOMPARE(registerAs(*agent, test::PostSite::letter(u"Court"_s)).dueOn, QDate(2026, 12, 28));
        QVERIFY(PostSettingsStore(*supervisor).save(PostSettings {}));
    }

    void replyFlowLogsContactsOnTheCitizen()
    {
        f.now = QDateTime(QDate(2026, 4, 7), QTime(9, 30));
        auto agent = f.as(u"accueil"_s);
        auto post = site.post(*agent);
        const qint64 citizen = f.addCitizen(u"Garnier"_s, u"Lucas"_s);
        PostLetter l = test::PostSite::letter(u"Demande d'inscription scolaire"_s, QDate(2026, 4, 3));
        l.citizenId = citizen;
        l.senderName.clear();
        l.motiveThemeId = f.motiveId(u"information.autre"_s);
        const Result<PostLetter> reg = post->registerLetter(l);
        QVERIFY2(reg, qPrintable(reg ? QString() : reg.error().toString()));
        QCOMPARE(reg->senderName, u"GARNIER Lucas"_s);
        QCOMPARE(reg->status, PostStatus::ATraiter);
        QVERIFY(reg->incomingContactId > 0);

        // A letter sent by a citizen without a motive is refused (its contact needs one).
        PostLetter noMotive = l;
        noMotive.motiveThemeId = 0;
        QCOMPARE(post->registerLetter(noMotive).error().fields().value(0).field, u"motiveThemeId"_s);

        // Reading the letter is audited.
        const int readsBefore
            = f.scalar(u"SELECT COUNT(*) FROM audit_events WHERE action = 'read' AND "
                       u"entity_kind = 'accueil_courrier' AND entity_id = %1"_s.arg(reg->id))
                  .toInt();
        QVERIFY(post->get(reg->id));
        QCOMPARE(f.scalar(u"SELECT COUNT(*) FROM audit_events WHERE action = 'read' AND "
                          u"entity_kind = 'accueil_courrier' AND entity_id = %1"_s.arg(reg->id))
                     .toInt(),
            readsBefore + 1);

        PostService::Reply reply;
        reply.mode = ReplyMode::Courrier;
        reply.summary = u"Inscription confirmée à l'école Jules Ferry"_s;
        QCOMPARE(post->recordReply(reg->id, reg->version + 1, reply).error().code(), ErrorCode::Conflict);
        reply.date = QDate(2026, 4, 1);
        QCOMPARE(post->recordReply(reg->id, reg->version, reply).error().fields().value(0).field, u"date"_s);
        reply.date = {};
        const Result<PostLetter> replied = post->recordReply(reg->id, reg->version, reply);
        QVERIFY2(replied, qPrintable(replied ? QString() : replied.error().toString()));
        QCOMPARE(replied->status, PostStatus::Repondu);
        QCOMPARE(replied->repliedOn, QDate(2026, 4, 7));
        QVERIFY(replied->replyContactId > 0);
        QCOMPARE(post->recordReply(reg->id, replied->version, reply).error().code(), ErrorCode::Conflict);

        const Result<QList<Contact>> contacts = f.system->contacts().listByCitizen(citizen);
        QVERIFY(contacts);
        QCOMPARE(contacts->size(), 2);
        bool in = false, out = false;
        for (const Contact& c : *contacts) {
            QCOMPARE(c.channel, ContactChannel::Courrier);
            in |= c.direction == ContactDirection::Entrant && c.summary.contains(reg->reference);
            out |= c.direction == ContactDirection::Sortant && c.summary.contains(u"Jules Ferry"_s);
        }
        QVERIFY(in && out);

        // A letter filed without reply; a phone reply is a phone contact.
        const PostLetter other = registerAs(*agent, test::PostSite::letter(u"Publicité"_s));
        const Result<PostLetter> filed = post->file(other.id, other.version, u"prospectus"_s);
        QVERIFY(filed);
        QCOMPARE(filed->status, PostStatus::Classe);
        QVERIFY(filed->notes.contains(u"prospectus"_s));
        PostLetter call = l;
        call.subject = u"Rappel souhaité"_s;
        const PostLetter phoned = *post->registerLetter(call);
        reply.mode = ReplyMode::Telephone;
        reply.summary = u"Rappelé, question réglée"_s;
        const Result<PostLetter> byPhone = post->recordReply(phoned.id, phoned.version, reply);
        QVERIFY(byPhone);
        QCOMPARE(f.system->contacts().get(byPhone->replyContactId)->channel, ContactChannel::Telephone);

        // Filters of the page.
        PostFilter open;
        open.status = PostStatus::ATraiter;
        open.text = u"inscription scolaire"_s;
        QVERIFY(post->list(open)->isEmpty());
        PostFilter answered;
        answered.status = PostStatus::Repondu;
        answered.text = reg->reference;
        QCOMPARE(post->list(answered)->size(), 1);
        // Accents and case folded, every word somewhere in number, sender or subject.
        answered.text = u"garnier INSCRIPTION"_s;
        QCOMPARE(post->list(answered)->size(), 1);
        answered.text = u"Garnier Réclamation"_s;
        QCOMPARE(post->list(answered)->size(), 0);
        PostFilter all;
        all.text = u"VOEUX"_s; // "Vœux", registered on 1 January
        QCOMPARE(post->list(all)->size(), 1);
    }

    void organisationSenderIsKeptWithItsAddress()
    {
        f.now = QDateTime(QDate(2026, 4, 20), QTime(10, 0));
        Organisation o;
        o.name = u"Association Les Jardins Partagés"_s;
        o.address.line1 = u"5 rue Camille Desmoulins"_s;
        o.address.postcode = u"92130"_s;
        o.address.city = u"Issy-les-Moulineaux"_s;
        const Result<Organisation> org = f.system->organisations().create(o);
        QVERIFY2(org, qPrintable(org ? QString() : org.error().toString()));
        auto agent = f.as(u"accueil"_s);
        PostLetter l = test::PostSite::letter(u"Demande de subvention 2027"_s);
        l.senderName.clear();
        l.senderAddress.clear();
        l.organisationId = org->id;
        l.motiveThemeId = f.motiveId(u"information.autre"_s);
        const Result<PostLetter> r = site.post(*agent)->registerLetter(l);
        QVERIFY2(r, qPrintable(r ? QString() : r.error().toString()));
        QCOMPARE(r->senderName, u"Association Les Jardins Partagés"_s);
        QCOMPARE(r->senderAddress, u"5 rue Camille Desmoulins\n92130 Issy-les-Moulineaux"_s);
        ContactFilter filter;
        filter.organisationId = org->id;
        const Result<QList<Contact>> contacts = f.system->contacts().list(filter);
        QVERIFY(contacts);
        QCOMPARE(contacts->size(), 1);
        QCOMPARE(contacts->first().channel, ContactChannel::Courrier);
        // One sender only.
        l.citizenId = f.addCitizen(u"Roux"_s, u"Inès"_s);
        QCOMPARE(site.post(*agent)->registerLetter(l).error().fields().value(0).field, u"sender"_s);
    }

    void permissionsFollowRolesAndAssignment()
    {
        f.now = QDateTime(QDate(2026, 5, 11), QTime(10, 0));
        auto accueil = f.as(u"accueil"_s);
        auto colleague = f.as(u"k.benali"_s); // same service (IRIS)
        auto otherService = f.as(u"accueil.ec"_s); // agent d'accueil of état civil
        auto phone = f.as(u"teleconseil"_s);
        auto supervisor = f.as(u"superviseur"_s);

        QCOMPARE(site.post(*phone)->registerLetter(test::PostSite::letter(u"Refusé"_s)).error().code(),
            ErrorCode::PermissionDenied);
        QCOMPARE(site.post(*phone)->list({}).error().code(), ErrorCode::PermissionDenied);

        const PostLetter l = registerAs(*accueil, test::PostSite::letter(u"Demande de salle"_s));
        QVERIFY(l.id > 0);
        QVERIFY(site.post(*colleague)->get(l.id));
        QCOMPARE(site.post(*otherService)->get(l.id).error().code(), ErrorCode::PermissionDenied);
        QVERIFY(site.post(*supervisor)->get(l.id));

        const auto contains = [](const Result<QList<PostLetter>>& r, qint64 id) {
            return r && std::any_of(r->cbegin(), r->cend(), [id](const PostLetter& x) { return x.id == id; });
        };
        QVERIFY(contains(site.post(*colleague)->list({}), l.id));
        QVERIFY(!contains(site.post(*otherService)->list({}), l.id));
        PostFilter all;
        all.scope = OverdueQuery::Scope::All;
        QCOMPARE(site.post(*accueil)->list(all).error().code(), ErrorCode::PermissionDenied);
        QVERIFY(contains(site.post(*supervisor)->list(all), l.id));

        // Handed to the état civil agent: the IRIS colleague loses it, état civil sees it.
        const Result<PostLetter> moved = site.post(*accueil)->assign(
            l.id, l.version, f.identity(u"accueil.ec"_s).id, f.serviceId(u"etat-civil"_s));
        QVERIFY2(moved, qPrintable(moved ? QString() : moved.error().toString()));
        QCOMPARE(site.post(*colleague)->get(l.id).error().code(), ErrorCode::PermissionDenied);
        QCOMPARE(site.post(*accueil)->assign(l.id, moved->version, 0, f.serviceId(u"iris"_s)).error().code(),
            ErrorCode::PermissionDenied);
        QVERIFY(site.post(*otherService)->get(l.id));
        QVERIFY(contains(site.post(*otherService)->list({}), l.id));
        QVERIFY(site.post(*supervisor)->get(l.id));
    }

    // A letter handed to a service is handled there: the service's agent lists it, opens
    // it, answers or files it; another service's agent does not even see it.
    void serviceAgentHandlesWhatIsAssignedToTheirService()
    {
        f.now = QDateTime(QDate(2026, 5, 12), QTime(10, 0));
        auto accueil = f.as(u"accueil"_s);
        auto service = f.as(u"service"_s); // état civil
        auto logement = f.as(u"i.roux"_s);
        PostLetter toEc = test::PostSite::letter(u"Copie d'acte de mariage"_s);
        toEc.assignedServiceId = f.serviceId(u"etat-civil"_s);
        const PostLetter l = registerAs(*accueil, toEc);
        QVERIFY(l.id > 0);
        PostLetter toLogement = test::PostSite::letter(u"Dossier de logement"_s);
        toLogement.assignedServiceId = f.serviceId(u"logement"_s);
        const PostLetter other = registerAs(*accueil, toLogement);
        QVERIFY(other.id > 0);

        const auto ids = [](const Result<QList<PostLetter>>& r) {
            QList<qint64> out;
            for (const PostLetter& x : r ? *r : QList<PostLetter> {})
                out << x.id;
            return out;
        };
        PostFilter mine; // the page's default for a service: assigned to my service
        const QList<qint64> seen = ids(site.post(*service)->list(mine));
        QVERIFY(seen.contains(l.id));
        QVERIFY(!seen.contains(other.id));
        QVERIFY(!ids(site.post(*logement)->list(mine)).contains(l.id));
        QVERIFY(ids(site.post(*logement)->list(mine)).contains(other.id));
        QCOMPARE(site.post(*service)->get(other.id).error().code(), ErrorCode::PermissionDenied);
        QCOMPARE(site.post(*service)->file(other.id, other.version, {}).error().code(), ErrorCode::PermissionDenied);
        // Registering and the counter's views stay with the register's keepers.
        QCOMPARE(site.post(*service)->registerLetter(test::PostSite::letter(u"Non"_s)).error().code(),
            ErrorCode::PermissionDenied);
        PostFilter counter;
        counter.view = PostView::RegisteredByMyService;
        QCOMPARE(site.post(*service)->list(counter).error().code(), ErrorCode::PermissionDenied);
        PostFilter all;
        all.scope = OverdueQuery::Scope::All;
        QCOMPARE(site.post(*service)->list(all).error().code(), ErrorCode::PermissionDenied);

        // The service acknowledges it and answers it.
        const Result<PostDocument> ack = PostDocumentStore(*service).storeGenerated(
            l.id, PostDocumentKind::Accuse, { u"accuse.pdf"_s, test::PostSite::minimalPdf(u"AR"_s) });
        QVERIFY2(ack, qPrintable(ack ? QString() : ack.error().toString()));
        const Result<PostLetter> opened = site.post(*service)->get(l.id);
        QVERIFY2(opened, qPrintable(opened ? QString() : opened.error().toString()));
        PostService::Reply reply;
        reply.summary = u"Copie envoyée par courrier"_s;
        const Result<PostLetter> answered = site.post(*service)->recordReply(l.id, opened->version, reply);
        QVERIFY2(answered, qPrintable(answered ? QString() : answered.error().toString()));
        QCOMPARE(answered->status, PostStatus::Repondu);
        // The other service's letter is filed by its own agent.
        QVERIFY(site.post(*logement)->file(other.id, other.version, u"doublon"_s));
    }

    // The counter registers the city's post and hands it on: it keeps seeing what it
    // registered (by itself, by its service, today, still to dispatch), but once a letter
    // is handed to a service only that service acts on it.
    void counterViewsOfTheRegister()
    {
        f.now = QDateTime(QDate(2026, 5, 18), QTime(9, 30));
        auto accueil = f.as(u"accueil"_s);
        auto colleague = f.as(u"c.moreau"_s); // IRIS too
        auto otherCounter = f.as(u"accueil.ec"_s); // an agent d'accueil of another service
        PostLetter toEc = test::PostSite::letter(u"Demande de livret de famille"_s, QDate(2026, 5, 15));
        toEc.assignedServiceId = f.serviceId(u"etat-civil"_s);
        const PostLetter dispatched = registerAs(*accueil, toEc);
        const PostLetter kept = registerAs(*colleague, test::PostSite::letter(u"Invitation au forum"_s)); // IRIS
        QVERIFY(dispatched.id > 0 && kept.id > 0);

        const auto ids = [](const Result<QList<PostLetter>>& r) {
            QList<qint64> out;
            if (!r)
                qWarning("%s", qPrintable(r.error().toString()));
            for (const PostLetter& x : r ? *r : QList<PostLetter> {})
                out << x.id;
            return out;
        };
        const auto view = [](PostView v) {
            PostFilter filter;
            filter.view = v;
            return filter;
        };
        // Before: the counter's only view was its own service's letters.
        QVERIFY(!ids(site.post(*accueil)->list({})).contains(dispatched.id));
        const QList<qint64> registeredHere = ids(site.post(*accueil)->list(view(PostView::RegisteredByMyService)));
        QVERIFY(registeredHere.contains(dispatched.id));
        QVERIFY(registeredHere.contains(kept.id));
        const QList<qint64> byMe = ids(site.post(*accueil)->list(view(PostView::RegisteredByMe)));
        QVERIFY(byMe.contains(dispatched.id));
        QVERIFY(!byMe.contains(kept.id));
        const QList<qint64> today = ids(site.post(*accueil)->list(view(PostView::ReceivedToday)));
        QVERIFY(today.contains(kept.id));
        QVERIFY(!today.contains(dispatched.id)); // received on the 15th
        const QList<qint64> toDispatch = ids(site.post(*accueil)->list(view(PostView::ToDispatch)));
        QVERIFY(toDispatch.contains(kept.id));
        QVERIFY(!toDispatch.contains(dispatched.id));
        QVERIFY(!ids(site.post(*otherCounter)->list(view(PostView::RegisteredByMyService))).contains(dispatched.id));

        // Seen in the list (and its detail), but handled by état civil only.
        QVERIFY(site.post(*accueil)->find(dispatched.id));
        QCOMPARE(site.post(*accueil)->get(dispatched.id).error().code(), ErrorCode::PermissionDenied);
        QVERIFY(!site.post(*accueil)->mayHandle(dispatched));
        QVERIFY(site.post(*accueil)->mayHandle(kept));
        // Another service's counter neither registered nor handles the one kept at IRIS.
        QCOMPARE(site.post(*otherCounter)->find(kept.id).error().code(), ErrorCode::PermissionDenied);
        // Dispatching what is still at the counter.
        const Result<PostLetter> handed
            = site.post(*accueil)->assign(kept.id, kept.version, 0, f.serviceId(u"culture"_s));
        QVERIFY2(handed, qPrintable(handed ? QString() : handed.error().toString()));
        QVERIFY(!ids(site.post(*accueil)->list(view(PostView::ToDispatch))).contains(kept.id));
    }

    // Registering answers nothing: the incoming contact says where the letter went, and the
    // citizen's letters carry their real state.
    void registeredLetterIsNotAnsweredOnTheCitizen()
    {
        f.now = QDateTime(QDate(2026, 5, 19), QTime(9, 0));
        auto accueil = f.as(u"accueil"_s);
        const qint64 citizen = f.addCitizen(u"Perrin"_s, u"Alice"_s);
        PostLetter l = test::PostSite::letter(u"Demande de stationnement"_s);
        l.citizenId = citizen;
        l.senderName.clear();
        l.motiveThemeId = f.motiveId(u"information.autre"_s); // handled by IRIS itself
        const PostLetter reg = registerAs(*accueil, l);
        QVERIFY(reg.id > 0);
        const Result<Contact> contact = f.system->contacts().get(reg.incomingContactId);
        QVERIFY(contact);
        QVERIFY(contact->outcome != ContactOutcome::Repondu);
        QCOMPARE(contact->outcome, ContactOutcome::Oriente);
        QCOMPARE(contact->orientedServiceId, f.serviceId(u"iris"_s));

        const Result<QList<PostLetter>> letters = site.post(*accueil)->ofCitizen(citizen);
        QVERIFY(letters);
        QCOMPARE(letters->size(), 1);
        QVERIFY(PostVocabulary::progressLabel(letters->first(), f.now.date())
                    .startsWith(u"À traiter — accusé de réception à envoyer"_s));
        QVERIFY(site.post(*f.as(u"service"_s))->ofCitizen(citizen)->isEmpty()); // not état civil's
    }

    void overdueLettersAreListedByDueDate()
    {
        f.now = QDateTime(QDate(2026, 6, 1), QTime(9, 0));
        auto agent = f.as(u"c.moreau"_s);
        PostLetter mine = test::PostSite::letter(u"Courrier en retard"_s, QDate(2026, 5, 4));
        mine.assignedAgentId = f.identity(u"c.moreau"_s).id;
        const PostLetter l = registerAs(*agent, mine);
        QCOMPARE(l.dueOn, QDate(2026, 5, 28)); // 8 May, Ascension (14 May), Whit Monday (25 May) skipped
        const PostLetter recent = registerAs(*agent, [&] {
            PostLetter x = mine;
            x.subject = u"Courrier récent"_s;
            x.receivedOn = QDate(2026, 6, 1);
            return x;
        }());
        OverdueQuery query;
        query.scope = OverdueQuery::Scope::Mine;
        query.dueBefore = f.now;
        PostOverdueSource source;
        const Result<QList<OverdueItem>> items = source.items(*agent, query);
        QVERIFY(items);
        // Two things are owed on the late letter: its acknowledgement (two weeks,
        // Services Publics+) and its answer.
        QCOMPARE(items->size(), 2);
        QCOMPARE(items->at(0).kindLabel, u"Accusé de réception à envoyer"_s);
        QCOMPARE(items->at(0).dueAt, QDateTime(l.acknowledgementDueOn.addDays(1), QTime(0, 0)));
        QCOMPARE(items->at(1).kindLabel, u"Courrier"_s);
        for (const OverdueItem& item : *items) {
            QCOMPARE(item.kind, u"courrier"_s);
            QCOMPARE(item.id, l.id);
            QVERIFY(item.isOverdue(f.now));
            QVERIFY(item.detail.contains(l.reference));
            QCOMPARE(item.assignee, u"Claire Moreau"_s);
        }
        // Once acknowledged, only the answer is owed.
        const Result<PostDocument> ack = PostDocumentStore(*agent).storeGenerated(
            l.id, PostDocumentKind::Accuse, { u"accuse.pdf"_s, test::PostSite::minimalPdf(u"AR"_s) });
        QVERIFY2(ack, qPrintable(ack ? QString() : ack.error().toString()));
        const Result<QList<OverdueItem>> after = source.items(*agent, query);
        QVERIFY(after);
        QCOMPARE(after->size(), 1);
        QCOMPARE(after->first().kindLabel, u"Courrier"_s);
        // Later deadlines: the recent letter's acknowledgement and answer come due too.
        query.dueBefore = f.now.addDays(60);
        QCOMPARE(source.items(*agent, query)->size(), 3);
        QVERIFY(recent.id > 0);
        // A téléconseiller owes no letters: an empty list, not an error.
        auto phone = f.as(u"teleconseil"_s);
        query.scope = OverdueQuery::Scope::MyService;
        QVERIFY(source.items(*phone, query)->isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestPostRegister)
#include "TestPostRegister.moc"
