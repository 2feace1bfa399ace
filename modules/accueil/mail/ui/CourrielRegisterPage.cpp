#include "modules/accueil/mail/ui/CourrielRegisterPage.h"

#include "core/storage/ServerClock.h"
#include "core/domain/Agent.h"
#include "core/services/AgentService.h"
#include "core/services/CoreServices.h"
#include "core/services/DirectoryService.h"
#include "modules/accueil/mail/CourrielService.h"
#include "modules/accueil/mail/MailIds.h"
#include "modules/accueil/mail/ui/CourrielListModel.h"
#include "modules/accueil/mail/ui/CourrielPreview.h"
#include "modules/accueil/mail/ui/CourrielReplyWindow.h"
#include "modules/accueil/shared/DatabaseWatcher.h"
#include "modules/accueil/shared/ui/AccueilController.h"
#include "modules/accueil/shared/ui/ServiceChooser.h"
#include "ui/citizen/CitizenPicker.h"
#include "ui/widgets/DebouncedLineEdit.h"
#include "ui/widgets/MessageBox.h"

#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QPushButton>
#include <QShortcut>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

#include <functional>

using namespace Qt::StringLiterals;

namespace iris::accueil {

namespace {
enum StatusFilter { Open, Answered, Filed, All };
}

CourrielRegisterPage::CourrielRegisterPage(AccueilController& controller, QWidget* parent)
    : QWidget(parent)
    , m_controller(controller)
    , m_model(new CourrielListModel(this))
    , m_status(new QComboBox(this))
    , m_filter(new ui::DebouncedLineEdit(this, 250))
    , m_count(new QLabel(this))
    , m_view(new QTableView(this))
    , m_preview(new CourrielPreview(controller, this))
    , m_reply(new QPushButton(tr("Répondre… (Ctrl+R)"), this))
    , m_link(new QPushButton(tr("Lier à un usager… (Ctrl+Alt+L)"), this))
    , m_openCitizen(new QPushButton(tr("Fiche de l'usager (Ctrl+O)"), this))
    , m_assign(new QPushButton(tr("Attribuer… (Ctrl+Alt+A)"), this))
    , m_file(new QPushButton(tr("Classer sans suite… (Ctrl+Alt+C)"), this))
{
    setObjectName(u"courrielRegister"_s);
    m_status->setObjectName(u"registerStatus"_s);
    m_filter->setObjectName(u"registerFilter"_s);
    m_count->setObjectName(u"registerCount"_s);
    m_view->setObjectName(u"registerList"_s);
    m_reply->setObjectName(u"registerReply"_s);
    m_link->setObjectName(u"registerLinkCitizen"_s);
    m_openCitizen->setObjectName(u"registerOpenCitizen"_s);
    m_assign->setObjectName(u"registerAssign"_s);
    m_file->setObjectName(u"registerFile"_s);

    m_status->addItem(tr("À traiter"), int(Open));
    m_status->addItem(tr("Répondus"), int(Answered));
    m_status->addItem(tr("Classés sans suite"), int(Filed));
    m_status->addItem(tr("Tous"), int(All));
    m_filter->setPlaceholderText(tr("Filtrer : objet, expéditeur…"));
    m_filter->setClearButtonEnabled(true);
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->horizontalHeader()->setSectionResizeMode(CourrielListModel::Subject, QHeaderView::Stretch);

    auto* filters = new QHBoxLayout;
    filters->addWidget(new QLabel(tr("Afficher :"), this));
    filters->addWidget(m_status);
    filters->addWidget(m_filter, 1);
    filters->addWidget(m_count);
    auto* actions = new QHBoxLayout;
    actions->addWidget(m_reply);
    actions->addWidget(m_link);
    actions->addWidget(m_openCitizen);
    actions->addWidget(m_assign);
    actions->addStretch(1);
    actions->addWidget(m_file);
    // The register is what the agent works through: room for a day's courriels (ten rows
    // at least), the preview below takes the rest.
    m_view->setMinimumHeight(m_view->verticalHeader()->defaultSectionSize() * 10
        + m_view->horizontalHeader()->sizeHint().height() + 2 * m_view->frameWidth());
    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->setObjectName(u"registerSplitter"_s);
    splitter->addWidget(m_view);
    splitter->addWidget(m_preview);
    splitter->setChildrenCollapsible(false);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(filters);
    layout->addWidget(splitter, 1);
    layout->addLayout(actions);

    // The page's actions from the keyboard (same keys as the post register).
    const auto shortcut = [this](const QKeySequence& key, const QString& what, std::function<void()> action) {
        auto* sc = new QShortcut(key, this);
        sc->setContext(Qt::WidgetWithChildrenShortcut);
        sc->setWhatsThis(what); // its line in the F1 list
        connect(sc, &QShortcut::activated, this, std::move(action));
    };
    shortcut(QKeySequence(Qt::CTRL | Qt::Key_R), tr("Répondre au courriel"), [this] { reply(); });
    shortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_L), tr("Lier le courriel à un usager"), [this] { linkCitizen(); });
    shortcut(QKeySequence(Qt::CTRL | Qt::Key_O), tr("Fiche de l'usager"), [this] { openCitizen(); });
    shortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_A), tr("Attribuer le courriel"), [this] { assign(); });
    shortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_C), tr("Classer sans suite"), [this] { fileSelected(); });
    shortcut(QKeySequence(Qt::CTRL | Qt::Key_F), tr("Filtrer les courriels"), [this] {
        m_filter->setFocus(Qt::ShortcutFocusReason);
        m_filter->selectAll();
    });
    connect(m_reply, &QPushButton::clicked, this, &CourrielRegisterPage::reply);
    connect(m_link, &QPushButton::clicked, this, &CourrielRegisterPage::linkCitizen);
    connect(m_openCitizen, &QPushButton::clicked, this, &CourrielRegisterPage::openCitizen);
    connect(m_assign, &QPushButton::clicked, this, &CourrielRegisterPage::assign);
    connect(m_file, &QPushButton::clicked, this, &CourrielRegisterPage::fileSelected);
    connect(m_view, &QTableView::activated, this, [this] { reply(); });
    connect(m_status, &QComboBox::currentIndexChanged, this, &CourrielRegisterPage::reload);
    connect(m_filter, &ui::DebouncedLineEdit::queryChanged, this, &CourrielRegisterPage::reload);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
        &CourrielRegisterPage::showCurrent);
    connect(&m_controller.watcher(), &DatabaseWatcher::changed, this, &CourrielRegisterPage::reload);
    reload();
}

qint64 CourrielRegisterPage::currentId() const
{
    const Courriel* c = m_model->at(m_view->currentIndex().row());
    return c ? c->id : 0;
}

void CourrielRegisterPage::reload()
{
    CoreServices* s = m_controller.services();
    if (!s)
        return;
    const qint64 keep = currentId();
    CourrielFilter filter;
    switch (StatusFilter(m_status->currentData().toInt())) {
    case Open:
        filter.status = CourrielStatus::ATraiter;
        break;
    case Answered:
        filter.status = CourrielStatus::Repondu;
        break;
    case Filed:
        filter.status = CourrielStatus::Classe;
        break;
    case All:
        break;
    }
    filter.text = m_filter->text().trimmed();
    filter.limit = 500;
    const Result<QList<Courriel>> rows = CourrielService(*s).list(filter);
    if (!rows) {
        m_count->setText(rows.error().toString());
        return;
    }
    m_model->setCourriels(*rows);
    int overdue = 0;
    const QDateTime now = ServerClock::now();
    for (const Courriel& c : *rows)
        overdue += c.isOverdue(now) ? 1 : 0;
    m_count->setText(overdue > 0
            ? tr("%n courriel(s)", nullptr, int(rows->size())) + tr(", dont %1 en retard").arg(overdue)
            : tr("%n courriel(s)", nullptr, int(rows->size())));
    const int row = m_model->rowOf(keep);
    if (row >= 0) {
        m_view->setCurrentIndex(m_model->index(row, 0));
        showCurrent(); // reads it again only when it changed elsewhere
    } else {
        m_preview->setCourriel({});
        m_shownId = 0;
    }
    updateActions();
}

void CourrielRegisterPage::select(qint64 courrielId)
{
    int row = m_model->rowOf(courrielId);
    if (row < 0) {
        m_status->setCurrentIndex(m_status->findData(int(All)));
        m_filter->clear();
        reload();
        row = m_model->rowOf(courrielId);
    }
    if (row >= 0) {
        m_view->setCurrentIndex(m_model->index(row, 0));
        m_view->setFocus();
    }
}

bool CourrielRegisterPage::fetchCurrent(Courriel* out)
{
    CoreServices* s = m_controller.services();
    const qint64 id = currentId();
    if (!s || id == 0)
        return false;
    const Result<Courriel> c = CourrielService(*s).get(id);
    if (!c) {
        ui::MessageBox::warning(this, tr("Courriel"), c.error().toString());
        return false;
    }
    *out = *c;
    return true;
}

void CourrielRegisterPage::showCurrent()
{
    const Courriel* row = m_model->at(m_view->currentIndex().row());
    if (!row) {
        m_preview->setCourriel({});
        m_shownId = 0;
    } else if (row->id != m_shownId || row->version != m_shownVersion) {
        // Opening a citizen's courriel is audited (a write): read it only when the
        // selection or the courriel itself changed, never on each live reload.
        Courriel c;
        if (fetchCurrent(&c)) {
            m_preview->setCourriel(c);
            m_shownId = c.id;
            m_shownVersion = c.version;
        }
    }
    updateActions();
}

void CourrielRegisterPage::updateActions()
{
    const Courriel* c = m_model->at(m_view->currentIndex().row());
    const bool open = c && c->isOpen();
    m_reply->setEnabled(open);
    m_link->setEnabled(c != nullptr);
    m_openCitizen->setEnabled(c && c->citizenId > 0);
    m_assign->setEnabled(open);
    m_file->setEnabled(open);
}

CourrielReplyWindow* CourrielRegisterPage::reply()
{
    Courriel c;
    if (!fetchCurrent(&c))
        return nullptr;
    for (const QPointer<CourrielReplyWindow>& w : std::as_const(m_replies)) {
        if (w && w->courrielId() == c.id) {
            w->show();
            w->raise();
            w->activateWindow();
            return w;
        }
    }
    if (!c.isOpen()) {
        m_controller.showStatus(tr("Ce courriel est déjà %1.").arg(courrielStatusLabel(c.status).toLower()));
        return nullptr;
    }
    auto* window = new CourrielReplyWindow(m_controller, c);
    window->setAttribute(Qt::WA_DeleteOnClose);
    m_controller.track(window);
    m_replies.removeAll(nullptr);
    m_replies << window;
    connect(window, &CourrielReplyWindow::replied, this, &CourrielRegisterPage::reload);
    window->show();
    window->raise();
    window->activateWindow();
    return window;
}

void CourrielRegisterPage::linkCitizen()
{
    Courriel c;
    if (!fetchCurrent(&c))
        return;
    QDialog dialog(this);
    dialog.setObjectName(u"courrielLinkDialog"_s);
    dialog.setWindowTitle(tr("Lier le courriel de %1 à un usager").arg(c.fromAddress));
    auto* picker = new ui::CitizenPicker(&dialog);
    picker->setSearchFunction(m_controller.citizenSearch());
    picker->setQuery(c.fromName.isEmpty() ? c.fromAddress : c.fromName);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    connect(picker, &ui::CitizenPicker::citizenActivated, &dialog, &QDialog::accept);
    auto* layout = new QVBoxLayout(&dialog);
    layout->addWidget(picker, 1);
    layout->addWidget(buttons);
    dialog.resize(640, 420);
    if (dialog.exec() != QDialog::Accepted || picker->currentCitizenId() == 0)
        return;
    const Result<Courriel> linked
        = CourrielService(*m_controller.services()).linkCitizen(c.id, c.version, picker->currentCitizenId());
    if (!linked) {
        ui::MessageBox::warning(this, tr("Lier à un usager"), linked.error().toString());
        return;
    }
    m_controller.notifyContactLogged(linked->citizenId);
    m_controller.showStatus(tr("Courriel lié à %1.").arg(linked->citizenName));
    reload();
}

void CourrielRegisterPage::openCitizen()
{
    const Courriel* c = m_model->at(m_view->currentIndex().row());
    if (c && c->citizenId > 0)
        m_controller.openCitizen(c->citizenId);
}

void CourrielRegisterPage::assign()
{
    Courriel c;
    CoreServices* s = m_controller.services();
    if (!s || !fetchCurrent(&c))
        return;
    QDialog dialog(this);
    dialog.setObjectName(u"courrielAssignDialog"_s);
    dialog.setWindowTitle(tr("Attribuer le courriel"));
    auto* agent = new QComboBox(&dialog);
    agent->setObjectName(u"assignAgent"_s);
    agent->addItem(tr("— Aucun agent —"), qint64(0));
    if (const Result<QList<Agent>> agents = s->agents().list(); agents) {
        for (const Agent& a : *agents)
            agent->addItem(a.displayName, a.id);
    }
    agent->setCurrentIndex(qMax(0, agent->findData(c.assignedAgentId)));
    auto* service = new ServiceChooser(u"assign"_s, &dialog);
    if (const Result<QList<MunicipalService>> services = s->directory().list(); services)
        service->setServices(*services);
    service->setCurrentService(c.assignedServiceId);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    auto* form = new QFormLayout(&dialog);
    form->addRow(tr("Agent :"), agent);
    form->addRow(tr("Service :"), service);
    form->addRow(buttons);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const Result<Courriel> done = CourrielService(*s).assign(
        c.id, c.version, agent->currentData().toLongLong(), service->currentServiceId());
    if (!done) {
        ui::MessageBox::warning(this, tr("Attribuer"), done.error().toString());
        return;
    }
    m_controller.showStatus(tr("Courriel attribué à %1.").arg(done->assignee));
    reload();
}

void CourrielRegisterPage::fileSelected()
{
    Courriel c;
    CoreServices* s = m_controller.services();
    if (!s || !fetchCurrent(&c))
        return;
    bool ok = false;
    const QString reason = QInputDialog::getText(this, tr("Classer sans suite"),
        tr("Pourquoi ce courriel ne demande-t-il pas de réponse ?"), QLineEdit::Normal, {}, &ok);
    if (!ok)
        return;
    const Result<Courriel> filed = CourrielService(*s).file(c.id, c.version, reason);
    if (!filed) {
        ui::MessageBox::warning(this, tr("Classer sans suite"), filed.error().toString());
        return;
    }
    m_controller.showStatus(tr("Courriel classé sans suite."));
    reload();
}

} // namespace iris::accueil
