// accueil_mail_mime: the MIME reader on real message files (tests/accueil/data/mail) and
// on hand-made edge cases — charsets, encoded-words, RFC 2231 names, attachments decoded
// byte for byte, and malformed input kept whole with a French warning.
#include "modules/accueil/mail/HtmlToText.h"
#include "modules/accueil/mail/MimeHeaderCodec.h"
#include "modules/accueil/mail/MimeParser.h"
#include "tests/support/TestPaths.h"

#include <QFile>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace iris;
using namespace iris::accueil;

namespace {

QByteArray fixture(const QString& name)
{
    QFile f(test::sourceDir() + u"/tests/accueil/data/mail/"_s + name);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", qPrintable(name));
    return f.readAll();
}

QByteArray attachmentBytes()
{
    QByteArray b;
    for (int i = 0; i < 512; ++i)
        b.append(char(i % 256));
    return b;
}

} // namespace

class TestMailMime final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void plainUtf8WithFoldedEncodedSubject()
    {
        const QByteArray raw = fixture(u"plain.eml"_s);
        const MimeMessage m = MimeParser::parse(raw);
        QVERIFY2(!m.malformed, qPrintable(m.warningText()));
        QVERIFY(m.warnings.isEmpty());
        QCOMPARE(m.raw, raw);
        QCOMPARE(m.messageId, u"plain-0001@mail.example.org"_s);
        QCOMPARE(m.subject, u"Horaires du service état civil"_s);
        QCOMPARE(m.fromAddress, u"jeanne.martin@example.org"_s);
        QCOMPARE(m.fromName, u"Jeanne Martin"_s);
        QCOMPARE(m.toAddress, u"iris@ville-issy.example"_s);
        QCOMPARE(m.date.toUTC(), QDateTime(QDate(2026, 4, 30), QTime(8, 15), Qt::UTC));
        QVERIFY(m.bodyText.contains(u"service état civil le jeudi ?"_s));
        QVERIFY(!m.bodyText.contains(u'\r'));
        QVERIFY(m.attachments.isEmpty());
        QVERIFY(!m.bodyFromHtml);
    }

    void multipartAttachmentDecodedByteForByte()
    {
        const MimeMessage m = MimeParser::parse(fixture(u"multipart.eml"_s));
        QVERIFY2(!m.malformed, qPrintable(m.warningText()));
        QCOMPARE(m.subject, u"Pièce jointe : attestation"_s);
        QCOMPARE(m.fromName, u"Martin, Paul"_s);
        QCOMPARE(m.fromAddress, u"paul.martin@example.net"_s);
        // text/plain chosen over text/html; quoted-printable soft breaks joined.
        QVERIFY(!m.bodyFromHtml);
        QVERIFY2(
            m.bodyText.contains(u"Je souhaite savoir si elle convient pour l'inscription à la cantine."_s),
            qPrintable(m.bodyText));
        QVERIFY(!m.bodyText.contains(u"<b>"_s));
        QCOMPARE(m.attachments.size(), 1);
        QCOMPARE(m.attachments[0].fileName, u"attestation domicile été.pdf"_s);
        QCOMPARE(m.attachments[0].mimeType, u"application/pdf"_s);
        QCOMPARE(m.attachments[0].data, attachmentBytes());
    }

    void latin1HeadersAndBody()
    {
        const QByteArray raw = fixture(u"latin1.eml"_s);
        QVERIFY(raw.contains("r\xe9ponse")); // the file really is Latin-1
        const MimeMessage m = MimeParser::parse(raw);
        QVERIFY2(!m.malformed, qPrintable(m.warningText()));
        QCOMPARE(m.subject, u"Demande d'acte de naissance été"_s);
        QCOMPARE(m.fromName, u"Éloïse Durand"_s);
        QVERIFY(m.bodyText.contains(u"Merci de votre réponse. Cordialement, Éloïse Durand"_s));
    }

    void malformedKeepsWhatItCanWithAWarning()
    {
        const QByteArray raw = fixture(u"malformed.eml"_s);
        const MimeMessage m = MimeParser::parse(raw);
        QVERIFY(m.malformed);
        QCOMPARE(m.raw, raw);
        QVERIFY(m.messageId.isEmpty());
        QCOMPARE(m.subject, u"Message coupé"_s);
        QVERIFY(m.bodyText.contains(u"Le début du message est lisible."_s));
        QVERIFY2(m.warningText().contains(u"fin du message en plusieurs parties manque"_s),
            qPrintable(m.warningText()));
        QVERIFY2(m.warningText().contains(u"base64"_s), qPrintable(m.warningText()));
        QCOMPARE(m.attachments.size(), 1);
        QCOMPARE(m.attachments[0].fileName, u"photo.png"_s);
        QVERIFY(m.attachments[0].data.startsWith("\x89PNG"));
    }

    void encodedWords_data()
    {
        QTest::addColumn<QByteArray>("header");
        QTest::addColumn<QString>("expected");
        QTest::addColumn<bool>("warns");
        QTest::newRow("B utf-8") << QByteArray("=?utf-8?B?w6l0w6k=?=") << u"été"_s << false;
        QTest::newRow("Q latin-1, adjacent words joined")
            << QByteArray("=?iso-8859-1?q?caf=E9?= =?iso-8859-1?q?_cr=E8me?=") << u"café crème"_s << false;
        QTest::newRow("words and text")
            << QByteArray("Re: =?UTF-8?Q?r=C3=A9ponse?= urgente") << u"Re: réponse urgente"_s << false;
        QTest::newRow("windows-1252 euro") << QByteArray("=?windows-1252?Q?100_=80?=") << u"100 €"_s << false;
        QTest::newRow("iso-8859-15 oe") << QByteArray("=?ISO-8859-15?Q?=BDuvre?=") << u"œuvre"_s << false;
        QTest::newRow("language suffix")
            << QByteArray("=?utf-8*fr?Q?=C3=A0_bient=C3=B4t?=") << u"à bientôt"_s << false;
        QTest::newRow("unknown charset → Latin-1")
            << QByteArray("=?x-inconnu?Q?caf=E9?=") << u"café"_s << true;
        QTest::newRow("raw UTF-8 header (RFC 6532)")
            << QByteArray("Objet déjà encodé") << u"Objet déjà encodé"_s << false;
        QTest::newRow("bad base64 kept") << QByteArray("=?utf-8?B?***?=") << u"=?utf-8?B?***?="_s << true;
    }
    void encodedWords()
    {
        QFETCH(QByteArray, header);
        QFETCH(QString, expected);
        QFETCH(bool, warns);
        QStringList warnings;
        QCOMPARE(MimeHeaderCodec::decodeHeader(header, &warnings), expected);
        QCOMPARE(!warnings.isEmpty(), warns);
    }

    void rfc2231Parameters()
    {
        QStringList warnings;
        auto p = MimeHeaderCodec::parseParameterized(
            "attachment; filename*0*=utf-8''%C3%A9; filename*1*=t%C3%A9; filename*2=\".txt\"", &warnings);
        QCOMPARE(p.value, u"attachment"_s);
        QCOMPARE(p.params.value(u"filename"_s), u"été.txt"_s);
        p = MimeHeaderCodec::parseParameterized("application/pdf; NAME=\"avis \\\"CAF\\\".pdf\"", &warnings);
        QCOMPARE(p.params.value(u"name"_s), u"avis \"CAF\".pdf"_s);
        p = MimeHeaderCodec::parseParameterized(
            "attachment; filename*=iso-8859-1'fr'r%E9sum%E9.odt", &warnings);
        QCOMPARE(p.params.value(u"filename"_s), u"résumé.odt"_s);
        // Outlook style: RFC 2047 inside a quoted parameter.
        p = MimeHeaderCodec::parseParameterized(
            "attachment; filename=\"=?utf-8?B?w6l0w6kucGRm?=\"", &warnings);
        QCOMPARE(p.params.value(u"filename"_s), u"été.pdf"_s);
        QVERIFY(warnings.isEmpty());
    }

    void htmlOnlyBodyBecomesText()
    {
        const QByteArray raw
            = "From: a@example.org\r\nSubject: html\r\nContent-Type: text/html; charset=utf-8\r\n\r\n"
              "<html><head><style>p{color:red}</style></head><body><p>Bonjour&nbsp;Madame,</p>"
              "<p>Votre dossier est <b>complet</b> &amp; validé&#8239;!<br>Cordialement</p>"
              "<ul><li>un</li><li>deux</li></ul></body></html>";
        const MimeMessage m = MimeParser::parse(raw);
        QVERIFY(m.bodyFromHtml);
        QVERIFY2(!m.bodyText.contains(u"color"_s), qPrintable(m.bodyText));
        QVERIFY(m.bodyText.contains(u"Bonjour Madame,"_s));
        QVERIFY(m.bodyText.contains(u"Votre dossier est complet & validé !\nCordialement"_s));
        QVERIFY(m.bodyText.contains(u"- un\n- deux"_s));
        QCOMPARE(HtmlToText::decodeEntities(u"&eacute;t&eacute; &#xE9; &unknown;"_s), u"été é &unknown;"_s);
    }

    void undeclaredCharsetGuessed()
    {
        // No charset: valid UTF-8 is read as UTF-8, anything else as Windows-1252.
        const MimeMessage utf8 = MimeParser::parse("From: a@example.org\n\nd\xc3\xa9j\xc3\xa0\n");
        QCOMPARE(utf8.bodyText.trimmed(), u"déjà"_s);
        const MimeMessage cp1252 = MimeParser::parse("From: a@example.org\n\nd\xe9j\xe0 \x80\n");
        QCOMPARE(cp1252.bodyText.trimmed(), u"déjà €"_s);
        // Declared UTF-8 but is not: read as Windows-1252, with a warning, nothing dropped.
        const MimeMessage lying = MimeParser::parse(
            "From: a@example.org\nContent-Type: text/plain; charset=utf-8\n\nd\xe9j\xe0\n");
        QCOMPARE(lying.bodyText.trimmed(), u"déjà"_s);
        QVERIFY(lying.warningText().contains(u"UTF-8"_s));
    }

    void noHeadersAndBinaryGarbage()
    {
        QByteArray garbage("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16);
        for (int i = 0; i < 200; ++i)
            garbage.append(char((i * 37) % 256));
        const MimeMessage m = MimeParser::parse(garbage);
        QVERIFY(m.malformed);
        QCOMPARE(m.raw, garbage);
        QVERIFY(m.warningText().contains(u"en-têtes"_s));
        QVERIFY(!m.bodyText.contains(QChar(0)));

        const MimeMessage text = MimeParser::parse("Bonjour, ceci n'est pas un courriel.\nSecond line");
        QVERIFY(text.malformed);
        QVERIFY(text.bodyText.startsWith(u"Bonjour, ceci n'est pas un courriel."_s));

        const MimeMessage empty = MimeParser::parse(QByteArray());
        QVERIFY(empty.malformed);
    }

    void multipartWithoutBoundary()
    {
        const QByteArray raw
            = "From: a@example.org\nContent-Type: multipart/mixed\n\nTexte sans separateur\n";
        const MimeMessage m = MimeParser::parse(raw);
        QVERIFY(m.malformed);
        QVERIFY(m.bodyText.contains(u"Texte sans separateur"_s));
        QVERIFY(m.warningText().contains(u"séparateur"_s));
    }

    void nestedRelatedKeepsInlineImages()
    {
        const QByteArray raw
            = "From: Agent <x@example.org>\nMIME-Version: 1.0\n"
              "Content-Type: multipart/related; boundary=R\n\n"
              "--R\nContent-Type: text/html; charset=us-ascii\n\n<p>Voir image</p>\n"
              "--R\nContent-Type: image/gif\nContent-ID: <img1>\nContent-Transfer-Encoding: base64\n\n"
              "R0lGODlhAQABAAAAACw=\n--R--\n";
        const MimeMessage m = MimeParser::parse(raw);
        QVERIFY2(!m.malformed, qPrintable(m.warningText()));
        QCOMPARE(m.bodyText, u"Voir image"_s);
        QCOMPARE(m.attachments.size(), 1);
        QCOMPARE(m.attachments[0].mimeType, u"image/gif"_s);
        QVERIFY(m.attachments[0].fileName.startsWith(u"piece-jointe-1"_s));
        QVERIFY(m.attachments[0].data.startsWith("GIF89a"));
    }

    void quotedPrintable()
    {
        QCOMPARE(MimeParser::decodeQuotedPrintable("caf=C3=A9 =\r\nsuite=\nfin = 3"),
            QByteArray("caf\xc3\xa9 suitefin = 3"));
        QCOMPARE(MimeParser::decodeQuotedPrintable("a=3D=3db"), QByteArray("a==b"));
    }

    void mailboxesAndDates()
    {
        auto box
            = MimeHeaderCodec::parseMailbox(u"\"Durand, Éloïse\" <Eloise@Example.COM>, autre@example.org"_s);
        QCOMPARE(box.name, u"Durand, Éloïse"_s);
        QCOMPARE(box.address, u"eloise@example.com"_s);
        box = MimeHeaderCodec::parseMailbox(u"paul@example.net (Paul M.)"_s);
        QCOMPARE(box.address, u"paul@example.net"_s);
        QCOMPARE(box.name, u"Paul M."_s);
        QCOMPARE(MimeHeaderCodec::parseDate(u"Thu, 30 Apr 2026 10:15:00 +0200 (CEST)"_s).toUTC(),
            QDateTime(QDate(2026, 4, 30), QTime(8, 15), Qt::UTC));
        QCOMPARE(MimeHeaderCodec::parseDate(u"30 Apr 2026 08:15:00 GMT"_s).toUTC(),
            QDateTime(QDate(2026, 4, 30), QTime(8, 15), Qt::UTC));
        QVERIFY(!MimeHeaderCodec::parseDate(u"hier soir"_s).isValid());
        QCOMPARE(MimeHeaderCodec::parseMessageId(u" <abc.123@host> "_s), u"abc.123@host"_s);
    }
};

QTEST_GUILESS_MAIN(TestMailMime)
#include "TestMailMime.moc"
