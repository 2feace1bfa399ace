#include "modules/accueil/phone/ui/PhoneIntakeWindow.h"

#include "core/base/PhoneNumber.h"
#include "core/modules/KnowledgeBaseAccess.h"
#include "core/modules/ModuleContext.h"
#include "core/services/CoreServices.h"
#include "core/services/DirectoryService.h"
#include "modules/accueil/phone/CallbackSchedule.h"
#include "modules/accueil/phone/PhoneIntakeService.h"
#include "modules/accueil/shared/MotiveCatalog.h"
#include "modules/accueil/shared/ui/AccueilController.h"
#include "modules/accueil/shared/ui/MotiveList.h"
#include "modules/accueil/shared/ui/ServiceChooser.h"
#include "ui/citizen/CitizenFormat.h"
#include "ui/citizen/CitizenSearchRunner.h"
#include "ui/widgets/DebouncedLineEdit.h"
#include "ui/widgets/MessageBox.h"

#include <QAction>
#include <QCloseEvent>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace iris::accueil {

namespace {
enum Assignee { Me, MyService, ChosenService };
}

PhoneIntakeWindow::PhoneIntakeWindow(AccueilController& controller, QWidget* parent)
    : QWidget(parent, Qt::Window)
    , m_controller(controller)
    , m_timerLabel(new QLabel(this))
    , m_number(new ui::DebouncedLineEdit(this, 150))
    , m_runner(new ui::CitizenSearchRunner(this))
    , m_matches(new QListWidget(this))
    , m_nom(new QLineEdit(this))
    , m_prenom(new QLineEdit(this))
    , m_create(new QPushButton(tr("Enregistrer l'appelant (Ctrl+Maj+N)"), this))
    , m_citizen(new QLabel(this))
    , m_openCitizen(new QPushButton(tr("Fiche 360° (Ctrl+O)"), this))
    , m_motives(new MotiveList(u"phone"_s, this))
    , m_motive(new QLabel(this))
    , m_knowledge(new QPushButton(tr("Base de connaissances (Ctrl+Maj+B)"), this))
    , m_notes(new QPlainTextEdit(this))
    , m_outcome(new QComboBox(this))
    , m_service(new ServiceChooser(u"phone"_s, this))
    , m_preset(new QComboBox(this))
    , m_due(new QDateTimeEdit(this))
    , m_assignee(new QComboBox(this))
    , m_error(new QLabel(this))
{
    setObjectName(u"phoneIntake"_s);
    setWindowTitle(tr("Appel entrant"));
    m_timerLabel->setObjectName(u"phoneTimer"_s);
    m_number->setObjectName(u"phoneNumber"_s);
    m_matches->setObjectName(u"phoneMatches"_s);
    m_nom->setObjectName(u"phoneCallerNom"_s);
    m_prenom->setObjectName(u"phoneCallerPrenom"_s);
    m_create->setObjectName(u"phoneCreateCitizen"_s);
    m_citizen->setObjectName(u"phoneCitizen"_s);
    m_openCitizen->setObjectName(u"phoneOpenCitizen"_s);
    m_motive->setObjectName(u"phoneMotive"_s);
    m_knowledge->setObjectName(u"phoneKnowledge"_s);
    m_notes->setObjectName(u"phoneNotes"_s);
    m_outcome->setObjectName(u"phoneOutcome"_s);
    m_preset->setObjectName(u"phoneCallbackPreset"_s);
    m_due->setObjectName(u"phoneCallbackDue"_s);
    m_assignee->setObjectName(u"phoneCallbackAssignee"_s);
    m_error->setObjectName(u"phoneError"_s);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(u"color: #a00;"_s);
    QFont big = m_timerLabel->font();
    big.setPointSizeF(big.pointSizeF() * 1.6);
    big.setBold(true);
    m_timerLabel->setFont(big);
    m_number->setPlaceholderText(tr("Numéro de l'appelant (ou ses derniers chiffres)"));
    m_nom->setPlaceholderText(tr("Nom (facultatif)"));
    m_prenom->setPlaceholderText(tr("Prénom (facultatif)"));
    m_notes->setPlaceholderText(tr("Notes de l'appel"));
    m_notes->setTabChangesFocus(true);
    m_due->setDisplayFormat(u"dd/MM/yyyy HH:mm"_s);
    m_due->setCalendarPopup(true);
    m_knowledge->setEnabled(m_controller.knowledgeBase() != nullptr);
    if (!m_knowledge->isEnabled())
        m_knowledge->setToolTip(tr("Aucune base de connaissances n'est disponible sur ce poste."));
    for (ContactOutcome o : allContactOutcomes())
        m_outcome->addItem(contactOutcomeLabel(o), int(o));
    for (CallbackSchedule::Preset p : CallbackSchedule::presets())
        m_preset->addItem(CallbackSchedule::presetLabel(p), int(p));
    m_assignee->addItem(tr("Moi-même"), Me);
    m_assignee->addItem(tr("Mon service"), MyService);
    m_assignee->addItem(tr("Le service choisi ci-dessus"), ChosenService);

    m_runner->setLimit(20);
    const auto servicesFn = m_controller.context().services;
    m_runner->setSearchFunction([servicesFn](const QString& query, int limit) -> Result<QList<CitizenSummary>> {
        CoreServices* s = servicesFn ? servicesFn() : nullptr;
        if (!s)
            return Error(ErrorCode::PermissionDenied, tr("Aucun agent connecté."));
        return PhoneIntakeService(*s).findCallers(query, limit);
    });

    // Layout: caller | motive & notes | outcome.
    auto* caller = new QGroupBox(tr("Appelant"), this);
    auto* callerLayout = new QVBoxLayout(caller);
    callerLayout->addWidget(m_number);
    callerLayout->addWidget(m_matches, 1);
    auto* names = new QHBoxLayout;
    names->addWidget(m_nom);
    names->addWidget(m_prenom);
    callerLayout->addLayout(names);
    callerLayout->addWidget(m_create);
    auto* chosen = new QHBoxLayout;
    chosen->addWidget(m_citizen, 1);
    chosen->addWidget(m_openCitizen);
    callerLayout->addLayout(chosen);

    auto* motive = new QGroupBox(tr("Motif et notes (Ctrl+M)"), this);
    auto* motiveLayout = new QVBoxLayout(motive);
    motiveLayout->addWidget(m_motives, 2);
    motiveLayout->addWidget(m_motive);
    motiveLayout->addWidget(m_knowledge);
    motiveLayout->addWidget(m_notes, 1);

    auto* outcome = new QGroupBox(tr("Issue"), this);
    auto* form = new QFormLayout(outcome);
    form->addRow(tr("&Issue :"), m_outcome);
    auto* serviceLabel = new QLabel(tr("&Service :"), this);
    serviceLabel->setBuddy(m_service);
    form->addRow(serviceLabel, m_service);
    auto* presetLabel = new QLabel(tr("&Rappeler :"), this);
    presetLabel->setBuddy(m_preset);
    form->addRow(presetLabel, m_preset);
    auto* dueLabel = new QLabel(tr("Le :"), this);
    form->addRow(dueLabel, m_due);
    auto* assigneeLabel = new QLabel(tr("&Par :"), this);
    assigneeLabel->setBuddy(m_assignee);
    form->addRow(assigneeLabel, m_assignee);
    m_serviceRow = {serviceLabel, m_service};
    m_callbackRow = {presetLabel, m_preset, dueLabel, m_due, assigneeLabel, m_assignee};
    auto* saveButton = new QPushButton(tr("Enregistrer l'appel (Ctrl+Entrée)"), this);
    saveButton->setObjectName(u"phoneSave"_s);
    form->addRow(saveButton);
    auto* abandon = new QPushButton(tr("Abandonner l'appel (Échap)"), this);
    abandon->setObjectName(u"phoneAbandon"_s);
    form->addRow(abandon);
    form->addRow(m_error);

    auto* columns = new QHBoxLayout;
    columns->addWidget(caller, 1);
    columns->addWidget(motive, 1);
    columns->addWidget(outcome, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_timerLabel);
    layout->addLayout(columns, 1);
    resize(1100, 560);

    const auto shortcut = [this](QKeySequence key, const QString& text, auto slot) {
        auto* a = new QAction(text, this);
        a->setShortcut(key);
        a->setShortcutContext(Qt::WindowShortcut);
        connect(a, &QAction::triggered, this, slot);
        addAction(a);
    };
    shortcut(QKeySequence(Qt::CTRL | Qt::Key_Return), tr("Enregistrer l'appel"), [this] { save(); });
    shortcut(QKeySequence(Qt::CTRL | Qt::Key_Enter), tr("Enregistrer l'appel"), [this] { save(); });
    shortcut(QKeySequence(Qt::CTRL | Qt::Key_O), tr("Fiche 360° de l'appelant"),
        [this] { m_controller.openCitizen(m_citizenId); });
    shortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N), tr("Enregistrer l'appelant"), [this] { createCitizen(); });
    shortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_B), tr("Base de connaissances"), [this] { m_knowledge->click(); });
    shortcut(QKeySequence(Qt::CTRL | Qt::Key_M), tr("Motif de l'appel"), [this] { m_motives->focusFilter(); });
    shortcut(QKeySequence(Qt::Key_Escape), tr("Abandonner l'appel"), [this] { close(); });

    connect(m_number, &ui::DebouncedLineEdit::queryChanged, this, &PhoneIntakeWindow::numberChanged);
    connect(m_runner, &ui::CitizenSearchRunner::resultsReady, this, &PhoneIntakeWindow::showMatches);
    connect(m_matches, &QListWidget::itemActivated, this, &PhoneIntakeWindow::chooseMatch);
    connect(m_matches, &QListWidget::currentRowChanged, this, &PhoneIntakeWindow::chooseMatch);
    connect(m_create, &QPushButton::clicked, this, &PhoneIntakeWindow::createCitizen);
    connect(m_openCitizen, &QPushButton::clicked, this, [this] { m_controller.openCitizen(m_citizenId); });
    connect(m_motives, &MotiveList::motiveChosen, this, &PhoneIntakeWindow::setMotive);
    connect(m_knowledge, &QPushButton::clicked, this, [this] {
        if (KnowledgeBaseAccess* kb = m_controller.knowledgeBase())
            kb->showPanel(m_motive->text().isEmpty() ? m_notes->toPlainText().left(200) : m_motive->text());
    });
    connect(m_outcome, &QComboBox::currentIndexChanged, this, &PhoneIntakeWindow::updateOutcomeFields);
    connect(m_preset, &QComboBox::currentIndexChanged, this, [this] {
        m_due->setDateTime(CallbackSchedule().due(CallbackSchedule::Preset(m_preset->currentData().toInt()),
                                                  QDateTime::currentDateTime()));
    });
    connect(saveButton, &QPushButton::clicked, this, &PhoneIntakeWindow::save);
    connect(abandon, &QPushButton::clicked, this, &QWidget::close);
    connect(&m_timer, &QTimer::timeout, this, &PhoneIntakeWindow::tick);

    if (CoreServices* s = m_controller.services()) {
        const Result<QList<MunicipalService>> list = s->directory().list();
        if (list)
            m_service->setServices(*list);
        const Result<MotiveCatalog> catalog = MotiveCatalog::load(*s);
        if (catalog)
            m_motives->setCatalog(*catalog);
    }
    startCall();
}

PhoneIntakeWindow::~PhoneIntakeWindow() = default;

void PhoneIntakeWindow::startCall()
{
    m_saved = false;
    m_startedAt = QDateTime::currentDateTime();
    m_number->clear();
    m_matches->clear();
    m_found.clear();
    m_nom->clear();
    m_prenom->clear();
    m_notes->clear();
    m_error->clear();
    m_motives->clearFilter();
    setCitizen(0, QString(), QString());
    m_motiveId = 0;
    m_motive->setText(QString());
    m_outcome->setCurrentIndex(0);
    m_service->setCurrentService(0);
    m_preset->setCurrentIndex(1);
    m_due->setDateTime(CallbackSchedule().due(CallbackSchedule::Preset::InTwoHours, m_startedAt));
    m_assignee->setCurrentIndex(0);
    updateOutcomeFields();
    m_timer.start(1000);
    tick();
    m_number->setFocus();
}

qint64 PhoneIntakeWindow::elapsedSeconds() const
{
    return m_startedAt.secsTo(QDateTime::currentDateTime());
}

void PhoneIntakeWindow::tick()
{
    const qint64 s = qMax<qint64>(0, elapsedSeconds());
    m_timerLabel->setText(tr("Appel en cours — %1:%2").arg(s / 60, 2, 10, QLatin1Char('0')).arg(s % 60, 2, 10, QLatin1Char('0')));
}

void PhoneIntakeWindow::numberChanged(const QString& text)
{
    m_runner->search(text.trimmed());
}

void PhoneIntakeWindow::showMatches(const QString& query, const QList<CitizenSummary>& results)
{
    Q_UNUSED(query);
    m_found = results;
    const QSignalBlocker block(m_matches);
    m_matches->clear();
    for (const CitizenSummary& c : results) {
        const QString name = ui::citizenformat::fullName(c);
        m_matches->addItem(u"%1 — %2"_s.arg(name.isEmpty() ? tr("(nom inconnu)") : name,
                                            ui::citizenformat::phone(c.phone)));
    }
    // A caller identified from an earlier number is dropped when the new number is not theirs.
    const auto isCurrent = [this](const CitizenSummary& c) { return c.id == m_citizenId; };
    if (m_citizenId > 0 && std::none_of(results.cbegin(), results.cend(), isCurrent))
        setCitizen(0, QString(), QString());
    // A single match is the caller.
    if (results.size() == 1) {
        m_matches->setCurrentRow(0);
        chooseMatch();
    }
}

void PhoneIntakeWindow::chooseMatch()
{
    const int row = m_matches->currentRow();
    if (row < 0 || row >= m_found.size())
        return;
    const CitizenSummary& c = m_found.at(row);
    const QString name = ui::citizenformat::fullName(c);
    setCitizen(c.id, name.isEmpty() ? ui::citizenformat::phone(c.phone) : name, c.phone);
}

void PhoneIntakeWindow::createCitizen()
{
    CoreServices* s = m_controller.services();
    if (!s)
        return;
    const Result<Citizen> created = PhoneIntakeService(*s).createCaller(m_number->text(), m_nom->text(), m_prenom->text());
    if (!created) {
        m_error->setText(created.error().toString());
        return;
    }
    m_error->clear();
    m_runner->cancel();  // an answer for the number asked before the creation would drop the new caller
    setCitizen(created->id, created->displayName(), created->phone);
    m_controller.showStatus(tr("Appelant enregistré : %1.").arg(created->displayName()));
}

void PhoneIntakeWindow::setCitizen(qint64 id, const QString& name, const QString& phone)
{
    m_citizenId = id;
    m_citizenPhone = id > 0 ? phone : QString();
    const QString shown = phone.isEmpty() ? name : tr("%1 — %2").arg(name, ui::citizenformat::phone(phone));
    m_citizen->setText(id > 0 ? shown : tr("Appelant non identifié"));
    m_openCitizen->setEnabled(id > 0);
}

bool PhoneIntakeWindow::hasInput() const
{
    return !m_number->text().trimmed().isEmpty() || m_citizenId > 0 || m_motiveId > 0
        || !m_notes->toPlainText().trimmed().isEmpty();
}

void PhoneIntakeWindow::closeEvent(QCloseEvent* event)
{
    // Échap, "Abandonner", the title bar or a logout: nothing typed is lost unasked.
    if (!m_saved && hasInput()
        && ui::MessageBox::question(this, tr("Abandonner l'appel"),
               tr("Abandonner cet appel ? Rien ne sera enregistré (ni le contact, ni le rappel)."))
            != QMessageBox::Yes) {
        event->ignore();
        return;
    }
    m_timer.stop();
    QWidget::closeEvent(event);
}

void PhoneIntakeWindow::setMotive(qint64 id)
{
    m_motiveId = id;
    m_motive->setText(m_motives->pathOf(id));
    m_error->clear();
    // The knowledge base beside the intake follows the motive.
    if (KnowledgeBaseAccess* kb = m_controller.knowledgeBase())
        kb->showPanel(m_motives->pathOf(id).section(u" › "_s, -1));
    if (CoreServices* s = m_controller.services()) {
        const Result<MotiveCatalog> catalog = MotiveCatalog::load(*s);
        if (catalog && catalog->defaultServiceOf(id) > 0 && m_service->currentServiceId() == 0)
            m_service->setCurrentService(catalog->defaultServiceOf(id));
    }
    m_notes->setFocus();
}

void PhoneIntakeWindow::updateOutcomeFields()
{
    const auto outcome = ContactOutcome(m_outcome->currentData().toInt());
    for (QWidget* w : std::as_const(m_serviceRow))
        w->setVisible(outcome == ContactOutcome::Oriente || outcome == ContactOutcome::RappelPrevu);
    for (QWidget* w : std::as_const(m_callbackRow))
        w->setVisible(outcome == ContactOutcome::RappelPrevu);
}

void PhoneIntakeWindow::save()
{
    CoreServices* s = m_controller.services();
    if (!s)
        return;
    PhoneCall call;
    call.startedAt = m_startedAt;
    // Found by its last digits ("3362"): the identified caller's number is the one to keep.
    call.callerNumber = !PhoneNumber::normalize(m_number->text()) && !m_citizenPhone.isEmpty()
        ? m_citizenPhone
        : m_number->text();
    call.citizenId = m_citizenId;
    call.motiveThemeId = m_motiveId;
    call.notes = m_notes->toPlainText();
    call.outcome = ContactOutcome(m_outcome->currentData().toInt());
    if (call.outcome == ContactOutcome::Oriente || call.outcome == ContactOutcome::RappelPrevu)
        call.orientedServiceId = m_service->currentServiceId();
    if (call.outcome == ContactOutcome::RappelPrevu) {
        call.callbackDueAt = m_due->dateTime();
        switch (m_assignee->currentData().toInt()) {
        case Me:
            call.callbackAgentId = s->session().agent().id;
            break;
        case MyService:
            call.callbackServiceId = s->session().agent().serviceId;
            break;
        default:
            call.callbackServiceId = m_service->currentServiceId();
            break;
        }
    }
    const Result<PhoneIntakeService::Saved> saved = PhoneIntakeService(*s).save(call);
    if (!saved) {
        m_error->setText(saved.error().toString());
        return;
    }
    m_timer.stop();
    m_saved = true;
    m_controller.showStatus(saved->callback ? tr("Appel enregistré ; rappel prévu le %1.")
                                                  .arg(saved->callback->dueAt.toLocalTime().toString(u"dd/MM HH:mm"_s))
                                            : tr("Appel enregistré."));
    m_controller.notifyContactLogged(m_citizenId);
    Q_EMIT this->saved(saved->contact.id);
    close();
}

} // namespace iris::accueil
