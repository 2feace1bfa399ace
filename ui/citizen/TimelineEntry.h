#pragma once

#include <QDateTime>
#include <QMetaType>
#include <QString>

namespace iris::ui {

/// One dated line of a timeline (a contact, a dossier, an event of a dossier).
struct TimelineEntry
{
    QDateTime when;
    QString category;   ///< short label: channel, dossier type… ("Téléphone", "État civil")
    QString title;      ///< what happened ("Demande d'acte de naissance")
    QString detail;     ///< outcome, status, agent… (one line)
    QString kind;       ///< record kind to open on activation ("dossier", "contact"), may be empty
    qint64 id = 0;      ///< record id for kind
    bool highlighted = false; ///< open dossier, callback due… shown in bold
};

} // namespace iris::ui

Q_DECLARE_METATYPE(iris::ui::TimelineEntry)
