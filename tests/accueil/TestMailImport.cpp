// accueil_mail_import: Maildir intake into the courriel register on a real SQLite file
// and a real Maildir — plain, multipart with attachment, Latin-1 and malformed messages,
// idempotence (re-import, files copied back to new/, same message delivered twice),
// citizen matching by address and the contacts on the 360° history, the reply deadline
// over the May holidays, permissions by service, replies and filing.
#include "core/base/WorkingCalendar.h"
#include "core/domain/Contact.h"
#include "core/services/ContactService.h"
#include "modules/accueil/mail/CourrielOverdueSource.h"
#include "modules/accueil/mail/CourrielService.h"
#include "modules/accueil/mail/CourrielSettings.h"
#include "modules/accueil/mail/MailIds.h"
#include "modules/accueil/mail/MaildirImporter.h"
#include "tests/accueil/MailFixture.h"

#include <QCryptographicHash>

#include <algorithm>
#include <QDir>
#include <QFile>
#include <QTest>
#include <QtConcurrent/QtConcurrentRun>

using namespace Qt::StringLiterals;
using namespace iris;
using namespace iris::accueil;

class TestMailImport final : public QObject
{
    Q_OBJECT

    test::MailFixture f;
    qint64 jeanne = 0;

    Courriel byMessageId(CoreServices& s, const QString& messageId)
    {
        CourrielService courriels(s);
        CourrielFilter filter;
        filter.limit = 1000;
        const Result<QList<Courriel>> all = courriels.list(filter);
        if (!all)
            qWarning("list: %s", qPrintable(all.error().toString()));
        for (const Courriel& c : all ? *all : QList<Courriel>())
            if (c.messageId == messageId) {
                const Result<Courriel> full = courriels.get(c.id);
                return full ? *full : c;
            }
        return {};
    }
    Result<MaildirImportReport> importAs(const QString& login)
    {
        auto services = f.site.as(login);
        MaildirImporter importer(*services);
        importer.setClock(f.site.clock());
        return importer.importFrom(f.maildir());
    }
    qint64 count(const QString& table)
    {
        return f.site.scalar(u"SELECT COUNT(*) FROM "_s + table).toLongLong();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        QVERIFY2(f.start(&error), qPrintable(error));
        f.site.now = QDateTime(QDate(2026, 5, 6), QTime(9, 0));
        jeanne = f.addCitizen(u"Martin"_s, u"Jeanne"_s, u"jeanne.martin@example.org"_s);
        QVERIFY(jeanne > 0);
    }

    void importsTheFourKindsOfMessages()
    {
        f.deliver(test::MailFixture::message(u"plain.eml"_s), u"1777536900.M1P10.mx"_s);
        f.deliver(test::MailFixture::message(u"multipart.eml"_s), u"1777618800.M2P10.mx"_s);
        f.deliver(test::MailFixture::message(u"latin1.eml"_s), u"1777897800.M3P10.mx"_s);
        f.deliver(test::MailFixture::message(u"malformed.eml"_s), u"1777960800.M4P10.mx"_s);
        // A delivery in progress: tmp/ belongs to the delivery agent and is never read.
        QFile partial(QDir(f.maildir()).filePath(u"tmp/1777999999.M9P10.mx"_s));
        QVERIFY(partial.open(QIODevice::WriteOnly));
        partial.write("From: moitie@example.org\nSubject: en cours de livr");
        partial.close();

        const Result<MaildirImportReport> report = importAs(u"accueil"_s);
        QVERIFY2(report, report ? "" : qPrintable(report.error().toString()));
        QCOMPARE(report->imported, 4);
        QCOMPARE(report->duplicates, 0);
        QCOMPARE(report->malformed, 1);
        QCOMPARE(report->failed, 0);
        QVERIFY2(report->errors.isEmpty(), qPrintable(report->errors.join(u'\n')));
        QCOMPARE(count(u"accueil_courriels"_s), 4);

        // Maildir convention: registered messages leave new/ for cur/ with the "seen" flag.
        QVERIFY(f.files(u"new"_s).isEmpty());
        const QStringList cur = f.files(u"cur"_s);
        QCOMPARE(cur.size(), 4);
        for (const QString& name : cur)
            QVERIFY2(name.endsWith(u":2,S"_s), qPrintable(name));
        QCOMPARE(f.files(u"tmp"_s), QStringList { u"1777999999.M9P10.mx"_s });

        auto agent = f.site.as(u"accueil"_s);
        CourrielService courriels(*agent);

        const Courriel plain = byMessageId(*agent, u"plain-0001@mail.example.org"_s);
        QVERIFY(plain.id > 0);
        QCOMPARE(plain.subject, u"Horaires du service état civil"_s);
        QCOMPARE(plain.fromAddress, u"jeanne.martin@example.org"_s);
        QVERIFY(plain.bodyText.contains(u"service état civil le jeudi"_s));
        QCOMPARE(plain.citizenId, jeanne);
        QCOMPARE(plain.citizenName, u"MARTIN Jeanne"_s);
        QVERIFY(plain.contactId > 0);
        QCOMPARE(plain.status, CourrielStatus::ATraiter);
        QCOMPARE(plain.assignedServiceId, f.site.serviceId(u"iris"_s));
        const Result<QByteArray> raw = courriels.rawMessage(plain.id);
        QVERIFY(raw);
        QCOMPARE(*raw, test::MailFixture::message(u"plain.eml"_s));

        const Courriel multi = byMessageId(*agent, u"multi-0002@mail.example.org"_s);
        QCOMPARE(multi.attachments.size(), 1);
        QCOMPARE(multi.attachments[0].fileName, u"attestation domicile été.pdf"_s);
        QCOMPARE(multi.attachments[0].size, 512);
        const Result<QByteArray> pdf = courriels.attachmentData(multi.attachments[0].id);
        QVERIFY(pdf);
        QByteArray expected;
        for (int i = 0; i < 512; ++i)
            expected.append(char(i % 256));
        QCOMPARE(*pdf, expected);
        QCOMPARE(multi.citizenId, 0); // unknown sender: not linked, no contact
        QCOMPARE(multi.contactId, 0);

        const Courriel latin = byMessageId(*agent, u"latin1-0003@mail.example.com"_s);
        QCOMPARE(latin.subject, u"Demande d'acte de naissance été"_s);
        QCOMPARE(latin.fromName, u"Éloïse Durand"_s);
        QVERIFY(latin.bodyText.contains(u"Éloïse Durand"_s));

        const QByteArray badRaw = test::MailFixture::message(u"malformed.eml"_s);
        const Courriel bad = byMessageId(*agent,
            u"sha256-"_s
                + QString::fromLatin1(QCryptographicHash::hash(badRaw, QCryptographicHash::Sha256).toHex()));
        QVERIFY(bad.id > 0);
        QVERIFY(bad.malformed);
        QVERIFY(!bad.warning.isEmpty());
        QVERIFY(bad.bodyText.contains(u"Le début du message est lisible."_s));
        QCOMPARE(*courriels.rawMessage(bad.id), badRaw);

        // The citizen's 360° history: the incoming e-mail is a contact on the courriel channel.
        const Result<QList<Contact>> contacts = agent->contacts().listByCitizen(jeanne);
        QVERIFY(contacts);
        QCOMPARE(contacts->size(), 1);
        QCOMPARE(contacts->at(0).channel, ContactChannel::Courriel);
        QCOMPARE(contacts->at(0).direction, ContactDirection::Entrant);
        QCOMPARE(contacts->at(0).id, plain.contactId);
        const Result<QList<Courriel>> ofJeanne = courriels.ofCitizen(jeanne);
        QVERIFY(ofJeanne);
        QCOMPARE(ofJeanne->size(), 1);
        QCOMPARE(ofJeanne->at(0).id, plain.id);

        // Opening a citizen's courriel is audited; a list is not a consultation.
        QVERIFY(f.site
                    .scalar(u"SELECT COUNT(*) FROM audit_events WHERE action = 'read' AND entity_kind = "
                            u"'accueil_courriel' AND entity_id = %1"_s.arg(plain.id))
                    .toLongLong()
            >= 1);
    }

    void secondImportImportsNothing()
    {
        const qint64 before = count(u"accueil_courriels"_s);
        const qint64 contactsBefore = count(u"contacts"_s);
        // cur/ is the history: a file registered from there before is not read again
        // (changed behind our back, it would otherwise look like a new message).
        const QString first = QDir(f.maildir()).filePath(u"cur/"_s + f.files(u"cur"_s).first());
        QFile history(first);
        QVERIFY(history.open(QIODevice::ReadWrite));
        const QByteArray original = history.readAll();
        QVERIFY(history.resize(0));
        history.write("From: autre@example.org\r\nMessage-ID: <changed@example.org>\r\n\r\nAutre.\r\n");
        history.close();
        Result<MaildirImportReport> again = importAs(u"accueil"_s);
        QVERIFY(again);
        QCOMPARE(again->imported, 0);
        QCOMPARE(again->duplicates, 4);
        QVERIFY(history.open(QIODevice::WriteOnly | QIODevice::Truncate));
        history.write(original);
        history.close();

        // Files copied back to new/ (a mail reader "marking as unread", a restore…): the
        // database, not the files, decides — nothing new.
        for (const QString& name : f.files(u"cur"_s))
            QVERIFY(QFile::copy(QDir(f.maildir()).filePath(u"cur/"_s + name),
                QDir(f.maildir()).filePath(u"new/"_s + name.section(u':', 0, 0))));
        // The same message delivered twice under another name.
        f.deliver(test::MailFixture::message(u"latin1.eml"_s), u"1777897801.M5P11.mx"_s);
        again = importAs(u"teleconseil"_s);
        QVERIFY(again);
        QCOMPARE(again->imported, 0);
        QCOMPARE(again->duplicates, 9);
        QCOMPARE(again->failed, 0);
        QCOMPARE(count(u"accueil_courriels"_s), before);
        QCOMPARE(count(u"contacts"_s), contactsBefore);
        QCOMPARE(count(u"accueil_courriel_raw"_s), before);
        QVERIFY(f.files(u"new"_s).isEmpty());
        QCOMPARE(f.files(u"cur"_s).size(), 5); // identical copies dropped, the 2nd delivery kept
    }

    void anotherMessageReusingAMessageIdIsKept()
    {
        // A faulty mailer reuses the Message-ID of another message: different sender and
        // subject, so it is a different courriel — registered, once, with a warning.
        const QByteArray other = "Message-ID: <plain-0001@mail.example.org>\n"
                                 "Date: Tue, 5 May 2026 11:00:00 +0200\n"
                                 "From: robot@example.com\nSubject: Lettre d'information\n\nContenu\n";
        f.deliver(other, u"1777971600.M8P14.mx"_s);
        Result<MaildirImportReport> r = importAs(u"accueil"_s);
        QVERIFY(r);
        QCOMPARE(r->imported, 1);
        auto agent = f.site.as(u"accueil"_s);
        CourrielFilter filter;
        filter.text = u"robot@"_s;
        const Result<QList<Courriel>> found = CourrielService(*agent).list(filter);
        QVERIFY(found);
        QCOMPARE(found->size(), 1);
        QVERIFY(found->at(0).messageId.startsWith(u"plain-0001@mail.example.org#sha256-"_s));
        QVERIFY(found->at(0).warning.contains(u"Message-ID"_s));
        // Delivered again: a duplicate of that one, nothing new.
        f.deliver(other, u"1777971600.M9P14.mx"_s);
        r = importAs(u"accueil"_s);
        QVERIFY(r);
        QCOMPARE(r->imported, 0);
        QCOMPARE(CourrielService(*agent).list(filter)->size(), 1);
    }

    void replyDeadlineSkipsMayHolidays()
    {
        // Received Thursday 30 April 2026: 1 May (Friday) and 8 May (Friday) are holidays,
        // so 5 working days are 4, 5, 6, 7 and 11 May.
        const QDateTime received(QDate(2026, 4, 30), QTime(10, 15));
        QCOMPARE(CourrielService::dueFor(received, 5, WorkingCalendar()),
            QDateTime(QDate(2026, 5, 11), QTime(23, 59, 59)));
        auto agent = f.site.as(u"accueil"_s);
        const Courriel plain = byMessageId(*agent, u"plain-0001@mail.example.org"_s);
        QCOMPARE(plain.dueAt, QDateTime(QDate(2026, 5, 11), QTime(23, 59, 59)));

        // Configurable: 3 working days for the next ones — only with accueil.configure.
        CourrielSettings asAgent(*agent);
        CourrielSettings::Values v = *asAgent.load();
        QCOMPARE(v.replyDays, CourrielSettings::kDefaultReplyDays);
        v.replyDays = 3;
        QCOMPARE(asAgent.save(v).error().code(), ErrorCode::PermissionDenied);
        auto supervisor = f.site.as(u"superviseur"_s);
        CourrielSettings settings(*supervisor);
        v.replyDays = 0;
        QCOMPARE(settings.save(v).error().code(), ErrorCode::Validation);
        v.replyDays = 3;
        QVERIFY(settings.save(v));
        QCOMPARE(settings.load()->replyDays, 3);

        QByteArray msg = test::MailFixture::message(u"plain.eml"_s);
        msg.replace("plain-0001@", "plain-0099@");
        f.deliver(msg, u"1777536901.M6P12.mx"_s);
        QVERIFY(importAs(u"accueil"_s));
        QCOMPARE(byMessageId(*agent, u"plain-0099@mail.example.org"_s).dueAt,
            QDateTime(QDate(2026, 5, 6), QTime(23, 59, 59)));
        v.replyDays = CourrielSettings::kDefaultReplyDays;
        QVERIFY(settings.save(v));
    }

    void anotherServiceCannotReadIt()
    {
        auto agent = f.site.as(u"accueil"_s);
        CourrielService courriels(*agent);
        const Courriel latin = byMessageId(*agent, u"latin1-0003@mail.example.com"_s);
        const qint64 logement = f.site.serviceId(u"logement"_s);
        QVERIFY(logement > 0);
        const Result<Courriel> moved = courriels.assign(latin.id, latin.version, 0, logement);
        QVERIFY2(moved, moved ? "" : qPrintable(moved.error().toString()));
        QCOMPARE(moved->assignedServiceId, logement);
        QVERIFY(moved->assignee.contains(u"Logement"_s));

        // The téléconseiller of the IRIS service no longer reads it, nor sees it listed.
        auto tele = f.site.as(u"teleconseil"_s);
        CourrielService teleCourriels(*tele);
        const Result<Courriel> denied = teleCourriels.get(latin.id);
        QVERIFY(!denied);
        QCOMPARE(denied.error().code(), ErrorCode::PermissionDenied);
        QCOMPARE(teleCourriels.rawMessage(latin.id).error().code(), ErrorCode::PermissionDenied);
        QCOMPARE(teleCourriels
                     .recordReply(
                         latin.id, moved->version, { u"a@example.org"_s, u"Re"_s, u"Bonjour"_s, {}, {}, 0 })
                     .error()
                     .code(),
            ErrorCode::PermissionDenied);
        const Result<QList<Courriel>> listed = teleCourriels.list({});
        QVERIFY(listed);
        for (const Courriel& c : *listed)
            QVERIFY(c.id != latin.id);
        // The supervisor sees every queue.
        auto supervisor = f.site.as(u"superviseur"_s);
        QVERIFY(CourrielService(*supervisor).get(latin.id));
        // An administrator does not handle citizens' e-mails at all.
        auto admin = f.site.as(u"admin"_s);
        QCOMPARE(CourrielService(*admin).list({}).error().code(), ErrorCode::PermissionDenied);
        QVERIFY(CourrielOverdueSource().items(*admin, {}).value().isEmpty());
    }

    void colleagueOfTheAssigneeHandlesIt()
    {
        // Assigned to one agent of the IRIS service: a colleague of the same service sees
        // it in the register, may open it and its attachment — and that reading is audited
        // once the sender is known.
        auto agent = f.site.as(u"accueil"_s);
        CourrielService courriels(*agent);
        const Courriel multi = byMessageId(*agent, u"multi-0002@mail.example.org"_s);
        QVERIFY(!multi.attachments.isEmpty());
        const qint64 moreau = f.site.identity(u"c.moreau"_s).id;
        const Result<Courriel> assigned = courriels.assign(multi.id, multi.version, moreau, 0);
        QVERIFY2(assigned, assigned ? "" : qPrintable(assigned.error().toString()));
        const qint64 paul = f.addCitizen(u"Durand"_s, u"Paul"_s, u"paul.durand@example.net"_s);
        const Result<Courriel> linked = courriels.linkCitizen(assigned->id, assigned->version, paul);
        QVERIFY2(linked, linked ? "" : qPrintable(linked.error().toString()));

        auto colleague = f.site.as(u"teleconseil"_s);
        CourrielService theirs(*colleague);
        QVERIFY(theirs.get(multi.id));
        const Result<QList<Courriel>> listed = theirs.list({});
        QVERIFY(listed);
        QVERIFY(std::any_of(listed->cbegin(), listed->cend(), [&](const Courriel& c) { return c.id == multi.id; }));
        const auto reads = [&] {
            return f.site.scalar(u"SELECT COUNT(*) FROM audit_events WHERE action = 'read' AND entity_kind = '%1' "
                                 u"AND entity_id = %2 AND agent_id = %3"_s.arg(ids::CourrielEntity)
                                     .arg(multi.id)
                                     .arg(f.site.identity(u"teleconseil"_s).id))
                .toInt();
        };
        const int before = reads();
        QVERIFY(theirs.attachmentData(multi.attachments.first().id));
        QVERIFY(theirs.rawMessage(multi.id));
        QCOMPARE(reads(), before + 2);
        // …but not an agent of another service.
        auto logement = f.site.as(u"i.roux"_s);
        QCOMPARE(CourrielService(*logement).attachmentData(multi.attachments.first().id).error().code(),
                 ErrorCode::PermissionDenied);
    }

    void replyIsAnOutgoingContact()
    {
        auto agent = f.site.as(u"accueil"_s);
        CourrielService courriels(*agent);
        courriels.setClock(f.site.clock());
        const Courriel plain = byMessageId(*agent, u"plain-0001@mail.example.org"_s);
        CourrielReply reply;
        reply.toAddress = plain.fromAddress;
        reply.subject = u"Re: "_s + plain.subject;
        reply.body = u"Madame, le service état civil est ouvert le jeudi jusqu'à 19 h."_s;
        reply.sentMessageId = u"reply-1@ville-issy.example"_s;
        reply.sentAt = f.site.now;
        const Result<Courriel> answered = courriels.recordReply(plain.id, plain.version, reply);
        QVERIFY2(answered, answered ? "" : qPrintable(answered.error().toString()));
        QCOMPARE(answered->status, CourrielStatus::Repondu);
        QCOMPARE(answered->answeredAt, f.site.now);
        QCOMPARE(answered->replyMessageId, u"reply-1@ville-issy.example"_s);
        QVERIFY(answered->replyContactId > 0);
        QCOMPARE(answered->version, plain.version + 1);

        const Result<QList<Contact>> contacts = agent->contacts().listByCitizen(jeanne);
        QVERIFY(contacts);
        QCOMPARE(contacts->size(), 3); // two e-mails received from her address, one reply
        int outgoing = 0;
        for (const Contact& c : *contacts) {
            if (c.direction != ContactDirection::Sortant)
                continue;
            ++outgoing;
            QCOMPARE(c.id, answered->replyContactId);
            QCOMPARE(c.channel, ContactChannel::Courriel);
            QCOMPARE(c.outcome, ContactOutcome::Repondu);
            QCOMPARE(c.citizenId, jeanne);
        }
        QCOMPARE(outgoing, 1);

        // Stale version → conflict; answered twice → refused.
        QCOMPARE(courriels.recordReply(plain.id, plain.version, reply).error().code(), ErrorCode::Conflict);
        QCOMPARE(
            courriels.recordReply(plain.id, answered->version, reply).error().code(), ErrorCode::Conflict);

        // Filed without reply, with a reason; neither is listed as still to answer.
        const Courriel multi = byMessageId(*agent, u"multi-0002@mail.example.org"_s);
        QCOMPARE(courriels.file(multi.id, multi.version, u"  "_s).error().code(), ErrorCode::Validation);
        const Result<Courriel> filed = courriels.file(multi.id, multi.version, u"Message publicitaire"_s);
        QVERIFY(filed);
        QCOMPARE(filed->status, CourrielStatus::Classe);
        QVERIFY(filed->note.contains(u"Message publicitaire"_s));
        OverdueQuery all;
        all.scope = OverdueQuery::Scope::MyService;
        const Result<QList<Courriel>> open = courriels.open(all);
        QVERIFY(open);
        for (const Courriel& c : *open) {
            QVERIFY(c.id != plain.id);
            QVERIFY(c.id != multi.id);
        }
    }

    void overdueSourceListsByDueDate()
    {
        auto supervisor = f.site.as(u"superviseur"_s);
        OverdueQuery query;
        query.scope = OverdueQuery::Scope::All;
        query.dueBefore = QDateTime(QDate(2026, 12, 31), QTime(0, 0));
        const Result<QList<OverdueItem>> items = CourrielOverdueSource().items(*supervisor, query);
        QVERIFY(items);
        QVERIFY(items->size() >= 2);
        for (qsizetype i = 1; i < items->size(); ++i)
            QVERIFY(items->at(i - 1).dueAt <= items->at(i).dueAt);
        for (const OverdueItem& item : *items) {
            QCOMPARE(item.kind, u"courriel"_s);
            QVERIFY(!item.title.isEmpty());
        }
        // Due before 7 May: only plain-0099 (3 working days → 6 May); the answered and
        // filed ones are never listed.
        query.dueBefore = QDateTime(QDate(2026, 5, 7), QTime(0, 0));
        const Result<QList<OverdueItem>> early = CourrielOverdueSource().items(*supervisor, query);
        QVERIFY(early);
        QCOMPARE(early->size(), 1); // plain-0099, due 6 May (3 working days)
    }

    void severalCitizensShareTheAddress()
    {
        const qint64 a = f.addCitizen(u"Bernard"_s, u"Luc"_s, u"famille.bernard@example.net"_s);
        const qint64 b = f.addCitizen(u"Bernard"_s, u"Anne"_s, u"Famille.Bernard@example.net"_s);
        QVERIFY(a > 0 && b > 0);
        f.deliver(
            "Message-ID: <shared-1@example.net>\nDate: Tue, 5 May 2026 18:00:00 +0200\n"
            "From: Famille Bernard <famille.bernard@example.net>\nSubject: Inscription cantine\n\nBonjour\n",
            u"1777996800.M7P13.mx"_s);
        QVERIFY(importAs(u"accueil"_s));
        auto agent = f.site.as(u"accueil"_s);
        const Courriel shared = byMessageId(*agent, u"shared-1@example.net"_s);
        QCOMPARE(shared.citizenId, 0);
        QCOMPARE(shared.contactId, 0);
        QVERIFY(shared.note.contains(u"Plusieurs usagers"_s));

        CourrielService courriels(*agent);
        const Result<Courriel> linked = courriels.linkCitizen(shared.id, shared.version, b);
        QVERIFY2(linked, linked ? "" : qPrintable(linked.error().toString()));
        QCOMPARE(linked->citizenId, b);
        QVERIFY(linked->contactId > 0);
        const Result<QList<Contact>> contacts = agent->contacts().listByCitizen(b);
        QVERIFY(contacts);
        QCOMPARE(contacts->size(), 1);
        QCOMPARE(contacts->at(0).channel, ContactChannel::Courriel);
        QCOMPARE(courriels.ofCitizen(b)->size(), 1);
        QVERIFY(courriels.ofCitizen(a)->isEmpty());
    }

    void twoImportersAtOnceRegisterEachMessageOnce()
    {
        // The desk's watcher and a cron `iris-cli mail import` may run together: each on its
        // own connection, the Message-ID index and the write transactions decide.
        const qint64 before = count(u"accueil_courriels"_s);
        for (int i = 0; i < 20; ++i)
            f.deliver(QString(u"Message-ID: <burst-%1@example.org>\nFrom: usager%1@example.org\n"
                              u"Subject: Demande %1\n\nBonjour\n"_s)
                          .arg(i)
                          .toUtf8(),
                u"1778000000.M%1P99.mx"_s.arg(i));
        auto one = f.site.as(u"accueil"_s);
        auto two = f.site.as(u"teleconseil"_s);
        const auto run = [this](CoreServices* services) {
            MaildirImporter importer(*services);
            importer.setClock(f.site.clock());
            return importer.importFrom(f.maildir());
        };
        QFuture<Result<MaildirImportReport>> a = QtConcurrent::run(run, one.get());
        QFuture<Result<MaildirImportReport>> b = QtConcurrent::run(run, two.get());
        const Result<MaildirImportReport> ra = a.result();
        const Result<MaildirImportReport> rb = b.result();
        QVERIFY2(ra, ra ? "" : qPrintable(ra.error().toString()));
        QVERIFY2(rb, rb ? "" : qPrintable(rb.error().toString()));
        QCOMPARE(ra->imported + rb->imported, 20);
        QCOMPARE(ra->failed + rb->failed, 0);
        QVERIFY2(
            ra->errors.isEmpty() && rb->errors.isEmpty(), qPrintable((ra->errors + rb->errors).join(u'\n')));
        QCOMPARE(count(u"accueil_courriels"_s), before + 20);
        QVERIFY(f.files(u"new"_s).isEmpty());
    }

    void notAMaildir()
    {
        auto agent = f.site.as(u"accueil"_s);
        const Result<MaildirImportReport> r = MaildirImporter(*agent).importFrom(f.dir.filePath(u"absent"_s));
        QVERIFY(!r);
        QCOMPARE(r.error().code(), ErrorCode::InvalidArgument);
        QVERIFY(r.error().message().contains(u"n'existe pas"_s));
        QVERIFY(!MaildirImporter::checkMaildir(f.dir.path())); // a folder without new/ or cur/
    }
};

QTEST_GUILESS_MAIN(TestMailImport)
#include "TestMailImport.moc"
