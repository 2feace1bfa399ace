#include "modules/usagers/ContactsPanel.h"

#include "core/services/CoreServices.h"
#include "modules/usagers/CitizenActivity.h"
#include "modules/usagers/UsagersController.h"
#include "ui/citizen/TimelineList.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QTreeView>
#include <QVBoxLayout>

namespace iris::usagers {

ContactsPanel::ContactsPanel(UsagersController& controller, qint64 citizenId, QWidget* parent)
    : QWidget(parent)
    , m_controller(controller)
    , m_citizenId(citizenId)
    , m_summary(new QLabel(this))
    , m_channel(new QComboBox(this))
    , m_list(new ui::TimelineList(this))
{
    setObjectName(QStringLiteral("contactsPanel"));
    m_summary->setObjectName(QStringLiteral("contactsSummary"));
    m_summary->setWordWrap(true);
    m_channel->setObjectName(QStringLiteral("contactsChannelFilter"));
    m_channel->addItem(tr("Tous les canaux"), QString());
    for (ContactChannel channel : allContactChannels())
        m_channel->addItem(contactChannelLabel(channel), contactChannelId(channel));
    m_list->setObjectName(QStringLiteral("contactsTimeline"));
    m_list->setPlaceholderText(tr("Aucun contact enregistré pour cet usager."));

    auto* top = new QHBoxLayout;
    top->addWidget(m_summary, 1);
    top->addWidget(m_channel);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_list, 1);
    setFocusProxy(m_list->view());

    connect(m_channel, &QComboBox::currentIndexChanged, this, &ContactsPanel::fill);
    reload();
}

int ContactsPanel::shownCount() const
{
    return m_list->count();
}

void ContactsPanel::reload()
{
    CoreServices* services = m_controller.services();
    if (!services) {
        m_list->showMessage(tr("Aucun agent connecté."));
        return;
    }
    const CitizenActivity activity =
        CitizenActivity::load(*services, m_citizenId, CitizenActivity::Contacts | CitizenActivity::Names);
    if (!activity.contactsLoaded) {
        m_contacts.clear();
        m_summary->clear();
        m_list->showMessage(activity.contactsError.message());
        return;
    }
    m_contacts = activity.contacts;
    m_motives = activity.motiveLabels;
    m_services = activity.serviceNames;
    m_agents = activity.agentNames;
    fill();
}

void ContactsPanel::fill()
{
    const QString channelFilter = m_channel->currentData().toString();
    const QDateTime now = QDateTime::currentDateTime();
    QList<ui::TimelineEntry> entries;
    for (const Contact& c : std::as_const(m_contacts)) {
        if (!channelFilter.isEmpty() && contactChannelId(c.channel) != channelFilter)
            continue;
        ui::TimelineEntry e;
        e.when = c.startedAt;
        e.category = contactChannelLabel(c.channel);
        if (c.direction == ContactDirection::Sortant)
            e.category = tr("%1 (sortant)").arg(e.category);
        e.title = m_motives.value(c.motiveThemeId);
        QStringList detail;
        switch (c.outcome) {
        case ContactOutcome::Oriente:
            detail << tr("Orienté vers %1").arg(m_services.value(c.orientedServiceId, tr("un service")));
            break;
        case ContactOutcome::RappelPrevu:
            detail << tr("Rappel prévu le %1").arg(c.callbackDueAt.toString(QStringLiteral("dd/MM/yyyy HH:mm")));
            e.highlighted = c.callbackDueAt.isValid() && c.callbackDueAt >= now;
            break;
        default:
            detail << contactOutcomeLabel(c.outcome);
            break;
        }
        if (!c.summary.isEmpty())
            detail << c.summary;
        const QString agent = m_agents.value(c.agentId);
        const QString service = m_services.value(c.serviceId);
        if (!agent.isEmpty() || !service.isEmpty()) {
            QStringList who{agent, service};
            who.removeAll(QString());
            detail << tr("par %1").arg(who.join(QLatin1String(", ")));
        }
        e.detail = detail.join(QStringLiteral(" — "));
        e.kind = QStringLiteral("contact");
        e.id = c.id;
        entries.append(e);
    }
    const int shown = int(entries.size());
    m_list->setEntries(std::move(entries));

    if (m_contacts.isEmpty()) {
        m_summary->setText(tr("Aucun contact."));
    } else {
        const Contact& last = m_contacts.first();  // newest first
        const int total = int(m_contacts.size());
        QString text = (total > 1 ? tr("%1 contacts") : tr("%1 contact")).arg(total);
        text += QStringLiteral(" — ")
            + tr("dernier le %1 (%2)")
                  .arg(last.startedAt.toString(QStringLiteral("dd/MM/yyyy")), contactChannelLabel(last.channel));
        if (shown != m_contacts.size())
            text += QStringLiteral(" — ") + (shown > 1 ? tr("%1 affichés") : tr("%1 affiché")).arg(shown);
        m_summary->setText(text);
    }
}

} // namespace iris::usagers
