#pragma once

#include <QList>
#include <QMessageBox>
#include <QString>

namespace iris::ui {

/// Every message dialog of the application goes through here so tests can run
/// headless: with a next answer set (KeePassXC's MessageBox::setNextAnswer), the
/// dialog is not shown, the answer is returned at once and the message is recorded.
class MessageBox final
{
public:
    enum class Kind { Information, Warning, Critical, Question };

    struct Record
    {
        Kind kind = Kind::Information;
        QString title;
        QString text;
        QString details;
    };

    static QMessageBox::StandardButton information(
        QWidget* parent, const QString& title, const QString& text, const QString& details = {});
    static QMessageBox::StandardButton warning(
        QWidget* parent, const QString& title, const QString& text, const QString& details = {});
    static QMessageBox::StandardButton critical(
        QWidget* parent, const QString& title, const QString& text, const QString& details = {});
    /// Yes/No question; No is the default button.
    static QMessageBox::StandardButton question(QWidget* parent, const QString& title, const QString& text,
        QMessageBox::StandardButtons buttons = QMessageBox::Yes | QMessageBox::No,
        QMessageBox::StandardButton defaultButton = QMessageBox::No);

    /// Test hook: the next message is answered with `button` without being shown.
    static void setNextAnswer(QMessageBox::StandardButton button);
    /// Test hook: every message is answered with `button` until cleared (NoButton clears).
    static void setAutoAnswer(QMessageBox::StandardButton button);
    /// Messages answered by a hook since the last clearRecords(), oldest first.
    static QList<Record> records();
    static void clearRecords();

private:
    static QMessageBox::StandardButton show(Kind kind, QWidget* parent, const QString& title,
        const QString& text, const QString& details, QMessageBox::StandardButtons buttons,
        QMessageBox::StandardButton defaultButton);
};

} // namespace iris::ui
