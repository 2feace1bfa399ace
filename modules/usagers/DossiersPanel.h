#pragma once

#include "core/domain/Dossier.h"

#include <QWidget>

class QLabel;

namespace iris::ui {
class TimelineList;
}

namespace iris::usagers {

class UsagersController;

/// "Dossiers" panel of the 360° page: every dossier of the citizen, whatever module
/// registered its type (open ones in bold, overdue flagged), and the timeline of the
/// selected one. Enter opens the dossier in its module when one registered an opener.
///
/// Object names: dossiersPanel, dossiersSummary, dossiersTimeline, dossierEventsTimeline.
class DossiersPanel final : public QWidget
{
    Q_OBJECT
public:
    DossiersPanel(UsagersController& controller, qint64 citizenId, QWidget* parent = nullptr);

    void reload();
    int shownCount() const;

private:
    void showEvents(qint64 dossierId);

    UsagersController& m_controller;
    qint64 m_citizenId = 0;
    QList<Dossier> m_dossiers;
    QLabel* m_summary = nullptr;
    ui::TimelineList* m_list = nullptr;
    ui::TimelineList* m_events = nullptr;
};

} // namespace iris::usagers
