#pragma once

#include <QDateTime>
#include <QString>

namespace iris {

/// One line of a dossier's timeline. Kinds written by the core: "created", "status",
/// "assigned", "document", "due_date", "note"; modules may add their own kinds.
struct DossierEvent
{
    qint64 id = 0;
    qint64 dossierId = 0;
    QDateTime at;
    qint64 agentId = 0; ///< 0 = system
    QString agentName; ///< filled when read, for display
    QString kind;
    QString text; ///< French, as shown in the timeline
};

} // namespace iris
