#include "app/desk/src/SettingsDialog.h"

#include "core/security/Session.h"

#include <QCollator>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QStackedWidget>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace iris::shell {

QList<SettingsPageSpec> SettingsDialog::visiblePages(const SettingsPageRegistry& registry, const Session& session)
{
    QList<SettingsPageSpec> pages;
    for (const SettingsPageSpec& spec : registry.items()) {
        if (spec.create && (spec.permission.isEmpty() || session.can(spec.permission)))
            pages.append(spec);
    }
    QCollator collator(QLocale(QLocale::French, QLocale::France));
    std::stable_sort(pages.begin(), pages.end(), [&collator](const SettingsPageSpec& a, const SettingsPageSpec& b) {
        return collator.compare(a.title, b.title) < 0;
    });
    return pages;
}

SettingsDialog::SettingsDialog(const SettingsPageRegistry& registry, const Session& session, QWidget* parent)
    : QDialog(parent)
    , m_specs(visiblePages(registry, session))
    , m_list(new QListWidget(this))
    , m_stack(new QStackedWidget(this))
{
    setObjectName(u"settingsDialog"_s);
    setWindowTitle(tr("Paramètres"));
    resize(960, 640);
    m_list->setObjectName(u"settingsPageList"_s);
    m_stack->setObjectName(u"settingsPages"_s);
    m_list->setMaximumWidth(240);
    for (const SettingsPageSpec& spec : std::as_const(m_specs)) {
        auto* item = new QListWidgetItem(spec.title, m_list);
        item->setData(Qt::UserRole, spec.id);
        auto* placeholder = new QWidget(m_stack);
        m_stack->addWidget(placeholder);
        m_created.append(nullptr);
    }
    if (m_specs.isEmpty()) {
        auto* none = new QLabel(tr("Aucun paramètre n'est modifiable avec votre rôle."), m_stack);
        none->setObjectName(u"settingsNone"_s);
        none->setAlignment(Qt::AlignCenter);
        m_stack->addWidget(none);
    }

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->button(QDialogButtonBox::Close)->setText(tr("Fermer"));
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* body = new QHBoxLayout;
    body->addWidget(m_list);
    body->addWidget(m_stack, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(body, 1);
    layout->addWidget(buttons);

    connect(m_list, &QListWidget::currentRowChanged, this, &SettingsDialog::showRow);
    if (!m_specs.isEmpty())
        m_list->setCurrentRow(0);
    m_list->setFocus();
}

void SettingsDialog::showRow(int row)
{
    if (row < 0 || row >= m_specs.size())
        return;
    if (!m_created.at(row)) {
        QWidget* placeholder = m_stack->widget(row);
        QWidget* page = m_specs.at(row).create(m_stack);
        if (!page)
            page = new QLabel(tr("Cette page de paramètres n'a pas pu être ouverte."), m_stack);
        m_stack->insertWidget(row, page);
        m_stack->removeWidget(placeholder);
        placeholder->deleteLater();
        m_created[row] = page;
    }
    m_stack->setCurrentIndex(row);
}

bool SettingsDialog::showPage(const QString& id)
{
    for (int row = 0; row < m_specs.size(); ++row) {
        if (m_specs.at(row).id == id) {
            m_list->setCurrentRow(row);
            showRow(row);
            return true;
        }
    }
    return false;
}

QString SettingsDialog::currentPageId() const
{
    const int row = m_list->currentRow();
    return row >= 0 && row < m_specs.size() ? m_specs.at(row).id : QString();
}

} // namespace iris::shell
