#pragma once

#include "modules/accueil/mail/ReplyTemplate.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;

namespace iris::accueil {

class AccueilController;

/// Settings › "Modèles de réponse aux courriels": the site's templates, each with a
/// label, a subject and a body using the placeholders listed on the page.
///
/// Object names: templateList, templateLabel, templateSubject, templateBody, templateNew,
/// templateSave, templateDelete, templateStatus.
class ReplyTemplatesPage final : public QWidget
{
    Q_OBJECT
public:
    explicit ReplyTemplatesPage(AccueilController& controller, QWidget* parent = nullptr);

    void reload(qint64 selectId = 0);
    void newTemplate();
    void save();
    void removeCurrent();

private:
    void showCurrent();

    AccueilController& m_controller;
    QList<ReplyTemplate> m_templates;
    ReplyTemplate m_editing;
    QListWidget* m_list;
    QLineEdit* m_label;
    QLineEdit* m_subject;
    QPlainTextEdit* m_body;
    QPushButton* m_new;
    QPushButton* m_save;
    QPushButton* m_delete;
    QLabel* m_status;
};

} // namespace iris::accueil
