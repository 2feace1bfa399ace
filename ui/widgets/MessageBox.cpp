#include "ui/widgets/MessageBox.h"

namespace iris::ui {

namespace {

QMessageBox::StandardButton g_nextAnswer = QMessageBox::NoButton;
QMessageBox::StandardButton g_autoAnswer = QMessageBox::NoButton;
QList<MessageBox::Record> g_records;

QMessageBox::Icon iconFor(MessageBox::Kind kind)
{
    switch (kind) {
    case MessageBox::Kind::Information:
        return QMessageBox::Information;
    case MessageBox::Kind::Warning:
        return QMessageBox::Warning;
    case MessageBox::Kind::Critical:
        return QMessageBox::Critical;
    case MessageBox::Kind::Question:
        return QMessageBox::Question;
    }
    return QMessageBox::NoIcon;
}

} // namespace

QMessageBox::StandardButton MessageBox::information(
    QWidget* parent, const QString& title, const QString& text, const QString& details)
{
    return show(Kind::Information, parent, title, text, details, QMessageBox::Ok, QMessageBox::Ok);
}

QMessageBox::StandardButton MessageBox::warning(
    QWidget* parent, const QString& title, const QString& text, const QString& details)
{
    return show(Kind::Warning, parent, title, text, details, QMessageBox::Ok, QMessageBox::Ok);
}

QMessageBox::StandardButton MessageBox::critical(
    QWidget* parent, const QString& title, const QString& text, const QString& details)
{
    return show(Kind::Critical, parent, title, text, details, QMessageBox::Ok, QMessageBox::Ok);
}

QMessageBox::StandardButton MessageBox::question(QWidget* parent, const QString& title, const QString& text,
    QMessageBox::StandardButtons buttons, QMessageBox::StandardButton defaultButton)
{
    return show(Kind::Question, parent, title, text, {}, buttons, defaultButton);
}

void MessageBox::setNextAnswer(QMessageBox::StandardButton button)
{
    g_nextAnswer = button;
}

void MessageBox::setAutoAnswer(QMessageBox::StandardButton button)
{
    g_autoAnswer = button;
}

QList<MessageBox::Record> MessageBox::records()
{
    return g_records;
}

void MessageBox::clearRecords()
{
    g_records.clear();
}

QMessageBox::StandardButton MessageBox::show(Kind kind, QWidget* parent, const QString& title,
    const QString& text, const QString& details, QMessageBox::StandardButtons buttons,
    QMessageBox::StandardButton defaultButton)
{
    QMessageBox::StandardButton hooked = g_nextAnswer != QMessageBox::NoButton ? g_nextAnswer : g_autoAnswer;
    if (hooked != QMessageBox::NoButton) {
        g_nextAnswer = QMessageBox::NoButton;
        g_records.append(Record { kind, title, text, details });
        return hooked;
    }

    QMessageBox box(iconFor(kind), title, text, buttons, parent);
    box.setObjectName(QStringLiteral("messageBox"));
    box.setDefaultButton(defaultButton);
    if (!details.isEmpty())
        box.setDetailedText(details);
    return static_cast<QMessageBox::StandardButton>(box.exec());
}

} // namespace iris::ui
