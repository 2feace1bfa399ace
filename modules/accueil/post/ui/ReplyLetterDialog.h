#pragma once

#include "modules/accueil/post/PostLetter.h"

#include <QDialog>

class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace iris::accueil {

class AccueilController;

/// Records the reply to a letter: date, mode, summary — and, for a reply by post, the
/// letter itself, either written here from the template (objet, corps, signature: stored
/// as a PDF with the register entry and opened) or a PDF made elsewhere. Everything is
/// saved in one transaction.
///
/// Object names: postReplyDialog, postReplyDate, postReplyMode, postReplySummary,
/// postReplyObjet, postReplyBody, postReplySignature, postReplyAttach, postReplyFile,
/// postReplySave, postReplyError.
class ReplyLetterDialog final : public QDialog
{
    Q_OBJECT
public:
    ReplyLetterDialog(AccueilController& controller, const PostLetter& letter, QWidget* parent = nullptr);

Q_SIGNALS:
    /// A document was generated and should be opened.
    void documentGenerated(qint64 documentId);

private:
    void attach();
    void save();

    AccueilController& m_controller;
    PostLetter m_letter;
    QDateEdit* m_date;
    QComboBox* m_mode;
    QPlainTextEdit* m_summary;
    QLineEdit* m_objet;
    QPlainTextEdit* m_body;
    QLineEdit* m_signature;
    QLabel* m_file;
    QString m_filePath;
    QLabel* m_error;
};

} // namespace iris::accueil
