#pragma once

#include <QDateTime>
#include <QString>

namespace iris::accueil {

/// A reply model for courriels: subject and body with placeholders ({civilite}, {nom},
/// {objet}, {date_reception}, {service}, {signature}…; see ReplyComposer).
struct ReplyTemplate
{
    qint64 id = 0;
    int version = 0; ///< optimistic lock; 0 = not saved yet
    QString code; ///< stable key of the seeded defaults ("accuse-reception"); empty for the site's own
    QString label; ///< French, unique: "Accusé de réception"
    QString subject; ///< "Re: {objet}"
    QString body;
    int sortOrder = 0;
    QDateTime createdAt;
    QDateTime updatedAt;
};

} // namespace iris::accueil
