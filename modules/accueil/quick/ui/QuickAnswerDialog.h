#pragma once

#include "core/domain/Contact.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QPushButton;

namespace iris::ui {
class CitizenPicker;
}

namespace iris::accueil {

class AccueilController;
class MotiveList;

/// "Réponse immédiate": choose the motive (a digit 1–9 for a frequent one, or a few letters
/// and Entrée), then Entrée records the answered contact — at most three keystrokes after
/// the motive: V, T, C or P to change the channel (visite, téléphone, courriel, courrier),
/// Entrée to save. The citizen is optional (Alt+U to search one first). Stays open for the
/// next answer; Échap closes.
///
/// Object names: quickAnswer, quickMotiveFilter, quickMotiveList, quickChannel, quickSummary,
/// quickSave, quickCitizenLabel (the picker's: citizenSearchField, citizenResults).
class QuickAnswerDialog final : public QDialog
{
    Q_OBJECT
public:
    QuickAnswerDialog(AccueilController& controller, QWidget* parent = nullptr);

    void reset();
    qint64 lastContactId() const { return m_lastContact; }

Q_SIGNALS:
    void answered(qint64 contactId);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void chooseMotive(qint64 motiveId);
    void setChannel(ContactChannel channel);
    void updateSummary();
    void save();

    AccueilController& m_controller;
    MotiveList* m_motives;
    ui::CitizenPicker* m_picker;
    QLabel* m_citizenLabel;
    QComboBox* m_channel;
    QLabel* m_summary;
    QPushButton* m_save;
    qint64 m_motiveId = 0;
    qint64 m_citizenId = 0;
    qint64 m_lastContact = 0;
};

} // namespace iris::accueil
