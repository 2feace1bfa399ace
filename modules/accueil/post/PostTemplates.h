#pragma once

#include <QCoreApplication>
#include <QHash>
#include <QString>

namespace iris::accueil {

/// The HTML templates of the register's letters and their filling.
///
/// A template is HTML with "{{name}}" placeholders. Values are plain text and escaped
/// when filled, except placeholders whose name ends in "_html" (paragraphs built by
/// PostLetterWriter: the silence and appeal paragraph, the missing pieces list…), which
/// are inserted as they are. A placeholder without a value is left empty. A site may
/// replace the built-in templates in its settings (PostSettings).
///
/// Placeholders: town_hall, city_address, city_postal_address, city_phone, service_name,
/// service_address, service_phone, service_email, sender_name, sender_address_html,
/// reference, received_date, subject, due_date, today, agent_html, missing_html,
/// silence_html, signature; replies also objet, body_html.
class PostTemplates final
{
    Q_DECLARE_TR_FUNCTIONS(iris::accueil::PostTemplates)
public:
    PostTemplates() = delete;

    /// Acknowledgement of receipt (CRPA L112-3, content per R112-5).
    static QString defaultAcknowledgement();
    /// Reply letter (objet, corps, signature).
    static QString defaultReply();
    static QString fill(const QString& templateHtml, const QHash<QString, QString>& values);
};

} // namespace iris::accueil
