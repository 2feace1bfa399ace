#include "modules/accueil/mail/MailDemo.h"

#include "core/services/CoreServices.h"
#include "core/storage/Database.h"
#include "modules/accueil/mail/CourrielService.h"

#include <QLocale>
#include <QSqlQuery>
#include <QStringEncoder>

using namespace Qt::StringLiterals;

namespace iris::accueil {

namespace {

struct Sender
{
    QString name;
    QString address;
};

QByteArray rfc2822(const QDateTime& at)
{
    return QLocale::c().toString(at.toUTC(), u"ddd, dd MMM yyyy HH:mm:ss"_s).toLatin1() + " +0000";
}

QByteArray encodedWord(const QString& text)
{
    return "=?UTF-8?B?" + text.toUtf8().toBase64() + "?=";
}

QByteArray message(const Sender& from, const QString& subject, const QString& body, const QDateTime& at, int n,
                   bool latin1 = false, const QByteArray& attachment = {}, const QString& attachmentName = {})
{
    QByteArray m;
    m += "Return-Path: <" + from.address.toUtf8() + ">\r\n";
    m += "From: " + encodedWord(from.name) + " <" + from.address.toUtf8() + ">\r\n";
    m += "To: IRIS <iris@mairie.example>\r\n";
    m += "Subject: " + encodedWord(subject) + "\r\n";
    m += "Date: " + rfc2822(at) + "\r\n";
    // Stable ids: seeding the demo again registers nothing twice.
    m += "Message-ID: <demo-" + QByteArray::number(n) + "@demo.mairie.example>\r\n";
    m += "MIME-Version: 1.0\r\n";
    const QByteArray text = latin1 ? QStringEncoder(QStringEncoder::Latin1).encode(body) : body.toUtf8();
    const QByteArray charset = latin1 ? "iso-8859-1" : "utf-8";
    if (attachment.isEmpty()) {
        m += "Content-Type: text/plain; charset=" + charset + "\r\nContent-Transfer-Encoding: 8bit\r\n\r\n";
        m += text + "\r\n";
        return m;
    }
    const QByteArray boundary = "=_demo_" + QByteArray::number(n);
    m += "Content-Type: multipart/mixed; boundary=\"" + boundary + "\"\r\n\r\n";
    m += "--" + boundary + "\r\nContent-Type: text/plain; charset=" + charset
        + "\r\nContent-Transfer-Encoding: 8bit\r\n\r\n" + text + "\r\n";
    m += "--" + boundary + "\r\nContent-Type: application/octet-stream; name=\"" + attachmentName.toUtf8()
        + "\"\r\nContent-Disposition: attachment; filename=\"" + attachmentName.toUtf8()
        + "\"\r\nContent-Transfer-Encoding: base64\r\n\r\n" + attachment.toBase64() + "\r\n";
    m += "--" + boundary + "--\r\n";
    return m;
}

} // namespace

Result<QString> MailDemo::seed(CoreServices& system, const QDateTime& now)
{
    // Citizens of the demo who have an e-mail address, spread over the table.
    QList<Sender> citizens;
    {
        QSqlQuery q(system.database()->connection());
        if (!q.exec(u"SELECT prenoms, nom_usage, nom_naissance, email FROM citizens "
                    u"WHERE email IS NOT NULL AND email <> '' ORDER BY id"_s))
            return Database::classify(q.lastError(), tr("courriels de démonstration"));
        QList<Sender> all;
        while (q.next()) {
            const QString nom = q.value(1).toString().isEmpty() ? q.value(2).toString() : q.value(1).toString();
            all.append({QString(q.value(0).toString().section(u' ', 0, 0) + u' ' + nom), q.value(3).toString()});
        }
        for (qsizetype i = 0; i < all.size() && citizens.size() < 4; i += qMax<qsizetype>(1, all.size() / 4))
            citizens << all.at(i);
    }
    while (citizens.size() < 4)
        citizens.append({u"Camille Exemple"_s, u"camille.exemple%1@courriel.example"_s.arg(citizens.size())});
    const Sender stranger{u"Pauline Lefèvre"_s, u"pauline.lefevre@courriel.example"_s};

    struct Item
    {
        Sender from;
        QString subject;
        QString body;
        int hoursAgo;
        bool latin1 = false;
        QByteArray attachment;
        QString attachmentName;
    };
    const QList<Item> items = {
        {citizens.at(0), tr("Horaires de l'état civil le jeudi"),
         tr("Bonjour,\n\nPouvez-vous m'indiquer jusqu'à quelle heure le service état civil reçoit le jeudi ? "
            "Je souhaite déposer un dossier de PACS.\n\nMerci d'avance,\n%1")
             .arg(citizens.at(0).name),
         3},
        {citizens.at(1), tr("Demande d'extrait d'acte de naissance avec filiation"),
         tr("Bonjour,\n\nJe sollicite un extrait de mon acte de naissance avec filiation pour un dossier de "
            "passeport. Vous trouverez ci-joint la copie de ma pièce d'identité.\n\nCordialement,\n%1")
             .arg(citizens.at(1).name),
         8 * 24, false, QByteArray("Pièce d'identité (exemple de démonstration, aucune donnée réelle)\n"),
         u"piece-identite.txt"_s},
        {stranger, tr("Inscription au centre de loisirs pour les vacances"),
         tr("Bonjour,\n\nMon fils est scolarisé à Issy depuis la rentrée : comment l'inscrire à l'accueil de "
            "loisirs pour les vacances de février ?\n\nBien à vous,\nPauline Lefèvre"),
         1},
        {citizens.at(2), tr("Problème de stationnement résidentiel"),
         tr("Bonjour,\n\nMa carte de stationnement résident a expiré et le renouvellement en ligne échoue. "
            "Que dois-je faire ?\n\nMerci,\n%1")
             .arg(citizens.at(2).name),
         26, true},
        {citizens.at(3), tr("Rendez-vous pour une carte d'identité"),
         tr("Bonjour,\n\nJe n'arrive pas à trouver de créneau pour renouveler ma carte d'identité avant mon "
            "voyage du mois prochain. Existe-t-il des rendez-vous d'urgence ?\n\n%1")
             .arg(citizens.at(3).name),
         50},
        {citizens.at(0), tr("Re: Horaires de l'état civil le jeudi"),
         tr("Bonjour,\n\nJe complète mon message : nous serons deux à venir, faut-il prendre rendez-vous ?\n\n%1")
             .arg(citizens.at(0).name),
         2},
    };

    CourrielService courriels(system);
    courriels.setClock([now] { return now; });
    int imported = 0;
    int n = 0;
    for (const Item& item : items) {
        const QDateTime at = now.addSecs(-3600 * item.hoursAgo);
        const QByteArray raw = message(item.from, item.subject, item.body, at, ++n, item.latin1, item.attachment,
                                       item.attachmentName);
        const Result<CourrielService::Registered> registered = courriels.registerMessage(raw, at);
        if (!registered)
            return registered.error();
        imported += registered->outcome == CourrielService::RegisterOutcome::Imported ? 1 : 0;
    }
    if (imported == 0)
        return QString();
    return tr("Courriels : %1 messages reçus à traiter").arg(imported);
}

} // namespace iris::accueil
