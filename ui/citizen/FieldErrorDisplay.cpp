#include "ui/citizen/FieldErrorDisplay.h"

#include "ui/citizen/FieldErrorLabel.h"

#include <QAbstractButton>
#include <QComboBox>
#include <QDateEdit>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QStyle>

namespace iris::ui {

FieldErrorDisplay::FieldErrorDisplay(QObject* parent)
    : QObject(parent)
{
}

void FieldErrorDisplay::bind(const QString& field, QWidget* input, FieldErrorLabel* label)
{
    if (!m_bindings.contains(field))
        m_order.append(field);
    m_bindings.insert(field, Binding{input, label});
    watchEdits(field, input);
}

void FieldErrorDisplay::alias(const QString& field, const QString& boundField)
{
    m_aliases.insert(field, boundField);
}

QString FieldErrorDisplay::resolve(const QString& field) const
{
    if (m_bindings.contains(field))
        return field;
    const QString target = m_aliases.value(field);
    if (m_bindings.contains(target))
        return target;
    // "address.postcode" → "postcode" when only the short form is bound.
    const qsizetype dot = field.lastIndexOf(QLatin1Char('.'));
    if (dot >= 0 && m_bindings.contains(field.mid(dot + 1)))
        return field.mid(dot + 1);
    return {};
}

QStringList FieldErrorDisplay::apply(const Error& error)
{
    clear();
    QStringList unmatched;
    for (const FieldError& f : error.fields()) {
        const QString field = resolve(f.field);
        if (field.isEmpty()) {
            unmatched << f.message;
            continue;
        }
        const Binding& b = m_bindings[field];
        if (b.label) {
            // Two errors on one field are both shown.
            const QString previous = b.label->message();
            b.label->setMessage(previous.isEmpty() ? f.message
                                                   : QString(previous + QLatin1Char('\n') + f.message));
        }
        setInvalid(b.input, true, f.message);
    }
    if (error.fields().isEmpty() && !error.message().isEmpty())
        unmatched << error.message();
    Q_EMIT changed();
    return unmatched;
}

void FieldErrorDisplay::clear()
{
    for (auto it = m_bindings.cbegin(); it != m_bindings.cend(); ++it) {
        if (it->label)
            it->label->setMessage({});
        setInvalid(it->input, false, {});
    }
    Q_EMIT changed();
}

void FieldErrorDisplay::clearField(const QString& field)
{
    const QString bound = resolve(field);
    if (bound.isEmpty())
        return;
    const Binding& b = m_bindings[bound];
    if (b.label && b.label->hasMessage()) {
        b.label->setMessage({});
        setInvalid(b.input, false, {});
        Q_EMIT changed();
    }
}

QString FieldErrorDisplay::message(const QString& field) const
{
    const QString bound = resolve(field);
    if (bound.isEmpty())
        return {};
    const Binding b = m_bindings.value(bound);
    return b.label ? b.label->message() : QString();
}

bool FieldErrorDisplay::hasErrors() const
{
    for (const Binding& b : m_bindings) {
        if (b.label && b.label->hasMessage())
            return true;
    }
    return false;
}

void FieldErrorDisplay::focusFirstError() const
{
    for (const QString& field : m_order) {
        const Binding b = m_bindings.value(field);
        if (b.label && b.label->hasMessage() && b.input) {
            b.input->setFocus(Qt::OtherFocusReason);
            return;
        }
    }
}

void FieldErrorDisplay::setInvalid(QWidget* input, bool invalid, const QString& message) const
{
    if (!input)
        return;
    input->setProperty("invalid", invalid);
    input->setAccessibleDescription(message);
    input->setToolTip(message);
    // Re-polish so a style sheet keyed on [invalid="true"] picks the change up.
    input->style()->unpolish(input);
    input->style()->polish(input);
}

void FieldErrorDisplay::watchEdits(const QString& field, QWidget* input)
{
    auto clearIt = [this, field] { clearField(field); };
    if (auto* line = qobject_cast<QLineEdit*>(input))
        connect(line, &QLineEdit::textEdited, this, clearIt);
    else if (auto* combo = qobject_cast<QComboBox*>(input))
        connect(combo, &QComboBox::currentIndexChanged, this, clearIt);
    else if (auto* date = qobject_cast<QDateEdit*>(input))
        connect(date, &QDateEdit::dateChanged, this, clearIt);
    else if (auto* text = qobject_cast<QPlainTextEdit*>(input))
        connect(text, &QPlainTextEdit::textChanged, this, clearIt);
    else if (auto* button = qobject_cast<QAbstractButton*>(input))
        connect(button, &QAbstractButton::toggled, this, clearIt);
}

} // namespace iris::ui
