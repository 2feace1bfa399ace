#include "modules/accueil/quick/ui/QuickAnswerDialog.h"

#include "core/services/CoreServices.h"
#include "modules/accueil/quick/QuickContactService.h"
#include "modules/accueil/shared/MotiveCatalog.h"
#include "modules/accueil/shared/ui/AccueilController.h"
#include "modules/accueil/shared/ui/MotiveList.h"
#include "ui/citizen/CitizenFormat.h"
#include "ui/citizen/CitizenPicker.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace iris::accueil {

QuickAnswerDialog::QuickAnswerDialog(AccueilController& controller, QWidget* parent)
    : QDialog(parent)
    , m_controller(controller)
    , m_motives(new MotiveList(u"quick"_s, this))
    , m_picker(new ui::CitizenPicker(this))
    , m_citizenLabel(new QLabel(this))
    , m_channel(new QComboBox(this))
    , m_summary(new QLabel(this))
    , m_save(new QPushButton(tr("Enregistrer (Entrée)"), this))
{
    setObjectName(u"quickAnswer"_s);
    setWindowTitle(tr("Réponse immédiate"));
    m_channel->setObjectName(u"quickChannel"_s);
    m_summary->setObjectName(u"quickSummary"_s);
    m_save->setObjectName(u"quickSave"_s);
    m_citizenLabel->setObjectName(u"quickCitizenLabel"_s);
    m_summary->setWordWrap(true);
    for (ContactChannel c : allContactChannels())
        m_channel->addItem(contactChannelLabel(c), int(c));
    m_picker->setSearchFunction(m_controller.citizenSearch());
    m_picker->setPlaceholderText(tr("Usager (facultatif) : nom, téléphone… (Alt+U)"));
    m_picker->setMaximumHeight(160);
    m_picker->setFocusPolicy(Qt::StrongFocus);  // buddy of "&Usager": Alt+U reaches its search field
    m_save->setDefault(true);
    m_save->installEventFilter(this);
    m_motives->filterField()->installEventFilter(this);

    auto* citizenLine = new QHBoxLayout;
    auto* citizenTitle = new QLabel(tr("&Usager :"), this);
    citizenTitle->setBuddy(m_picker);
    citizenLine->addWidget(citizenTitle);
    citizenLine->addWidget(m_citizenLabel, 1);
    auto* bottom = new QHBoxLayout;
    auto* channelTitle = new QLabel(tr("&Canal :"), this);
    channelTitle->setBuddy(m_channel);
    bottom->addWidget(channelTitle);
    bottom->addWidget(m_channel);
    bottom->addStretch(1);
    bottom->addWidget(m_save);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_motives, 3);
    layout->addLayout(citizenLine);
    layout->addWidget(m_picker, 1);
    layout->addWidget(m_summary);
    layout->addLayout(bottom);
    resize(560, 560);

    connect(m_motives, &MotiveList::motiveChosen, this, &QuickAnswerDialog::chooseMotive);
    connect(m_picker, &ui::CitizenPicker::citizenActivated, this, [this](qint64 id) {
        m_citizenId = id;
        const ui::CitizenSearchModel* model = m_picker->model();
        Q_UNUSED(model);
        const CitizenSummary* c = m_picker->currentCitizen();
        m_citizenLabel->setText(c ? ui::citizenformat::fullName(*c) : QString());
        m_motives->focusFilter();
        updateSummary();
    });
    connect(m_channel, &QComboBox::currentIndexChanged, this, &QuickAnswerDialog::updateSummary);
    connect(m_save, &QPushButton::clicked, this, &QuickAnswerDialog::save);

    if (CoreServices* s = m_controller.services()) {
        QuickContactService quick(*s);
        const Result<MotiveCatalog> catalog = MotiveCatalog::load(*s);
        const Result<QList<qint64>> frequent = quick.frequentMotives();
        if (catalog)
            m_motives->setCatalog(*catalog, frequent ? *frequent : QList<qint64>{});
        m_channel->setCurrentIndex(m_channel->findData(int(quick.defaultChannel())));
    }
    reset();
}

void QuickAnswerDialog::reset()
{
    m_motiveId = 0;
    m_citizenId = 0;
    m_citizenLabel->setText(tr("aucun (réponse anonyme)"));
    m_picker->setQuery(QString());
    m_motives->clearFilter();
    m_save->setEnabled(false);
    updateSummary();
    m_motives->focusFilter();
}

void QuickAnswerDialog::chooseMotive(qint64 motiveId)
{
    m_motiveId = motiveId;
    m_save->setEnabled(true);
    updateSummary();
    m_save->setFocus();
}

void QuickAnswerDialog::setChannel(ContactChannel channel)
{
    m_channel->setCurrentIndex(m_channel->findData(int(channel)));
}

void QuickAnswerDialog::updateSummary()
{
    if (m_motiveId == 0) {
        m_summary->setText(tr("Choisissez le motif : un chiffre pour un motif fréquent, ou quelques lettres puis Entrée."));
        return;
    }
    m_summary->setText(tr("%1 — %2. Entrée enregistre ; V, T, C ou P change le canal.")
                           .arg(m_motives->pathOf(m_motiveId), m_channel->currentText()));
}

void QuickAnswerDialog::save()
{
    CoreServices* s = m_controller.services();
    if (!s || m_motiveId == 0)
        return;
    const Result<Contact> contact
        = QuickContactService(*s).answer(ContactChannel(m_channel->currentData().toInt()), m_motiveId, m_citizenId);
    if (!contact) {
        m_summary->setText(contact.error().toString());
        return;
    }
    m_lastContact = contact->id;
    m_controller.showStatus(tr("Réponse immédiate enregistrée : %1.").arg(m_motives->pathOf(m_motiveId)));
    m_controller.notifyContactLogged(m_citizenId);
    Q_EMIT answered(contact->id);
    reset();
}

bool QuickAnswerDialog::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_save && event->type() == QEvent::KeyPress) {
        auto* key = static_cast<QKeyEvent*>(event);
        switch (key->key()) {
        case Qt::Key_Return:
        case Qt::Key_Enter:
            save();
            return true;
        case Qt::Key_V:
            setChannel(ContactChannel::Visite);
            return true;
        case Qt::Key_T:
            setChannel(ContactChannel::Telephone);
            return true;
        case Qt::Key_C:
            setChannel(ContactChannel::Courriel);
            return true;
        case Qt::Key_P:
            setChannel(ContactChannel::Courrier);
            return true;
        default:
            break;
        }
    }
    if (watched == m_motives->filterField() && event->type() == QEvent::KeyPress) {
        auto* key = static_cast<QKeyEvent*>(event);
        if (key->key() == Qt::Key_U && key->modifiers() == Qt::AltModifier) {
            m_picker->focusSearch();
            return true;
        }
    }
    return QDialog::eventFilter(watched, event);
}

} // namespace iris::accueil
