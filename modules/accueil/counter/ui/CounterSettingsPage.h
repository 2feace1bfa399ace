#pragma once

#include "modules/accueil/counter/Desk.h"
#include "modules/accueil/counter/TicketCategory.h"

#include <QList>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;
class QTableWidget;

namespace iris::accueil {

class AccueilController;

/// Settings › "Accueil : catégories et guichets" ("counterSettingsPage"): the ticket
/// categories (label, one-letter prefix, default service, main motive, order, active) and
/// the desks (number, label, service or polyvalent, active). A row is edited in the form
/// below its table and saved with Ctrl+S; "Nouveau" (Alt+N) starts a blank one. Nothing is
/// deleted — a category or desk in use is deactivated, so past tickets keep their meaning.
/// CounterSetup checks accueil.configure and validates; its French messages show here.
class CounterSettingsPage final : public QWidget
{
    Q_OBJECT
public:
    explicit CounterSettingsPage(AccueilController& controller, QWidget* parent = nullptr);

    void reload();

private:
    QWidget* buildCategories();
    QWidget* buildDesks();
    void editCategory(int row);
    void editDesk(int row);
    void saveCategory();
    void saveDesk();
    void showResult(QLabel* label, const QString& error, const QString& done);

    AccueilController& m_controller;
    QList<TicketCategory> m_categories;
    QList<Desk> m_desks;
    TicketCategory m_category;
    Desk m_desk;

    QTableWidget* m_categoryTable = nullptr;
    QLineEdit* m_categoryLabel = nullptr;
    QLineEdit* m_categoryPrefix = nullptr;
    QComboBox* m_categoryService = nullptr;
    QComboBox* m_categoryMotive = nullptr;
    QSpinBox* m_categoryOrder = nullptr;
    QCheckBox* m_categoryActive = nullptr;
    QLabel* m_categoryMessage = nullptr;

    QTableWidget* m_deskTable = nullptr;
    QSpinBox* m_deskNumber = nullptr;
    QLineEdit* m_deskLabel = nullptr;
    QComboBox* m_deskService = nullptr;
    QCheckBox* m_deskActive = nullptr;
    QLabel* m_deskMessage = nullptr;
};

} // namespace iris::accueil
