#pragma once

#include "modules/accueil/mail/Courriel.h"

#include <QWidget>
#include <memory>

class QLabel;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QTemporaryDir;

namespace iris::accueil {

class AccueilController;

/// One courriel as the agent reads it: sender, dates, deadline, citizen and assignee, the
/// warning of a malformed message, the body, the attachments (open with the desktop's
/// application, or save), and the raw message exactly as received.
///
/// Object names: courrielHeader, courrielWarning, courrielBody, courrielAttachments,
/// courrielOpenAttachment, courrielSaveAttachment, courrielRawView.
class CourrielPreview final : public QWidget
{
    Q_OBJECT
public:
    explicit CourrielPreview(AccueilController& controller, QWidget* parent = nullptr);
    ~CourrielPreview() override;

    /// Shows a courriel read with its body (CourrielService::get); id 0 clears.
    void setCourriel(const Courriel& courriel);
    const Courriel& courriel() const { return m_courriel; }

    void openAttachment();
    void saveAttachment();
    void showRaw();

private:
    const CourrielAttachment* currentAttachment() const;
    void updateButtons();

    AccueilController& m_controller;
    Courriel m_courriel;
    QLabel* m_header;
    QLabel* m_warning;
    QPlainTextEdit* m_body;
    QListWidget* m_attachments;
    QPushButton* m_open;
    QPushButton* m_save;
    QPushButton* m_raw;
    std::unique_ptr<QTemporaryDir> m_openedFiles;
};

} // namespace iris::accueil
