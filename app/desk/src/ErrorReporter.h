#pragma once

#include "core/base/Result.h"

#include <QCoreApplication>
#include <QString>

class QWidget;

namespace iris::shell {

/// Reports a start-up or fatal error both on stderr (for scripts and support) and,
/// when there is a GUI, in a French dialog (through ui::MessageBox, hookable in tests).
class ErrorReporter final
{
    Q_DECLARE_TR_FUNCTIONS(iris::shell::ErrorReporter)
public:
    enum class Mode { ConsoleAndDialog, ConsoleOnly };

    explicit ErrorReporter(Mode mode = Mode::ConsoleAndDialog)
        : m_mode(mode)
    {
    }

    /// `what` says what failed ("Ouverture de la base de données"); the error carries the
    /// French explanation and, in detail(), the technical text.
    void report(const QString& what, const Error& error, QWidget* parent = nullptr) const;

    /// The sentence that tells the agent what to do for this kind of error.
    static QString advice(ErrorCode code);
    /// Process exit code for an error that stops the application (always non-zero).
    static int exitCodeFor(ErrorCode code);

private:
    Mode m_mode;
};

} // namespace iris::shell
