#pragma once

#include "core/base/Result.h"
#include "modules/etatcivil/data/ActRequest.h"

#include <QList>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;

namespace iris::etatcivil {

class EtatCivilController;

/// "Demandes d'actes": the list with status, due date and overdue flag (filters: status,
/// overdue only, text), and the actions on the selected request — rechercher, acte trouvé
/// (register year and number), délivrer (delivery slip), refuser (refusal letter stating the
/// reason and the rule), orienter (orientation letter). Only the moves the workflow and the
/// verdict allow are enabled.
///
/// Object names: requestTable, statusFilterCombo, overdueCheck, requestSearchEdit,
/// requestDetailLabel, registerYearEdit, registerNumberEdit, reasonEdit, startSearchButton,
/// readyButton, deliverButton, refuseButton, orientButton, documentLabel, requestErrorLabel.
class RequestListPage final : public QWidget
{
    Q_OBJECT

public:
    RequestListPage(EtatCivilController& controller, QWidget* parent = nullptr);

    void reload();
    /// Selects the request, clearing the filters when they hide it.
    void select(qint64 dossierId);
    qint64 currentId() const;
    void setOverdueOnly(bool on);

    void startSearch();
    void markReady();
    void deliver();
    void refuse();
    void orient();

private:
    const ActRequest* current() const;
    bool selectRow(qint64 dossierId);
    void showCurrent();
    void after(const Result<ActRequest>& result, const QString& documentKind);

    EtatCivilController& m_controller;
    QList<ActRequest> m_rows;
    QTableWidget* m_table = nullptr;
    QComboBox* m_status = nullptr;
    QCheckBox* m_overdue = nullptr;
    QLineEdit* m_search = nullptr;
    QLabel* m_detail = nullptr;
    QLineEdit* m_year = nullptr;
    QLineEdit* m_number = nullptr;
    QLineEdit* m_reason = nullptr;
    QPushButton* m_startSearch = nullptr;
    QPushButton* m_ready = nullptr;
    QPushButton* m_deliver = nullptr;
    QPushButton* m_refuse = nullptr;
    QPushButton* m_orient = nullptr;
    QLabel* m_document = nullptr;
    QLabel* m_error = nullptr;
};

} // namespace iris::etatcivil
