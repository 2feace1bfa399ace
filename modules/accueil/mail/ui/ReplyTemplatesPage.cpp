#include "modules/accueil/mail/ui/ReplyTemplatesPage.h"

#include "core/services/CoreServices.h"
#include "modules/accueil/mail/ReplyComposer.h"
#include "modules/accueil/mail/ReplyTemplateStore.h"
#include "modules/accueil/shared/ui/AccueilController.h"
#include "ui/widgets/MessageBox.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QShortcut>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace iris::accueil {

ReplyTemplatesPage::ReplyTemplatesPage(AccueilController& controller, QWidget* parent)
    : QWidget(parent)
    , m_controller(controller)
    , m_list(new QListWidget(this))
    , m_label(new QLineEdit(this))
    , m_subject(new QLineEdit(this))
    , m_body(new QPlainTextEdit(this))
    , m_new(new QPushButton(tr("Nouveau modèle"), this))
    , m_save(new QPushButton(tr("Enregistrer (Ctrl+S)"), this))
    , m_delete(new QPushButton(tr("Supprimer"), this))
    , m_status(new QLabel(this))
{
    setObjectName(u"replyTemplatesPage"_s);
    m_list->setObjectName(u"templateList"_s);
    m_label->setObjectName(u"templateLabel"_s);
    m_subject->setObjectName(u"templateSubject"_s);
    m_body->setObjectName(u"templateBody"_s);
    m_new->setObjectName(u"templateNew"_s);
    m_save->setObjectName(u"templateSave"_s);
    m_delete->setObjectName(u"templateDelete"_s);
    m_status->setObjectName(u"templateStatus"_s);
    m_status->setWordWrap(true);
    m_list->setMaximumWidth(260);

    auto* help = new QLabel(tr("Champs disponibles : %1. Un champ inconnu reste tel quel dans la réponse, "
                               "à compléter par l'agent.")
                                .arg(ReplyComposer::placeholders().join(u", "_s)),
        this);
    help->setWordWrap(true);
    auto* form = new QFormLayout;
    form->addRow(tr("Nom :"), m_label);
    form->addRow(tr("Objet :"), m_subject);
    auto* editor = new QVBoxLayout;
    editor->addLayout(form);
    editor->addWidget(m_body, 1);
    editor->addWidget(help);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_status, 1);
    buttons->addWidget(m_new);
    buttons->addWidget(m_delete);
    buttons->addWidget(m_save);
    editor->addLayout(buttons);
    auto* layout = new QHBoxLayout(this);
    layout->addWidget(m_list);
    layout->addLayout(editor, 1);

    connect(m_list, &QListWidget::currentRowChanged, this, &ReplyTemplatesPage::showCurrent);
    connect(m_new, &QPushButton::clicked, this, &ReplyTemplatesPage::newTemplate);
    connect(m_save, &QPushButton::clicked, this, &ReplyTemplatesPage::save);
    auto* saveKey = new QShortcut(QKeySequence::Save, this, nullptr, nullptr, Qt::WidgetWithChildrenShortcut);
    connect(saveKey, &QShortcut::activated, this, &ReplyTemplatesPage::save);
    connect(m_delete, &QPushButton::clicked, this, &ReplyTemplatesPage::removeCurrent);
    reload();
}

void ReplyTemplatesPage::reload(qint64 selectId)
{
    CoreServices* s = m_controller.services();
    if (!s)
        return;
    const Result<QList<ReplyTemplate>> all = ReplyTemplateStore(*s).list();
    if (!all) {
        m_status->setText(all.error().toString());
        return;
    }
    m_templates = *all;
    const QSignalBlocker block(m_list);
    m_list->clear();
    int row = m_templates.isEmpty() ? -1 : 0;
    for (int i = 0; i < m_templates.size(); ++i) {
        m_list->addItem(m_templates.at(i).label);
        if (m_templates.at(i).id == selectId)
            row = i;
    }
    m_list->setCurrentRow(row);
    showCurrent();
}

void ReplyTemplatesPage::showCurrent()
{
    const int row = m_list->currentRow();
    m_editing = row >= 0 && row < m_templates.size() ? m_templates.at(row) : ReplyTemplate {};
    m_label->setText(m_editing.label);
    m_subject->setText(m_editing.subject);
    m_body->setPlainText(m_editing.body);
    m_delete->setEnabled(m_editing.id > 0);
}

void ReplyTemplatesPage::newTemplate()
{
    m_list->clearSelection();
    m_editing = ReplyTemplate {};
    m_editing.subject = tr("Re: {objet}");
    m_editing.body
        = tr("{civilite},\n\n\n\nNous vous prions d'agréer, {civilite}, l'expression de nos salutations "
             "distinguées.\n\n{agent}\n{signature}");
    m_editing.sortOrder = m_templates.isEmpty() ? 10 : m_templates.last().sortOrder + 10;
    m_label->clear();
    m_subject->setText(m_editing.subject);
    m_body->setPlainText(m_editing.body);
    m_delete->setEnabled(false);
    m_label->setFocus();
}

void ReplyTemplatesPage::save()
{
    CoreServices* s = m_controller.services();
    if (!s)
        return;
    ReplyTemplate t = m_editing;
    t.label = m_label->text();
    t.subject = m_subject->text();
    t.body = m_body->toPlainText();
    ReplyTemplateStore store(*s);
    const Result<ReplyTemplate> saved = t.id > 0 ? store.update(t) : store.create(t);
    if (!saved) {
        m_status->setText(saved.error().toString());
        return;
    }
    m_status->setText(tr("Modèle « %1 » enregistré.").arg(saved->label));
    reload(saved->id);
}

void ReplyTemplatesPage::removeCurrent()
{
    CoreServices* s = m_controller.services();
    if (!s || m_editing.id == 0)
        return;
    if (ui::MessageBox::question(
            this, tr("Supprimer le modèle"), tr("Supprimer le modèle « %1 » ?").arg(m_editing.label))
        != QMessageBox::Yes)
        return;
    const Result<void> removed = ReplyTemplateStore(*s).remove(m_editing.id, m_editing.version);
    if (!removed) {
        m_status->setText(removed.error().toString());
        return;
    }
    m_status->setText(tr("Modèle supprimé."));
    reload();
}

} // namespace iris::accueil
