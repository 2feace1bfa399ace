#include "modules/etatcivil/documents/RecensementAttestation.h"

using namespace Qt::StringLiterals;

namespace iris::etatcivil {

namespace {
QString esc(const QString& s)
{
    return s.toHtmlEscaped();
}
} // namespace

QString RecensementAttestation::html(const Procedure& p, const LetterHead& h, const QString& agentName,
                                     const QString& address)
{
    const QString number = p.textDetail(detail::AttestationNumber).isEmpty() ? p.dossier.reference
                                                                              : p.textDetail(detail::AttestationNumber);
    const QDate issued = p.dossier.closedAt.isValid() ? p.dossier.closedAt.date() : QDate::currentDate();
    QString s = u"<html><body><p><b>"_s + esc(tr("République française")) + u"</b><br/>"_s
        + esc(tr("Mairie %1").arg(h.ofCommune())) + u"<br/>"_s + esc(h.address) + u"</p>"_s;
    s += u"<h1>"_s + esc(tr("Attestation de recensement")) + u"</h1>"_s;
    s += u"<p>"_s + esc(tr("N° %1").arg(number)) + u"</p>"_s;
    s += u"<p>"_s
        + esc(tr("Le maire %1 atteste que %2, né(e) le %3, domicilié(e) %4, s'est fait recenser le %5 "
                 "conformément au Code du service national (art. L113-1).")
                  .arg(h.ofCommune(), p.personName(), p.personBirthDate.toString(u"dd/MM/yyyy"_s),
                       address.isEmpty() ? h.commune : address, issued.toString(u"dd/MM/yyyy"_s)))
        + u"</p>"_s;
    if (p.flag == u"regularisation")
        s += u"<p>"_s + esc(tr("Recensement effectué hors délai, à titre de régularisation.")) + u"</p>"_s;
    s += u"<p>"_s
        + esc(tr("Cette attestation est à conserver : la mairie ne délivre pas de duplicata. En cas de perte, "
                 "s'adresser au centre du service national de rattachement."))
        + u"</p>"_s;
    s += u"<p>"_s + esc(tr("Fait à %1, le %2.").arg(h.commune, issued.toString(u"dd/MM/yyyy"_s))) + u"</p>"_s;
    s += u"<p class=\"small\">"_s + esc(tr("Agent : %1").arg(agentName)) + u"</p></body></html>"_s;
    return s;
}

} // namespace iris::etatcivil
