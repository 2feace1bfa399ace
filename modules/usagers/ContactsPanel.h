#pragma once

#include "core/domain/Contact.h"

#include <QWidget>

class QComboBox;
class QLabel;

namespace iris::ui {
class TimelineList;
}

namespace iris::usagers {

class UsagersController;
struct CitizenActivity;

/// "Contacts" panel of the 360° page: every contact of the citizen, on every channel
/// and from every module, newest first, with motive, outcome, service and agent.
///
/// Object names: contactsPanel, contactsSummary, contactsChannelFilter, contactsTimeline.
class ContactsPanel final : public QWidget
{
    Q_OBJECT
public:
    ContactsPanel(UsagersController& controller, qint64 citizenId, QWidget* parent = nullptr);

    void reload();
    int shownCount() const;

private:
    void fill();

    UsagersController& m_controller;
    qint64 m_citizenId = 0;
    QList<Contact> m_contacts;
    QHash<qint64, QString> m_motives;
    QHash<qint64, QString> m_services;
    QHash<qint64, QString> m_agents;
    QLabel* m_summary = nullptr;
    QComboBox* m_channel = nullptr;
    ui::TimelineList* m_list = nullptr;
};

} // namespace iris::usagers
