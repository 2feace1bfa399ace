#pragma once

#include "core/base/Result.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QStringList>

class QWidget;

namespace iris::ui {

class FieldErrorLabel;

/// Shows the core's validation errors (iris::Error::fields()) next to the inputs they
/// concern: each field id is bound to its input and a FieldErrorLabel. The input gets
/// the dynamic property `invalid` (for style sheets) and an accessible description;
/// editing an input clears its message.
class FieldErrorDisplay final : public QObject
{
    Q_OBJECT
public:
    explicit FieldErrorDisplay(QObject* parent = nullptr);

    /// Binds a core field id ("phone", "birthDate"…) to its input and label.
    void bind(const QString& field, QWidget* input, FieldErrorLabel* label);
    /// Several field ids may share one input (e.g. "address.postcode" and "postcode").
    void alias(const QString& field, const QString& boundField);

    /// Shows every field error; returns the messages that matched no bound field
    /// (to show in a general banner). Previous messages are cleared first.
    QStringList apply(const Error& error);
    void clear();
    void clearField(const QString& field);

    QString message(const QString& field) const;
    bool hasErrors() const;
    /// Focuses the first invalid input, in binding order.
    void focusFirstError() const;

Q_SIGNALS:
    void changed();

private:
    struct Binding
    {
        QPointer<QWidget> input;
        QPointer<FieldErrorLabel> label;
    };
    QString resolve(const QString& field) const;
    void setInvalid(QWidget* input, bool invalid, const QString& message) const;
    void watchEdits(const QString& field, QWidget* input);

    QStringList m_order;
    QHash<QString, Binding> m_bindings;
    QHash<QString, QString> m_aliases;
};

} // namespace iris::ui
