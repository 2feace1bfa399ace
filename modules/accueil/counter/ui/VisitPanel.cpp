#include "modules/accueil/counter/ui/VisitPanel.h"

#include "core/storage/ServerClock.h"
#include "core/domain/Citizen.h"
#include "core/services/CitizenService.h"
#include "core/services/CoreServices.h"
#include "modules/accueil/counter/QueueService.h"
#include "modules/accueil/counter/VisitService.h"
#include "modules/accueil/counter/ui/CloseVisitDialog.h"
#include "modules/accueil/counter/ui/TransferDialog.h"
#include "modules/accueil/counter/ui/WaitingListModel.h"
#include "modules/accueil/shared/ui/AccueilController.h"
#include "modules/accueil/shared/ui/MotiveList.h"
#include "ui/citizen/CitizenFormat.h"
#include "ui/citizen/CitizenPicker.h"
#include "ui/widgets/MessageBox.h"

#include <QAction>
#include <QGridLayout>
#include <QGroupBox>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace iris::accueil {

VisitPanel::VisitPanel(AccueilController& controller, QWidget* parent)
    : QWidget(parent)
    , m_controller(controller)
    , m_label(new QLabel(this))
    , m_citizen(new QLabel(this))
    , m_picker(new ui::CitizenPicker(this))
    , m_motives(new MotiveList(u"visit"_s, this))
    , m_chosen(new QListWidget(this))
    , m_openCitizen(new QPushButton(tr("Ouvrir la fiche 360° (Ctrl+O)"), this))
{
    setObjectName(u"visitPanel"_s);
    m_label->setObjectName(u"visitTicket"_s);
    m_citizen->setObjectName(u"visitCitizen"_s);
    m_chosen->setObjectName(u"visitMotivesChosen"_s);
    m_openCitizen->setObjectName(u"visitOpenCitizen"_s);
    QFont big = m_label->font();
    big.setPointSizeF(big.pointSizeF() * 1.6);
    big.setBold(true);
    m_label->setFont(big);
    m_label->setWordWrap(true); // its one long line must not set the panel's width
    m_picker->setSearchFunction(m_controller.citizenSearch());
    m_picker->setPlaceholderText(tr("Identifier l'usager : nom, prénom, téléphone… (Ctrl+I)"));
    m_chosen->setMaximumHeight(90);
    m_chosen->setToolTip(tr("Motifs de la visite ; le premier est le motif principal. Suppr retire le motif choisi."));

    auto* buttons = new QGridLayout;
    struct Spec
    {
        const char* name;
        QString text;
        QKeySequence key;
        void (VisitPanel::*slot)();
    };
    const Spec specs[] = {
        {"visitRecall", tr("Annoncer de nouveau (F5)"), QKeySequence(Qt::Key_F5), &VisitPanel::recall},
        {"visitStart", tr("Usager présent (F6)"), QKeySequence(Qt::Key_F6), &VisitPanel::start},
        {"visitHold", tr("Pause (F7)"), QKeySequence(Qt::Key_F7), &VisitPanel::hold},
        {"visitAbsent", tr("Absent (Ctrl+B)"), QKeySequence(Qt::CTRL | Qt::Key_B), &VisitPanel::markAbsent},
        {"visitTransfer", tr("Transférer… (Ctrl+T)"), QKeySequence(Qt::CTRL | Qt::Key_T), &VisitPanel::transfer},
        {"visitClose", tr("Clore la visite… (Ctrl+Entrée)"), QKeySequence(Qt::CTRL | Qt::Key_Return),
         &VisitPanel::closeVisit},
    };
    int i = 0;
    for (const Spec& spec : specs) {
        auto* button = new QPushButton(spec.text, this);
        button->setObjectName(QLatin1String(spec.name));
        connect(button, &QPushButton::clicked, this, spec.slot);
        auto* action = new QAction(spec.text, this);
        action->setShortcut(spec.key);
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        connect(action, &QAction::triggered, this, spec.slot);
        addAction(action);
        buttons->addWidget(button, i / 2, i % 2); // two columns: the queue beside keeps its room
        m_ticketButtons << button;
        ++i;
    }
    const auto shortcut = [this](QKeySequence key, const QString& text, auto slot) {
        auto* action = new QAction(text, this);
        action->setShortcut(key);
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        connect(action, &QAction::triggered, this, slot);
        addAction(action);
    };
    shortcut(QKeySequence(Qt::CTRL | Qt::Key_I), tr("Identifier l'usager"), [this] { focusCitizenSearch(); });
    shortcut(QKeySequence(Qt::CTRL | Qt::Key_O), tr("Fiche 360° de l'usager"),
        [this] { m_controller.openCitizen(m_ticket.citizenId); });
    shortcut(QKeySequence(Qt::CTRL | Qt::Key_M), tr("Motifs de la visite"), [this] { m_motives->focusFilter(); });
    auto* remove = new QAction(tr("Retirer le motif choisi"), this);
    remove->setShortcut(QKeySequence::Delete);
    remove->setShortcutContext(Qt::WidgetShortcut);
    connect(remove, &QAction::triggered, this, &VisitPanel::removeSelectedMotive);
    m_chosen->addAction(remove);

    auto* citizenBox = new QGroupBox(tr("Usager"), this);
    auto* citizenLayout = new QVBoxLayout(citizenBox);
    auto* citizenLine = new QHBoxLayout;
    citizenLine->addWidget(m_citizen, 1);
    citizenLine->addWidget(m_openCitizen);
    citizenLayout->addLayout(citizenLine);
    citizenLayout->addWidget(m_picker);
    auto* motiveBox = new QGroupBox(tr("Motifs de la visite (Ctrl+M)"), this);
    auto* motiveLayout = new QVBoxLayout(motiveBox);
    motiveLayout->addWidget(m_chosen);
    motiveLayout->addWidget(m_motives);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_label);
    layout->addLayout(buttons);
    layout->addWidget(citizenBox, 2);
    layout->addWidget(motiveBox, 2);

    connect(m_picker, &ui::CitizenPicker::citizenActivated, this, &VisitPanel::setCitizen);
    connect(m_openCitizen, &QPushButton::clicked, this, [this] { m_controller.openCitizen(m_ticket.citizenId); });
    connect(m_motives, &MotiveList::motiveChosen, this, &VisitPanel::addMotive);
    refresh();
}

void VisitPanel::setCatalog(const MotiveCatalog& catalog)
{
    m_motives->setCatalog(catalog);
    refresh();
}

void VisitPanel::setTicket(const Ticket& ticket)
{
    const bool other = ticket.id != m_ticket.id;
    m_ticket = ticket;
    if (other)
        m_picker->setQuery(QString());
    refresh();
}

void VisitPanel::tick(const QDateTime& now)
{
    if (m_ticket.id == 0) {
        m_label->setText(tr("Aucun ticket en cours — F4 pour appeler le suivant"));
        return;
    }
    QString state = ticketStatusLabel(m_ticket.status);
    if (m_ticket.status == TicketStatus::Appele && m_ticket.calledAt.isValid())
        state = tr("appelé depuis %1").arg(WaitingListModel::formatDuration(m_ticket.calledAt.secsTo(now)));
    else if (m_ticket.serviceStartedAt.isValid())
        state = tr("%1 depuis %2")
                    .arg(ticketStatusLabel(m_ticket.status),
                         WaitingListModel::formatDuration(m_ticket.serviceSeconds(now)));
    m_label->setText(u"%1 — %2"_s.arg(m_ticket.label, state));
}

void VisitPanel::focusCitizenSearch()
{
    m_picker->focusSearch();
}

void VisitPanel::refresh()
{
    const bool has = m_ticket.id > 0;
    // Closed, transferred or absent: the next visit starts with an empty search.
    if (!has) {
        m_picker->setQuery(QString());
        m_motives->clearFilter();
    }
    for (QPushButton* b : std::as_const(m_ticketButtons))
        b->setEnabled(has);
    m_picker->setEnabled(has);
    m_motives->setEnabled(has);
    m_chosen->clear();
    for (qint64 id : std::as_const(m_ticket.motiveIds))
        m_chosen->addItem(m_motives->pathOf(id));
    if (has && m_ticket.citizenId > 0 && m_ticket.citizenId != m_namedCitizen) {
        m_namedCitizen = m_ticket.citizenId;
        m_citizenName.clear();
        if (CoreServices* s = m_controller.services()) {
            const Result<Citizen> c = s->citizens().get(m_ticket.citizenId);
            if (c) {
                const QString full = ui::citizenformat::fullName(*c);
                m_citizenName = full.isEmpty() ? c->displayName() : full;
            }
        }
    }
    m_citizen->setText(!has ? QString() : m_ticket.citizenId > 0 ? m_citizenName : tr("Non identifié"));
    m_openCitizen->setEnabled(has && m_ticket.citizenId > 0);
    tick(ServerClock::now());
}

void VisitPanel::apply(const Result<Ticket>& result, const QString& done)
{
    if (!result) {
        ui::MessageBox::warning(this, tr("Guichet"), result.error().toString());
        Q_EMIT ticketChanged();
        return;
    }
    m_ticket = isAtDesk(result->status) ? *result : Ticket{};
    refresh();
    if (!done.isEmpty())
        m_controller.showStatus(done.arg(result->label));
    Q_EMIT ticketChanged();
}

void VisitPanel::recall()
{
    if (CoreServices* s = m_controller.services(); s && m_ticket.id)
        apply(QueueService(*s).recall(m_ticket.id, m_ticket.version), tr("Ticket %1 annoncé de nouveau."));
}

void VisitPanel::start()
{
    if (CoreServices* s = m_controller.services(); s && m_ticket.id)
        apply(VisitService(*s).start(m_ticket.id, m_ticket.version), QString());
}

void VisitPanel::hold()
{
    if (CoreServices* s = m_controller.services(); s && m_ticket.id)
        apply(VisitService(*s).hold(m_ticket.id, m_ticket.version), tr("Ticket %1 en pause."));
}

void VisitPanel::markAbsent()
{
    CoreServices* s = m_controller.services();
    if (!s || !m_ticket.id)
        return;
    // Ctrl+B is next to Ctrl+V and Ctrl+N: a visitor sent away by a slip of the finger
    // would wait for nothing.
    if (ui::MessageBox::question(this, tr("Usager absent"),
            tr("Le ticket %1 ne s'est pas présenté ? Il sort de la file ; il pourra être appelé de "
               "nouveau aujourd'hui s'il revient.")
                .arg(m_ticket.label))
        != QMessageBox::Yes)
        return;
    apply(VisitService(*s).markAbsent(m_ticket.id, m_ticket.version), tr("Ticket %1 marqué absent."));
}

void VisitPanel::transfer()
{
    if (!m_ticket.id)
        return;
    auto* dialog = new TransferDialog(m_controller, m_ticket, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &TransferDialog::transferred, this, [this] {
        m_ticket = {};
        refresh();
        Q_EMIT ticketChanged();
    });
    dialog->open();
}

void VisitPanel::closeVisit()
{
    if (!m_ticket.id)
        return;
    auto* dialog = new CloseVisitDialog(m_controller, m_ticket, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &CloseVisitDialog::closed, this, [this] {
        m_ticket = {};
        refresh();
        Q_EMIT ticketChanged();
    });
    m_controller.track(dialog);
    dialog->open();
}

void VisitPanel::setCitizen(qint64 citizenId)
{
    if (CoreServices* s = m_controller.services(); s && m_ticket.id)
        apply(VisitService(*s).setCitizen(m_ticket.id, m_ticket.version, citizenId), tr("Usager rattaché au ticket %1."));
}

void VisitPanel::addMotive(qint64 motiveId)
{
    CoreServices* s = m_controller.services();
    if (!s || !m_ticket.id)
        return;
    QList<qint64> motives = m_ticket.motiveIds;
    // A precise motive replaces its own theme chosen at the entrance ("État civil" → "PACS").
    motives.removeIf([&](qint64 m) { return m_motives->pathOf(motiveId).startsWith(m_motives->pathOf(m) + u" › "_s); });
    motives << motiveId;
    apply(VisitService(*s).setMotives(m_ticket.id, m_ticket.version, motives), QString());
    m_motives->clearFilter();
}

void VisitPanel::removeSelectedMotive()
{
    CoreServices* s = m_controller.services();
    const int row = m_chosen->currentRow();
    if (!s || !m_ticket.id || row < 0 || row >= m_ticket.motiveIds.size())
        return;
    QList<qint64> motives = m_ticket.motiveIds;
    motives.removeAt(row);
    apply(VisitService(*s).setMotives(m_ticket.id, m_ticket.version, motives), QString());
}

} // namespace iris::accueil
