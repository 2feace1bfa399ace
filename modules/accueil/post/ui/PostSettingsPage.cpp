#include "modules/accueil/post/ui/PostSettingsPage.h"

#include "modules/accueil/post/PostSettings.h"
#include "modules/accueil/post/PostTemplates.h"
#include "modules/accueil/shared/ui/AccueilController.h"

#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QShortcut>
#include <QSpinBox>
#include <QVBoxLayout>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace iris::accueil {

namespace {
constexpr qint64 kMegabyte = 1024 * 1024;
} // namespace

PostSettingsPage::PostSettingsPage(AccueilController& controller, QWidget* parent)
    : QWidget(parent)
    , m_controller(controller)
    , m_replyDays(new QSpinBox(this))
    , m_ackDays(new QSpinBox(this))
    , m_maxMegabytes(new QSpinBox(this))
    , m_court(new QLineEdit(this))
    , m_ackTemplate(new QPlainTextEdit(this))
    , m_replyTemplate(new QPlainTextEdit(this))
    , m_status(new QLabel(this))
{
    setObjectName(u"postSettingsPage"_s);
    m_replyDays->setObjectName(u"postSettingsReplyDays"_s);
    m_replyDays->setRange(1, 90);
    m_replyDays->setSuffix(tr(" jours ouvrés"));
    m_ackDays->setObjectName(u"postSettingsAckDays"_s);
    m_ackDays->setRange(1, 90);
    m_ackDays->setSuffix(tr(" jours ouvrés"));
    m_maxMegabytes->setObjectName(u"postSettingsMaxMegabytes"_s);
    m_maxMegabytes->setRange(1, 200);
    m_maxMegabytes->setSuffix(tr(" Mo"));
    m_court->setObjectName(u"postSettingsCourt"_s);
    m_ackTemplate->setObjectName(u"postSettingsAckTemplate"_s);
    m_ackTemplate->setPlaceholderText(
        tr("Vide : modèle intégré. HTML avec les champs {{reference}}, {{received_date}}, "
           "{{service_name}}, {{silence_html}}…"));
    m_ackTemplate->setTabChangesFocus(true);
    m_replyTemplate->setObjectName(u"postSettingsReplyTemplate"_s);
    m_replyTemplate->setPlaceholderText(
        tr("Vide : modèle intégré. HTML avec les champs {{objet}}, {{body_html}}, "
           "{{signature}}…"));
    m_replyTemplate->setTabChangesFocus(true);
    m_status->setObjectName(u"postSettingsStatus"_s);
    m_status->setWordWrap(true);

    auto* form = new QFormLayout;
    form->addRow(tr("Délai de &réponse :"), m_replyDays);
    form->addRow(tr("Délai d'&accusé de réception :"), m_ackDays);
    form->addRow(tr("Taille maximale d'un &scan :"), m_maxMegabytes);
    form->addRow(tr("&Tribunal administratif :"), m_court);
    form->addRow(tr("Modèle de l'accusé (HTML) :"), m_ackTemplate);
    form->addRow(tr("Modèle de la réponse (HTML) :"), m_replyTemplate);
    auto* defaults = new QPushButton(tr("Partir du modèle intégré"), this);
    auto* saveButton = new QPushButton(tr("Enregistrer (Ctrl+Entrée)"), this);
    saveButton->setObjectName(u"postSettingsSave"_s);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(defaults);
    buttons->addStretch(1);
    buttons->addWidget(saveButton);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(
        new QLabel(tr("<b>Registre du courrier</b> — délais en jours ouvrés (jours fériés exclus). "
                      "Les nouveaux délais s'appliquent aux courriers enregistrés ensuite."),
            this));
    layout->addLayout(form);
    layout->addLayout(buttons);
    layout->addWidget(m_status);
    connect(saveButton, &QPushButton::clicked, this, &PostSettingsPage::save);
    connect(defaults, &QPushButton::clicked, this, [this] {
        if (m_ackTemplate->toPlainText().trimmed().isEmpty())
            m_ackTemplate->setPlainText(PostTemplates::defaultAcknowledgement());
        if (m_replyTemplate->toPlainText().trimmed().isEmpty())
            m_replyTemplate->setPlainText(PostTemplates::defaultReply());
    });
    for (const QKeySequence& key :
        { QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter) }) {
        auto* shortcut = new QShortcut(key, this);
        shortcut->setContext(Qt::WidgetWithChildrenShortcut);
        connect(shortcut, &QShortcut::activated, this, &PostSettingsPage::save);
    }
    load();
}

void PostSettingsPage::load()
{
    CoreServices* s = m_controller.services();
    if (!s)
        return;
    const Result<PostSettings> settings = PostSettingsStore(*s).load();
    if (!settings) {
        m_status->setText(settings.error().toString());
        return;
    }
    m_replyDays->setValue(settings->replyWorkingDays);
    m_ackDays->setValue(settings->acknowledgementWorkingDays);
    m_maxMegabytes->setValue(int(std::clamp<qint64>(settings->maxAttachmentBytes / kMegabyte, 1, 200)));
    m_court->setText(settings->administrativeCourt);
    m_ackTemplate->setPlainText(settings->acknowledgementTemplate);
    m_replyTemplate->setPlainText(settings->replyTemplate);
}

void PostSettingsPage::save()
{
    CoreServices* s = m_controller.services();
    if (!s)
        return;
    PostSettings settings;
    settings.replyWorkingDays = m_replyDays->value();
    settings.acknowledgementWorkingDays = m_ackDays->value();
    settings.maxAttachmentBytes = m_maxMegabytes->value() * kMegabyte;
    settings.administrativeCourt = m_court->text();
    settings.acknowledgementTemplate = m_ackTemplate->toPlainText();
    settings.replyTemplate = m_replyTemplate->toPlainText();
    const Result<void> saved = PostSettingsStore(*s).save(settings);
    if (!saved) {
        QStringList lines;
        for (const FieldError& e : saved.error().fields())
            lines << e.message;
        m_status->setText(lines.isEmpty() ? saved.error().toString() : lines.join(u'\n'));
        return;
    }
    m_status->setText(tr("Paramètres du courrier enregistrés."));
}

} // namespace iris::accueil
