#include "modules/accueil/post/PostTemplates.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace iris::accueil {

namespace {

QString letterHead()
{
    return u"<html><body>"
           u"<table width=\"100%\"><tr><td valign=\"top\"><b>{{town_hall}}</b><br/>{{service_name}}<br/>"
           u"{{service_address}}<br/>"_s
        + PostTemplates::tr("Tél. : {{service_phone}}") + u"<br/>"_s
        + PostTemplates::tr("Courriel : {{service_email}}")
        + u"</td><td valign=\"top\" align=\"right\">{{sender_name}}<br/>{{sender_address_html}}</td></tr></table>"_s;
}

} // namespace

QString PostTemplates::defaultAcknowledgement()
{
    return letterHead() + u"<p align=\"right\">"_s + tr("%1, le {{today}}").arg(u"{{city}}"_s) + u"</p><h1>"_s
        + tr("Accusé de réception") + u"</h1><p>"_s + tr("<b>Numéro d'enregistrement :</b> {{reference}}")
        + u"<br/>"_s + tr("<b>Objet :</b> {{subject}}") + u"</p><p>"_s + tr("Madame, Monsieur,")
        + u"</p><p>"_s
        + tr(
            "Votre courrier a été reçu le {{received_date}} par la {{town_hall_lower}} et enregistré sous le "
            "numéro {{reference}}, à rappeler dans toute correspondance.")
        + u"</p><p>"_s
        + tr("Il est traité par le service suivant : {{service_name}}, {{service_address}} — téléphone "
             "{{service_phone}}, courriel {{service_email}}.")
        + u"</p>{{agent_html}}<p>"_s + tr("Une réponse vous sera apportée au plus tard le {{due_date}}.")
        + u"</p>{{missing_html}}{{silence_html}}"_s + u"<p>"_s
        + tr("Nous vous prions d'agréer, Madame, Monsieur, l'expression de nos salutations distinguées.")
        + u"</p><p align=\"right\">{{signature}}</p><p class=\"small\">"_s
        + tr("Accusé de réception établi en application des articles L112-3 et R112-5 du code des relations "
             "entre "
             "le public et l'administration.")
        + u" "_s + tr("Adresse postale : {{city_postal_address}} — standard {{city_phone}}.")
        + u"</p></body></html>"_s;
}

QString PostTemplates::defaultReply()
{
    return letterHead() + u"<p align=\"right\">"_s + tr("%1, le {{today}}").arg(u"{{city}}"_s) + u"</p><p>"_s
        + tr("<b>Objet :</b> {{objet}}") + u"<br/>"_s
        + tr("<b>Référence :</b> {{reference}} — votre courrier reçu le {{received_date}}") + u"</p><p>"_s
        + tr("Madame, Monsieur,") + u"</p>{{body_html}}<p>"_s
        + tr("Nous vous prions d'agréer, Madame, Monsieur, l'expression de nos salutations distinguées.")
        + u"</p><p align=\"right\">{{signature}}</p><p class=\"small\">"_s
        + tr("Adresse postale : {{city_postal_address}} — standard {{city_phone}}.")
        + u"</p></body></html>"_s;
}

QString PostTemplates::fill(const QString& templateHtml, const QHash<QString, QString>& values)
{
    static const QRegularExpression placeholder(u"\\{\\{([a-z_]+)\\}\\}"_s);
    QString out;
    out.reserve(templateHtml.size() * 2);
    qsizetype last = 0;
    QRegularExpressionMatchIterator it = placeholder.globalMatch(templateHtml);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        out += QStringView(templateHtml).mid(last, m.capturedStart() - last);
        const QString name = m.captured(1);
        const QString value = values.value(name);
        out += name.endsWith(u"_html"_s) ? value : value.toHtmlEscaped();
        last = m.capturedEnd();
    }
    out += QStringView(templateHtml).mid(last);
    return out;
}

} // namespace iris::accueil
