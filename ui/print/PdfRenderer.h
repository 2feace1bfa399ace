#pragma once

#include "core/base/Result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

namespace iris::ui {

/// Writes an A4 PDF from simple HTML (QTextDocument laid out on a QPdfWriter), with real
/// text so it can be searched, copied and checked. Shared by the modules that print
/// letters (état civil, accueil courrier). Needs a QGuiApplication (fonts); call it on the
/// GUI thread or any thread once the application exists.
class PdfRenderer final
{
    Q_DECLARE_TR_FUNCTIONS(iris::ui::PdfRenderer)

public:
    PdfRenderer() = delete;

    /// Renders to a file; IoError (French) when the file cannot be written. The file is
    /// written beside the target and renamed, so a failure never leaves half a letter.
    static Result<void> write(const QString& html, const QString& filePath, const QString& title);
    /// Renders in memory (to store the letter in the database); IoError when empty.
    static Result<QByteArray> render(const QString& html, const QString& title);
};

} // namespace iris::ui
