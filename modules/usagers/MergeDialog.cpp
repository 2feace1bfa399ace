#include "modules/usagers/MergeDialog.h"

#include "core/services/CitizenService.h"
#include "core/security/Permissions.h"
#include "core/services/CoreServices.h"
#include "modules/usagers/MergePlan.h"
#include "modules/usagers/UsagersController.h"
#include "ui/citizen/CitizenFormat.h"
#include "ui/citizen/CitizenPicker.h"

#include <QButtonGroup>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QRadioButton>
#include <QStackedWidget>
#include <QTableWidget>
#include <QVBoxLayout>

namespace iris::usagers {

namespace fmt = ui::citizenformat;

MergeDialog::MergeDialog(UsagersController& controller, QWidget* parent)
    : QDialog(parent)
    , m_controller(controller)
    , m_steps(new QStackedWidget(this))
    , m_error(new QLabel(this))
{
    setObjectName(QStringLiteral("citizenMergeDialog"));
    setWindowTitle(tr("Fusionner deux fiches"));
    setAttribute(Qt::WA_DeleteOnClose);

    // Step 1: choose the records.
    auto* chooseStep = new QWidget(m_steps);
    chooseStep->setObjectName(QStringLiteral("mergeChooseStep"));
    m_firstLabel = new QLabel(chooseStep);
    m_firstLabel->setObjectName(QStringLiteral("mergeFirstLabel"));
    m_firstLabel->setWordWrap(true);
    m_chooseHint = new QLabel(chooseStep);
    m_chooseHint->setWordWrap(true);
    m_picker = new ui::CitizenPicker(chooseStep);
    m_picker->setObjectName(QStringLiteral("mergePicker"));
    m_picker->setSearchFunction(m_controller.searchFunction());
    m_next = new QPushButton(tr("&Suivant"), chooseStep);
    m_next->setObjectName(QStringLiteral("mergeNextButton"));
    m_next->setAutoDefault(false);
    auto* chooseLayout = new QVBoxLayout(chooseStep);
    chooseLayout->addWidget(m_firstLabel);
    chooseLayout->addWidget(m_chooseHint);
    chooseLayout->addWidget(m_picker, 1);
    chooseLayout->addWidget(m_next, 0, Qt::AlignRight);
    connect(m_picker, &ui::CitizenPicker::citizenActivated, this, &MergeDialog::choose);
    connect(m_next, &QPushButton::clicked, this, [this] { choose(m_picker->currentCitizenId()); });

    // Step 2: which one to keep, preview, confirm.
    auto* review = new QWidget(m_steps);
    review->setObjectName(QStringLiteral("mergePreviewStep"));
    m_keepFirst = new QRadioButton(review);
    m_keepFirst->setObjectName(QStringLiteral("keepFirstRadio"));
    m_keepSecond = new QRadioButton(review);
    m_keepSecond->setObjectName(QStringLiteral("keepSecondRadio"));
    auto* group = new QButtonGroup(review);
    group->addButton(m_keepFirst);
    group->addButton(m_keepSecond);
    m_keepFirst->setChecked(true);
    m_preview = new QTableWidget(0, 4, review);
    m_preview->setObjectName(QStringLiteral("mergePreview"));
    m_preview->setHorizontalHeaderLabels({tr("Champ"), tr("Fiche conservée"), tr("Fiche absorbée"), tr("Après fusion")});
    m_preview->verticalHeader()->hide();
    m_preview->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_preview->horizontalHeader()->setStretchLastSection(true);
    m_counts = new QLabel(review);
    m_counts->setObjectName(QStringLiteral("mergeCounts"));
    m_counts->setWordWrap(true);
    auto* warning = new QLabel(tr("La fiche absorbée sera supprimée ; ses contacts, dossiers, rendez-vous et "
                                  "liens familiaux passent sur la fiche conservée. Cette opération est "
                                  "définitive et tracée dans le journal."),
                               review);
    warning->setWordWrap(true);
    auto* buttons = new QDialogButtonBox(review);
    m_back = buttons->addButton(tr("&Retour"), QDialogButtonBox::ResetRole);
    m_back->setObjectName(QStringLiteral("mergeBackButton"));
    m_confirm = buttons->addButton(tr("&Fusionner"), QDialogButtonBox::AcceptRole);
    m_confirm->setObjectName(QStringLiteral("mergeConfirmButton"));
    auto* reviewLayout = new QVBoxLayout(review);
    reviewLayout->addWidget(new QLabel(tr("Fiche à conserver :"), review));
    reviewLayout->addWidget(m_keepFirst);
    reviewLayout->addWidget(m_keepSecond);
    reviewLayout->addWidget(m_preview, 1);
    reviewLayout->addWidget(m_counts);
    reviewLayout->addWidget(warning);
    reviewLayout->addWidget(buttons);
    connect(m_keepFirst, &QRadioButton::toggled, this, [this] { showPreview(); });
    connect(m_back, &QPushButton::clicked, this, [this] {
        m_second.reset();
        showChooseStep();
    });
    connect(m_confirm, &QPushButton::clicked, this, &MergeDialog::confirm);

    m_steps->addWidget(chooseStep);
    m_steps->addWidget(review);
    m_error->setObjectName(QStringLiteral("mergeError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_error->hide();

    auto* cancel = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    connect(cancel, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_error);
    layout->addWidget(m_steps, 1);
    layout->addWidget(cancel);
    showChooseStep();
    resize(860, 600);
}

MergeDialog::~MergeDialog() = default;

qint64 MergeDialog::firstId() const
{
    return m_first ? m_first->id : 0;
}

qint64 MergeDialog::secondId() const
{
    return m_second ? m_second->id : 0;
}

qint64 MergeDialog::keptId() const
{
    return m_plan ? m_plan->kept().id : 0;
}

qint64 MergeDialog::absorbedId() const
{
    return m_plan ? m_plan->absorbed().id : 0;
}

QString MergeDialog::describe(const Citizen& c) const
{
    QStringList facts{fmt::fullName(c)};
    if (c.birthDate.isValid())
        facts << fmt::bornOn(c.civilite, c.birthDate);
    if (c.createdAt.isValid())
        facts << tr("fiche créée le %1").arg(c.createdAt.toLocalTime().toString(QStringLiteral("dd/MM/yyyy")));
    return facts.join(QLatin1String(", "));
}

bool MergeDialog::load(qint64 citizenId, std::optional<Citizen>* slot)
{
    CoreServices* services = m_controller.services();
    if (!services) {
        showError(tr("Aucun agent connecté."));
        return false;
    }
    const Result<Citizen> citizen = services->citizens().get(citizenId);
    if (!citizen) {
        showError(citizen.error().message());
        return false;
    }
    *slot = *citizen;
    m_error->hide();
    return true;
}

bool MergeDialog::setFirst(qint64 citizenId)
{
    if (!load(citizenId, &m_first))
        return false;
    m_second.reset();
    showChooseStep();
    return true;
}

bool MergeDialog::setSecond(qint64 citizenId)
{
    if (!m_first) {
        showError(tr("Choisissez d'abord la première fiche."));
        return false;
    }
    if (citizenId == m_first->id) {
        showError(tr("Choisissez une autre fiche que la première."));
        return false;
    }
    if (!load(citizenId, &m_second))
        return false;
    m_keepFirst->setText(tr("Conserver %1").arg(describe(*m_first)));
    m_keepSecond->setText(tr("Conserver %1").arg(describe(*m_second)));
    showPreview();
    m_steps->setCurrentIndex(1);
    m_keepFirst->setFocus();
    return true;
}

void MergeDialog::choose(qint64 citizenId)
{
    if (citizenId <= 0)
        return;
    if (!m_first)
        setFirst(citizenId);
    else
        setSecond(citizenId);
}

void MergeDialog::setKeepFirst(bool keepFirst)
{
    (keepFirst ? m_keepFirst : m_keepSecond)->setChecked(true);
    showPreview();
}

void MergeDialog::showChooseStep()
{
    m_plan.reset();
    m_steps->setCurrentIndex(0);
    if (m_first) {
        m_firstLabel->setText(tr("Première fiche : %1").arg(describe(*m_first)));
        m_chooseHint->setText(tr("Cherchez l'autre fiche de la même personne :"));
        m_picker->setExcludedIds({m_first->id});
    } else {
        m_firstLabel->setText(tr("Cherchez la première des deux fiches à fusionner :"));
        m_chooseHint->clear();
        m_picker->setExcludedIds({});
    }
    m_picker->setQuery(QString());
    m_picker->focusSearch();
}

void MergeDialog::showPreview()
{
    if (!m_first || !m_second)
        return;
    const bool keepFirst = m_keepFirst->isChecked();
    m_plan = std::make_unique<MergePlan>(keepFirst ? *m_first : *m_second, keepFirst ? *m_second : *m_first);

    m_preview->setRowCount(int(m_plan->rows().size()));
    int row = 0;
    for (const MergePlan::Row& r : m_plan->rows()) {
        const QStringList cells{r.label, r.kept, r.absorbed, r.result};
        for (int col = 0; col < cells.size(); ++col) {
            auto* item = new QTableWidgetItem(cells.at(col));
            if (col == 3 && r.fromAbsorbed) {
                QFont bold = item->font();
                bold.setBold(true);
                item->setFont(bold);
                item->setToolTip(tr("Repris de la fiche absorbée"));
            }
            if (col == 2 && r.conflicting)
                item->setToolTip(tr("Valeur différente : elle ne sera pas conservée"));
            m_preview->setItem(row, col, item);
        }
        ++row;
    }
    m_preview->resizeColumnsToContents();

    const UsagersController::Activity moved = m_controller.activity(m_plan->absorbed().id);
    QString counts;
    if (moved.contacts >= 0 && moved.dossiers >= 0) {
        counts = tr("%1 et %2 de la fiche absorbée seront rattachés à la fiche conservée.")
                     .arg((moved.contacts > 1 ? tr("%1 contacts") : tr("%1 contact")).arg(moved.contacts),
                          (moved.dossiers > 1 ? tr("%1 dossiers") : tr("%1 dossier")).arg(moved.dossiers));
    }
    if (m_plan->conflicts() > 0) {
        counts += QLatin1Char(' ')
            + (m_plan->conflicts() > 1
                   ? tr("%1 valeurs différentes de la fiche absorbée ne seront pas reprises.").arg(m_plan->conflicts())
                   : tr("Une valeur différente de la fiche absorbée ne sera pas reprise."));
    }
    m_counts->setText(counts.trimmed());
    m_confirm->setEnabled(m_controller.can(perm::CitizenMerge));
}

bool MergeDialog::confirm()
{
    if (!m_plan) {
        showError(tr("Choisissez les deux fiches avant de fusionner."));
        return false;
    }
    CoreServices* services = m_controller.services();
    if (!services) {
        showError(tr("Aucun agent connecté."));
        return false;
    }
    const qint64 absorbed = m_plan->absorbed().id;
    const Result<Citizen> result = services->citizens().merge(m_plan->kept().id, absorbed);
    if (!result) {
        showError(result.error().toString());
        return false;
    }
    m_controller.showStatus(tr("Fiches fusionnées : %1.").arg(fmt::fullName(*result)));
    Q_EMIT merged(*result, absorbed);
    accept();
    return true;
}

void MergeDialog::showError(const QString& text)
{
    m_error->setText(text);
    m_error->show();
}

} // namespace iris::usagers
