#pragma once

#include "modules/accueil/post/PostLetter.h"

#include <QDialog>
#include <optional>

class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QStackedWidget;

namespace iris::ui {
class CitizenPicker;
}

namespace iris::accueil {

class AccueilController;
class MotiveList;
class PostAssigneeChooser;

/// "Enregistrer un courrier": received date, sender (a citizen found as you type, an
/// organisation, or a name and address), subject, motive, what silence is worth,
/// missing pieces, assignee and the scanned PDF. Saving registers it (PostService); the
/// dialog stays open with the reasons when something is refused.
///
/// Object names: postRegisterDialog, postReceivedOn, postSenderKind, postCitizenSearchField,
/// postCitizenResults, postCitizenSearchStatus, postCitizenChosen, postOrganisationSearch,
/// postOrganisation, postSenderName, postSenderAddress, postSubject, postMotiveFilter,
/// postMotiveList, postSilence, postMissingPieces, postPiecesDueOn, postService, postAgent,
/// postChooseScan, postScanFile, postRegisterSave, postRegisterError.
class RegisterLetterDialog final : public QDialog
{
    Q_OBJECT
public:
    explicit RegisterLetterDialog(AccueilController& controller, QWidget* parent = nullptr);

    const PostLetter& registered() const { return m_registered; }

Q_SIGNALS:
    void letterRegistered(qint64 letterId);

private:
    enum SenderKind { CitizenSender, OrganisationSender, OtherSender };
    void chooseCitizen(qint64 citizenId);
    void searchOrganisations(const QString& text);
    void chooseScan();
    void save();

    AccueilController& m_controller;
    QDateEdit* m_received;
    QComboBox* m_senderKind;
    QStackedWidget* m_senderPages;
    ui::CitizenPicker* m_citizens;
    QLabel* m_citizenChosen;
    qint64 m_citizenId = 0;
    QLineEdit* m_organisationSearch;
    QComboBox* m_organisation;
    QLineEdit* m_senderName;
    QPlainTextEdit* m_senderAddress;
    QLineEdit* m_subject;
    MotiveList* m_motives;
    QComboBox* m_silence;
    QPlainTextEdit* m_missing;
    QDateEdit* m_piecesDue;
    PostAssigneeChooser* m_assignee;
    QLabel* m_scanLabel;
    QString m_scanPath;
    QLabel* m_error;
    PostLetter m_registered;
};

} // namespace iris::accueil
