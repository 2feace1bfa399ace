#include "modules/etatcivil/documents/ActRequestLetters.h"

using namespace Qt::StringLiterals;

namespace iris::etatcivil {

namespace {

QString esc(const QString& s)
{
    return s.toHtmlEscaped();
}

QString fr(const QDate& d)
{
    return d.isValid() ? d.toString(u"dd/MM/yyyy"_s) : QString(u"—"_s);
}

QString row(const QString& label, const QString& value)
{
    return QString(u"<tr><td><b>"_s + esc(label) + u"</b></td><td>"_s + esc(value) + u"</td></tr>"_s);
}

QString header(const LetterHead& h, const QString& title, const QString& reference)
{
    return QString(u"<html><body><p><b>"_s + esc(ActRequestLetters::tr("Mairie %1").arg(h.ofCommune())) + u"</b><br/>"_s
                   + esc(h.service) + u"<br/>"_s + esc(h.address) + u"<br/>"_s
                   + esc(ActRequestLetters::tr("Courrier : %1").arg(h.postalAddress)) + u"<br/>"_s
                   + esc(ActRequestLetters::tr("Téléphone : %1 (%2)").arg(h.phone, h.phoneHours)) + u"</p><h1>"_s
                   + esc(title) + u"</h1><p>"_s + esc(ActRequestLetters::tr("Référence : %1").arg(reference))
                   + u"</p>"_s);
}

QString requestTable(const ActRequest& r)
{
    QString t = u"<table>"_s;
    t += row(ActRequestLetters::tr("Acte"), actNoun(r.actType));
    t += row(ActRequestLetters::tr("Document"), labelOf(r.document));
    t += row(ActRequestLetters::tr("Exemplaires"), QString::number(r.copies));
    t += row(ActRequestLetters::tr("Personne concernée"), r.personName());
    t += row(ActRequestLetters::tr("Événement"),
             ActRequestLetters::tr("le %1 à %2")
                 .arg(fr(r.eventDate), r.eventCommune.isEmpty() ? r.eventCountry : r.eventCommune));
    t += row(ActRequestLetters::tr("Demandeur"), r.requesterName());
    t += row(ActRequestLetters::tr("Qualité du demandeur"), labelOf(r.requesterLink));
    t += row(ActRequestLetters::tr("Demande reçue par"), labelOf(r.channel));
    t += row(ActRequestLetters::tr("Mode de délivrance"), labelOf(r.deliveryMode));
    return t + u"</table>"_s;
}

QString recourse(const LetterHead& h)
{
    return QString(u"<h2>"_s + esc(ActRequestLetters::tr("Voies de recours")) + u"</h2><p>"_s
                   + esc(ActRequestLetters::tr("Vous pouvez former un recours gracieux auprès du maire, officier de "
                                               "l'état civil, ou saisir le procureur de la République près le %1, "
                                               "chargé du contrôle de l'état civil (Code civil, art. 53).")
                             .arg(h.procureurCourt))
                   + u"</p>"_s);
}

QString footer(const QString& agentName)
{
    return QString(u"<p class=\"small\">"_s + esc(ActRequestLetters::tr("Agent : %1").arg(agentName))
                   + u"</p></body></html>"_s);
}

} // namespace

QString ActRequestLetters::fileName(const ActRequest& request, const QString& kind)
{
    return QString(request.dossier.reference + u'-' + kind + u".pdf"_s);
}

QString ActRequestLetters::receipt(const ActRequest& r, const LetterHead& h, const QString& agentName)
{
    QString html = header(h, tr("Accusé de réception de votre demande d'acte"), r.dossier.reference);
    html += u"<p>"_s + esc(tr("Votre demande a été reçue le %1 par le %2 de la mairie %3.")
                               .arg(fr(r.dossier.openedOn), h.service.toLower(), h.ofCommune()))
        + u"</p>"_s;
    html += requestTable(r);
    if (r.entitlement.allowed() && r.location.held()) {
        html += u"<p>"_s + esc(tr("Délai de traitement annoncé : au plus tard le %1.").arg(fr(r.dossier.dueDate)))
            + u"</p>"_s;
        html += u"<p>"_s + esc(tr("La délivrance des copies et extraits d'actes de l'état civil est gratuite.")) + u"</p>"_s;
        html += u"<p>"_s + esc(tr("En l'absence de réponse dans un délai de deux mois à compter du %1, votre demande "
                                  "sera réputée acceptée le %2 (Code des relations entre le public et "
                                  "l'administration, art. L231-1).")
                                   .arg(fr(r.dossier.openedOn), fr(r.dossier.openedOn.addMonths(2))))
            + u"</p>"_s;
    } else if (!r.entitlement.allowed()) {
        html += u"<p>"_s + esc(tr("Au vu des informations fournies, le document demandé ne peut pas vous être délivré : "
                                  "une réponse motivée vous sera adressée au plus tard le %1.")
                                   .arg(fr(r.dossier.dueDate)))
            + u"</p>"_s;
    } else {
        html += u"<p>"_s + esc(r.location.explanation) + u"</p>"_s;
    }
    html += recourse(h);
    html += u"<p class=\"small\">"_s
        + esc(tr("Accusé de réception établi en application des articles L112-3 et R112-5 du Code des relations "
                 "entre le public et l'administration."))
        + u"</p>"_s;
    return html + footer(agentName);
}

QString ActRequestLetters::deliverySlip(const ActRequest& r, const LetterHead& h, const QString& agentName)
{
    QString html = header(h, tr("Bordereau de délivrance"), r.dossier.reference);
    html += requestTable(r);
    html += u"<table>"_s;
    html += row(tr("Référence au registre"), tr("registre de l'année %1, acte n° %2").arg(r.registerYear).arg(r.registerNumber));
    html += row(tr("Délivré le"), r.deliveredAt.isValid() ? r.deliveredAt.toString(u"dd/MM/yyyy 'à' HH:mm"_s)
                                                          : fr(QDate::currentDate()));
    html += row(tr("Droit d'accès"), r.entitlement.reason);
    html += row(tr("Montant"), tr("Gratuit"));
    html += u"</table>"_s;
    html += u"<p>"_s + esc(tr("Document remis ou envoyé au demandeur selon le mode indiqué ci-dessus.")) + u"</p>"_s;
    return html + footer(agentName);
}

QString ActRequestLetters::refusalLetter(const ActRequest& r, const LetterHead& h, const QString& agentName,
                                         const QDate& on)
{
    QString html = header(h, tr("Refus de délivrance d'un acte de l'état civil"), r.dossier.reference);
    html += u"<p>"_s + esc(tr("%1, le %2").arg(h.commune, fr(on))) + u"</p>"_s;
    html += u"<p>"_s + esc(r.requesterName());
    if (!r.requesterAddress.isEmpty())
        html += u"<br/>"_s + esc(r.requesterAddress).replace(u"\n"_s, u"<br/>"_s);
    html += u"</p>"_s;
    html += u"<p>"_s + esc(tr("Madame, Monsieur,")) + u"</p>"_s;
    html += u"<p>"_s + esc(tr("Vous avez demandé le %1 la délivrance du document suivant :").arg(fr(r.dossier.openedOn)))
        + u"</p>"_s;
    html += requestTable(r);
    html += u"<h2>"_s + esc(tr("Motif du refus")) + u"</h2><p>"_s + esc(r.refusalReason) + u"</p>"_s;
    if (!r.entitlement.allowed())
        html += u"<p>"_s + esc(tr("Règle appliquée : %1.").arg(r.entitlement.rule)) + u"</p>"_s;
    html += recourse(h);
    html += u"<p>"_s + esc(tr("Nous vous prions d'agréer, Madame, Monsieur, l'expression de nos salutations distinguées."))
        + u"</p><p>"_s + esc(tr("Pour le maire, l'officier de l'état civil délégué")) + u"</p>"_s;
    return html + footer(agentName);
}

QString ActRequestLetters::orientationLetter(const ActRequest& r, const LetterHead& h, const QString& agentName,
                                             const QDate& on)
{
    QString html = header(h, tr("Orientation de votre demande d'acte"), r.dossier.reference);
    html += u"<p>"_s + esc(tr("%1, le %2").arg(h.commune, fr(on))) + u"</p>"_s;
    html += requestTable(r);
    html += u"<h2>"_s + esc(tr("Où adresser votre demande")) + u"</h2><p><b>"_s + esc(r.location.destination)
        + u"</b></p><p>"_s + esc(r.location.explanation) + u"</p>"_s;
    return html + footer(agentName);
}

} // namespace iris::etatcivil
