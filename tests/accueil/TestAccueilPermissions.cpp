// Who may do what at the counter, enforced by the services themselves (not by hidden
// buttons): for every demo role, each operation of the Accueil module is either done or
// refused with PermissionDenied — and a refusal writes nothing.
//
//   operation                    téléconseiller  agent d'accueil  superviseur  travailleur social  agent de service  administrateur
//   issue / call a ticket        no              yes              yes          no                  no                no
//   take a phone call            yes             yes              yes          no                  no                no
//   réponse immédiate            yes             yes              yes          no                  no                no
//   every queue, every callback  no              no               yes          no                  no                no
//   own follow-up list           yes             yes              yes          yes                 yes               no
//   categories and desks         no              no               yes          no                  no                yes
//   courriels (list, register)   yes             yes              yes          no                  no                no
//   post register (list, add)    no              yes              yes          no                  no                no
#include "modules/accueil/counter/CounterSetup.h"
#include "modules/accueil/counter/QueueService.h"
#include "modules/accueil/counter/VisitService.h"
#include "modules/accueil/mail/CourrielSchema.h"
#include "modules/accueil/mail/CourrielService.h"
#include "modules/accueil/mail/MailPermissions.h"
#include "modules/accueil/phone/CallbackOverdueSource.h"
#include "modules/accueil/phone/PhoneIntakeService.h"
#include "modules/accueil/post/PostDemo.h"
#include "modules/accueil/post/PostPermissions.h"
#include "modules/accueil/post/PostSchema.h"
#include "modules/accueil/post/PostService.h"
#include "modules/accueil/quick/QuickContactService.h"
#include "modules/accueil/shared/OverdueBoard.h"
#include "tests/accueil/AccueilFixture.h"

#include <QTest>

#include <functional>

using namespace Qt::StringLiterals;
using namespace iris;
using namespace iris::accueil;

namespace {

/// Runs one operation as the given services; returns the error, or nothing when it succeeded.
using Operation = std::function<std::optional<Error>(CoreServices& s, test::AccueilFixture& f)>;

template <typename T>
std::optional<Error> outcome(const Result<T>& r)
{
    if (r)
        return std::nullopt;
    return r.error();
}

} // namespace

class TestAccueilPermissions : public QObject
{
    Q_OBJECT

    test::AccueilFixture f;
    QHash<QString, Operation> m_operations;

    /// Rows written by any operation, to prove a refusal wrote nothing.
    qint64 footprint()
    {
        return f.scalar(u"SELECT (SELECT count(*) FROM accueil_tickets) + (SELECT count(*) FROM contacts)"
                        u" + (SELECT count(*) FROM accueil_courriels) + (SELECT count(*) FROM accueil_post_letters)"
                        u" + (SELECT count(*) FROM accueil_ticket_categories) + (SELECT count(*) FROM accueil_desks)"
                        u" + (SELECT count(*) FROM accueil_callbacks) + (SELECT count(*) FROM citizens)"_s)
            .toLongLong();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        QVERIFY2(f.start(&error), qPrintable(error));
        // The e-mail and post features' schemas and permissions, as the module adds them.
        declareMailPermissions(*f.permissions);
        declarePostPermissions(*f.permissions);
        MigrationRunner features;
        registerCourrielSchema(features);
        features.add(PostSchemaOwner, postMigrations());
        const Result<void> migrated = features.run(*f.db);
        QVERIFY2(migrated, qPrintable(migrated ? QString() : migrated.error().toString()));

        m_operations.insert(u"issue ticket"_s, [](CoreServices& s, test::AccueilFixture& fx) {
            QueueService queue(s);
            queue.setClock(fx.clock());
            return outcome(queue.issue({.categoryId = fx.categoryId(u"E"_s)}));
        });
        m_operations.insert(u"call next"_s, [](CoreServices& s, test::AccueilFixture& fx) {
            // A ticket issued by the system, so only the call itself is judged.
            QueueService issuer(*fx.system);
            issuer.setClock(fx.clock());
            const Result<Ticket> ticket = issuer.issue({.categoryId = fx.categoryId(u"E"_s)});
            if (!ticket)
                return std::optional<Error>(ticket.error());
            QueueService queue(s);
            queue.setClock(fx.clock());
            // Each role calls at its own free desk: 1 to 12 exist, the allowed roles use 1–3.
            static int desk = 0;
            desk = desk % 3 + 1;
            const auto called = queue.callNext(fx.deskId(desk));
            // Frees the desk for the next allowed role.
            if (called && *called)
                (void)VisitService(s).markAbsent((*called)->id, (*called)->version);
            return outcome(called);
        });
        m_operations.insert(u"take a phone call"_s, [](CoreServices& s, test::AccueilFixture& fx) {
            PhoneIntakeService phone(s);
            phone.setClock(fx.clock());
            PhoneCall call;
            call.startedAt = fx.now.addSecs(-90);
            call.endedAt = fx.now;
            call.callerNumber = u"01 46 42 00 00"_s;
            call.motiveThemeId = fx.motiveId(u"logement.demande"_s);
            return outcome(phone.save(call));
        });
        m_operations.insert(u"find a caller"_s, [](CoreServices& s, test::AccueilFixture&) {
            return outcome(PhoneIntakeService(s).findCallers(u"0146420000"_s));
        });
        m_operations.insert(u"quick answer"_s, [](CoreServices& s, test::AccueilFixture& fx) {
            QuickContactService quick(s);
            quick.setClock(fx.clock());
            return outcome(quick.answer(ContactChannel::Telephone, fx.motiveId(u"logement.demande"_s)));
        });
        m_operations.insert(u"every queue"_s, [](CoreServices& s, test::AccueilFixture& fx) {
            QueueService queue(s);
            queue.setClock(fx.clock());
            return outcome(queue.waiting(0));
        });
        m_operations.insert(u"everyone's follow-up"_s, [](CoreServices& s, test::AccueilFixture& fx) {
            OverdueBoard board;
            board.add(std::make_shared<CallbackOverdueSource>());
            OverdueQuery q;
            q.scope = OverdueQuery::Scope::All;
            q.dueBefore = fx.now.addDays(30);
            return outcome(board.list(s, q));
        });
        m_operations.insert(u"own follow-up"_s, [](CoreServices& s, test::AccueilFixture& fx) {
            OverdueBoard board;
            board.add(std::make_shared<CallbackOverdueSource>());
            OverdueQuery q;
            q.scope = OverdueQuery::Scope::Mine;
            q.dueBefore = fx.now.addDays(30);
            return outcome(board.list(s, q));
        });
        m_operations.insert(u"add a category"_s, [](CoreServices& s, test::AccueilFixture& fx) {
            static int n = 0;
            TicketCategory c;
            c.label = u"Catégorie d'essai %1"_s.arg(++n);
            c.prefix = u"UVWXYZ"_s.mid(n % 6, 1);
            c.defaultServiceId = fx.serviceId(u"iris"_s);
            return outcome(CounterSetup(s).saveCategory(c));
        });
        m_operations.insert(u"add a desk"_s, [](CoreServices& s, test::AccueilFixture&) {
            static int n = 20;
            Desk d;
            d.number = ++n;
            d.label = u"Guichet %1"_s.arg(n);
            return outcome(CounterSetup(s).saveDesk(d));
        });
        m_operations.insert(u"list courriels"_s, [](CoreServices& s, test::AccueilFixture&) {
            return outcome(CourrielService(s).list({}));
        });
        m_operations.insert(u"register a courriel"_s, [](CoreServices& s, test::AccueilFixture& fx) {
            static int n = 0;
            const QByteArray raw = "From: Jeanne Exemple <jeanne.exemple@courriel.example>\r\n"
                                   "To: iris@mairie.example\r\nSubject: Horaires\r\n"
                                   "Message-ID: <perm-"
                + QByteArray::number(++n) + "@courriel.example>\r\n\r\nBonjour.\r\n";
            CourrielService courriels(s);
            courriels.setClock(fx.clock());
            return outcome(courriels.registerMessage(raw, fx.now));
        });
        m_operations.insert(u"list letters"_s, [](CoreServices& s, test::AccueilFixture&) {
            return outcome(PostService(s).list({}));
        });
        m_operations.insert(u"the counter's register"_s, [](CoreServices& s, test::AccueilFixture&) {
            PostFilter filter;
            filter.view = PostView::RegisteredByMyService;
            return outcome(PostService(s).list(filter));
        });
        m_operations.insert(u"every service's letters"_s, [](CoreServices& s, test::AccueilFixture&) {
            PostFilter filter;
            filter.scope = OverdueQuery::Scope::All;
            return outcome(PostService(s).list(filter));
        });
        m_operations.insert(u"register a letter"_s, [](CoreServices& s, test::AccueilFixture& fx) {
            PostService post(s);
            post.setClock(fx.clock());
            PostLetter letter;
            letter.senderName = u"Collectif de riverains"_s;
            letter.subject = u"Éclairage de la rue"_s;
            letter.assignedServiceId = fx.serviceId(u"iris"_s);
            return outcome(post.registerLetter(letter, PostAttachment{u"scan.pdf"_s, PostDemo::onePagePdf("Scan")}));
        });
    }

    void rolesAreEnforcedByTheServices_data()
    {
        QTest::addColumn<QString>("login");
        QTest::addColumn<QString>("operation");
        QTest::addColumn<bool>("allowed");

        const QStringList logins = {u"teleconseil"_s, u"accueil"_s, u"superviseur"_s,
                                    u"social"_s,      u"service"_s, u"admin"_s};
        // Columns in the order of `logins`.
        const QList<std::pair<QString, QList<bool>>> table = {
            {u"issue ticket"_s, {false, true, true, false, false, false}},
            {u"call next"_s, {false, true, true, false, false, false}},
            {u"take a phone call"_s, {true, true, true, false, false, false}},
            {u"find a caller"_s, {true, true, true, false, false, false}},
            {u"quick answer"_s, {true, true, true, false, false, false}},
            {u"every queue"_s, {false, false, true, false, false, false}},
            {u"everyone's follow-up"_s, {false, false, true, false, false, false}},
            {u"own follow-up"_s, {true, true, true, true, true, false}},
            {u"add a category"_s, {false, false, true, false, false, true}},
            {u"add a desk"_s, {false, false, true, false, false, true}},
            {u"list courriels"_s, {true, true, true, false, false, false}},
            {u"register a courriel"_s, {true, true, true, false, false, false}},
            // A service's agent (and the CCAS's) handles the letters assigned to them.
            {u"list letters"_s, {false, true, true, true, true, false}},
            {u"the counter's register"_s, {false, true, true, false, false, false}},
            {u"every service's letters"_s, {false, false, true, false, false, false}},
            {u"register a letter"_s, {false, true, true, false, false, false}},
        };
        for (const auto& [operation, allowed] : table)
            for (int i = 0; i < logins.size(); ++i)
                QTest::addRow("%s / %s", qPrintable(logins.at(i)), qPrintable(operation))
                    << logins.at(i) << operation << allowed.at(i);
    }

    void rolesAreEnforcedByTheServices()
    {
        QFETCH(QString, login);
        QFETCH(QString, operation);
        QFETCH(bool, allowed);
        QVERIFY2(m_operations.contains(operation), qPrintable(operation));

        const std::unique_ptr<CoreServices> services = f.as(login);
        const qint64 before = footprint();
        const std::optional<Error> error = m_operations.value(operation)(*services, f);
        if (allowed) {
            QVERIFY2(!error, qPrintable(error ? error->toString() : QString()));
        } else {
            QVERIFY2(error, "the operation should have been refused");
            QCOMPARE(error->code(), ErrorCode::PermissionDenied);
            QVERIFY2(!error->message().isEmpty(), "a refusal must say why, in French");
            // "call next" issues its ticket as the system before the refused call.
            const qint64 issuedBySystem = operation == u"call next"_s ? 1 : 0;
            QCOMPARE(footprint(), before + issuedBySystem);
        }
    }
};

QTEST_GUILESS_MAIN(TestAccueilPermissions)
#include "TestAccueilPermissions.moc"
