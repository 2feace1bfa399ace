#include "modules/usagers/DuplicatePanel.h"

#include "ui/citizen/CitizenFormat.h"

#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace iris::usagers {

namespace fmt = ui::citizenformat;

DuplicatePanel::DuplicatePanel(QWidget* parent)
    : QFrame(parent)
    , m_title(new QLabel(this))
    , m_list(new QWidget(this))
    , m_listLayout(new QVBoxLayout(m_list))
{
    setObjectName(QStringLiteral("duplicatePanel"));
    setFrameShape(QFrame::StyledPanel);
    setStyleSheet(QStringLiteral("#duplicatePanel { background: #fff8e1; }"));
    m_title->setObjectName(QStringLiteral("duplicateTitle"));
    m_title->setWordWrap(true);
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_listLayout->setContentsMargins(0, 0, 0, 0);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_list);
    layout->addStretch(1);
    setVisible(false);
}

void DuplicatePanel::setCandidates(const QList<DuplicateCandidate>& candidates)
{
    m_candidates = candidates;
    while (QLayoutItem* item = m_listLayout->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    m_title->setText(candidates.size() > 1
                         ? tr("%1 fiches existantes pourraient correspondre :").arg(candidates.size())
                         : tr("Une fiche existante pourrait correspondre :"));
    for (const DuplicateCandidate& d : candidates) {
        auto* row = new QFrame(m_list);
        auto* rowLayout = new QVBoxLayout(row);
        rowLayout->setContentsMargins(0, 4, 0, 4);
        const CitizenSummary& c = d.citizen;
        QStringList facts;
        if (c.birthDate.isValid())
            facts << fmt::bornOn(c.civilite, c.birthDate);
        if (!c.phone.isEmpty())
            facts << fmt::phone(c.phone);
        if (!c.email.isEmpty())
            facts << c.email;
        if (!c.city.isEmpty())
            facts << c.city;
        auto* text = new QLabel(row);
        text->setTextFormat(Qt::PlainText);
        text->setWordWrap(true);
        text->setText(QString(fmt::fullName(c) + QLatin1Char('\n') + facts.join(QStringLiteral(" · "))
                              + QLatin1Char('\n') + d.reason));
        auto* open = new QPushButton(tr("Ouvrir cette fiche"), row);
        open->setObjectName(QStringLiteral("openDuplicate_%1").arg(c.id));
        open->setAutoDefault(false);
        const qint64 id = c.id;
        connect(open, &QPushButton::clicked, this, [this, id] { Q_EMIT openRequested(id); });
        rowLayout->addWidget(text);
        rowLayout->addWidget(open, 0, Qt::AlignLeft);
        m_listLayout->addWidget(row);
    }
    setVisible(!candidates.isEmpty());
}

} // namespace iris::usagers
