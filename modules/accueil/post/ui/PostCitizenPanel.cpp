#include "modules/accueil/post/ui/PostCitizenPanel.h"

#include "core/services/CoreServices.h"
#include "modules/accueil/post/PostService.h"
#include "modules/accueil/shared/DatabaseWatcher.h"
#include "modules/accueil/shared/ui/AccueilController.h"

#include <QListWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace iris::accueil {

PostCitizenPanel::PostCitizenPanel(AccueilController& controller, qint64 citizenId,
                                   std::function<void(qint64)> openLetter, QWidget* parent)
    : QWidget(parent)
    , m_controller(controller)
    , m_citizenId(citizenId)
    , m_openLetter(std::move(openLetter))
    , m_letters(new QListWidget(this))
{
    setObjectName(u"postCitizenPanel"_s);
    m_letters->setObjectName(u"postCitizenLetters"_s);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_letters);
    connect(m_letters, &QListWidget::itemActivated, this, [this](QListWidgetItem* item) {
        const qint64 id = item->data(Qt::UserRole).toLongLong();
        if (id > 0 && m_openLetter)
            m_openLetter(id);
    });
    // A reply or a filing on another workstation changes the state shown here.
    connect(&m_controller.watcher(), &DatabaseWatcher::changed, this, &PostCitizenPanel::reload);
    reload();
}

void PostCitizenPanel::reload()
{
    m_letters->clear();
    CoreServices* s = m_controller.services();
    if (!s)
        return;
    const Result<QList<PostLetter>> letters = PostService(*s).ofCitizen(m_citizenId);
    if (!letters) {
        m_letters->addItem(letters.error().message());
        return;
    }
    const QDate today = QDate::currentDate();
    for (const PostLetter& l : *letters) {
        const QString text = tr("%1 — reçu le %2 — %3 — %4")
                                 .arg(l.reference, l.receivedOn.toString(u"dd/MM/yyyy"_s), l.subject,
                                     PostVocabulary::progressLabel(l, today));
        auto* item = new QListWidgetItem(text, m_letters);
        item->setData(Qt::UserRole, l.id);
        item->setData(Qt::UserRole + 1, PostVocabulary::statusId(l.status));
        if (l.isOverdue(today))
            item->setForeground(Qt::darkRed);
    }
    if (m_letters->count() == 0)
        m_letters->addItem(tr("Aucun courrier reçu de cet usager."));
}

} // namespace iris::accueil
