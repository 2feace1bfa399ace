#include "modules/accueil/post/ui/AssignLetterDialog.h"

#include "modules/accueil/post/PostService.h"
#include "modules/accueil/post/ui/PostAssigneeChooser.h"
#include "modules/accueil/shared/ui/AccueilController.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QShortcut>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace iris::accueil {

AssignLetterDialog::AssignLetterDialog(
    AccueilController& controller, const PostLetter& letter, QWidget* parent)
    : QDialog(parent)
    , m_controller(controller)
    , m_letter(letter)
    , m_assignee(new PostAssigneeChooser(u"postAssign"_s, controller.services(), this))
    , m_error(new QLabel(this))
{
    setObjectName(u"postAssignDialog"_s);
    setWindowTitle(tr("Attribuer le courrier %1").arg(letter.reference));
    m_assignee->setAssignee(letter.assignedServiceId, letter.assignedAgentId);
    m_error->setObjectName(u"postAssignError"_s);
    m_error->setWordWrap(true);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    QPushButton* ok = buttons->addButton(tr("Attribuer (Ctrl+Entrée)"), QDialogButtonBox::AcceptRole);
    ok->setObjectName(u"postAssignSave"_s);
    connect(ok, &QPushButton::clicked, this, &AssignLetterDialog::save);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return), this), &QShortcut::activated, this,
        &AssignLetterDialog::save);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(
        new QLabel(tr("<b>%1</b> — %2").arg(letter.reference, letter.subject.toHtmlEscaped()), this));
    layout->addWidget(m_assignee);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
}

void AssignLetterDialog::save()
{
    CoreServices* s = m_controller.services();
    if (!s)
        return;
    const Result<PostLetter> r = PostService(*s).assign(
        m_letter.id, m_letter.version, m_assignee->agentId(), m_assignee->serviceId());
    if (!r) {
        m_error->setText(
            r.error().fields().isEmpty() ? r.error().toString() : r.error().fields().first().message);
        return;
    }
    m_controller.showStatus(tr("Courrier %1 attribué.").arg(r->reference));
    accept();
}

} // namespace iris::accueil
