#include "modules/accueil/post/PostDemo.h"

#include "core/domain/Agent.h"
#include "core/services/AgentService.h"
#include "core/services/ContactService.h"
#include "core/services/CoreServices.h"
#include "core/services/DirectoryService.h"
#include "core/storage/Database.h"
#include "modules/accueil/post/PostService.h"

#include <QSqlQuery>

#include <optional>

using namespace Qt::StringLiterals;

namespace iris::accueil {

QByteArray PostDemo::onePagePdf(const QByteArray& line)
{
    QByteArray text = line;
    text.replace('\\', "\\\\").replace('(', "\\(").replace(')', "\\)");
    const QByteArray stream = "BT /F1 14 Tf 72 760 Td (" + text + ") Tj ET";
    const QList<QByteArray> objects = {
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        "/Resources << /Font << /F1 5 0 R >> >> >>",
        "<< /Length " + QByteArray::number(stream.size()) + " >>\nstream\n" + stream + "\nendstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    };
    QByteArray pdf = "%PDF-1.4\n";
    QList<qsizetype> offsets;
    for (qsizetype i = 0; i < objects.size(); ++i) {
        offsets << pdf.size();
        pdf += QByteArray::number(i + 1) + " 0 obj\n" + objects.at(i) + "\nendobj\n";
    }
    const qsizetype xref = pdf.size();
    pdf += "xref\n0 " + QByteArray::number(objects.size() + 1) + "\n0000000000 65535 f \n";
    for (const qsizetype offset : offsets)
        pdf += QByteArray::number(offset).rightJustified(10, '0') + " 00000 n \n";
    pdf += "trailer\n<< /Size " + QByteArray::number(objects.size() + 1) + " /Root 1 0 R >>\nstartxref\n"
        + QByteArray::number(xref) + "\n%%EOF\n";
    return pdf;
}

Result<QString> PostDemo::seed(CoreServices& system, const QDateTime& now)
{
    QList<qint64> citizens;
    qint64 organisation = 0;
    {
        QSqlQuery q(system.database()->connection());
        if (!q.exec(u"SELECT COUNT(*) FROM accueil_post_letters"_s) || !q.next())
            return Database::classify(q.lastError(), tr("courrier de démonstration"));
        if (q.value(0).toLongLong() > 0)
            return QString();
        if (!q.exec(u"SELECT id FROM citizens WHERE address_line1 IS NOT NULL AND address_line1 <> '' ORDER BY id"_s))
            return Database::classify(q.lastError(), tr("courrier de démonstration"));
        QList<qint64> all;
        while (q.next())
            all << q.value(0).toLongLong();
        for (qsizetype i = all.size() / 7; i < all.size() && citizens.size() < 3; i += qMax<qsizetype>(1, all.size() / 3))
            citizens << all.at(i);
        if (q.exec(u"SELECT id FROM organisations ORDER BY id LIMIT 1"_s) && q.next())
            organisation = q.value(0).toLongLong();
    }
    const auto motive = [&system](const QString& code) -> std::optional<MotiveTheme> {
        const Result<MotiveTheme> m = system.contacts().motiveThemeByCode(code);
        return m ? std::optional<MotiveTheme>(*m) : std::nullopt;
    };
    const auto serviceId = [&system](const QString& code) -> qint64 {
        const Result<MunicipalService> s = system.directory().findByCode(code);
        return s ? s->id : 0;
    };

    struct Item
    {
        int daysAgo;
        int citizen;  ///< index in `citizens`; -1 = organisation, -2 = free-text sender
        const char* motive;
        QString subject;
        SilenceRule silence = SilenceRule::SansObjet;
        QStringList missing;
    };
    const QList<Item> items = {
        {27, 0, "etat-civil.acte-naissance", tr("Demande de copie intégrale d'acte de naissance")},
        {9, 1, "urbanisme.declaration", tr("Déclaration préalable pour le ravalement d'une façade"),
         SilenceRule::Acceptation},
        {6, 2, "logement.demande", tr("Demande de logement social : pièces complémentaires"), SilenceRule::SansObjet,
         {tr("Dernier avis d'imposition"), tr("Justificatif de domicile de moins de trois mois")}},
        {4, -1, "associations.subvention", tr("Demande de subvention de fonctionnement pour l'année prochaine"),
         SilenceRule::Rejet},
        {1, -2, nullptr, tr("Réclamation au sujet de l'éclairage de la rue")},
    };

    // The counter registered the post: "Enregistrés par IRIS" is what its agents see first.
    QList<qint64> registrars;
    for (const QString& login : {u"accueil"_s, u"c.moreau"_s, u"k.benali"_s}) {
        if (const Result<Agent> a = system.agents().findByLogin(login); a)
            registrars << a->id;
    }

    PostService post(system);
    post.setClock([now] { return now; });
    int registered = 0;
    for (const Item& item : items) {
        PostLetter letter;
        letter.receivedOn = now.date().addDays(-item.daysAgo);
        if (item.citizen >= 0) {
            if (item.citizen >= citizens.size())
                continue;
            letter.citizenId = citizens.at(item.citizen);
        } else if (item.citizen == -1) {
            if (!organisation)
                continue;
            letter.organisationId = organisation;
        } else {
            letter.senderName = tr("Collectif des riverains de la rue Ernest Renan");
            letter.senderAddress = u"Rue Ernest Renan\n92130 Issy-les-Moulineaux"_s;
        }
        letter.subject = item.subject;
        if (!registrars.isEmpty())
            letter.registeredBy = registrars.at(registered % registrars.size());
        // Assigned to the motive's service (the lighting complaint to the roads service).
        const std::optional<MotiveTheme> theme
            = item.motive ? motive(QString::fromLatin1(item.motive)) : std::nullopt;
        letter.motiveThemeId = theme ? theme->id : 0;
        letter.assignedServiceId = theme && theme->defaultServiceId ? theme->defaultServiceId
                                                                    : serviceId(u"voirie"_s);
        if (!letter.assignedServiceId)
            letter.assignedServiceId = serviceId(u"iris"_s);
        letter.silence = item.silence;
        letter.missingPieces = item.missing;
        if (!item.missing.isEmpty())
            letter.piecesDueOn = now.date().addDays(30);
        PostAttachment scan;
        scan.fileName = u"scan-%1.pdf"_s.arg(registered + 1);
        scan.content = onePagePdf("Courrier recu - exemple de demonstration, aucune donnee reelle");
        const Result<PostLetter> saved = post.registerLetter(letter, scan);
        if (!saved)
            return saved.error();
        ++registered;
    }
    return tr("Courrier : %1 lettres au registre").arg(registered);
}

} // namespace iris::accueil
