#pragma once

#include "modules/accueil/post/PostLetter.h"

#include <QDialog>

class QLabel;

namespace iris::accueil {

class AccueilController;
class PostAssigneeChooser;

/// Hands a letter to a service and optionally one of its agents.
/// Object names: postAssignDialog, postAssignService, postAssignAgent, postAssignSave,
/// postAssignError.
class AssignLetterDialog final : public QDialog
{
    Q_OBJECT
public:
    AssignLetterDialog(AccueilController& controller, const PostLetter& letter, QWidget* parent = nullptr);

private:
    void save();

    AccueilController& m_controller;
    PostLetter m_letter;
    PostAssigneeChooser* m_assignee;
    QLabel* m_error;
};

} // namespace iris::accueil
