#pragma once

#include "core/base/Result.h"

#include <QCoreApplication>
#include <QString>

namespace iris::etatcivil {

/// Writes an A4 PDF from simple HTML (QTextDocument laid out on a QPdfWriter), with real
/// text so it can be searched, copied and checked. Needs a QGuiApplication (fonts); call
/// it on the GUI thread or any thread once the application exists.
class PdfRenderer final
{
    Q_DECLARE_TR_FUNCTIONS(iris::etatcivil::PdfRenderer)

public:
    PdfRenderer() = delete;

    /// IoError (French) when the file cannot be written.
    static Result<void> write(const QString& html, const QString& filePath, const QString& title);
};

} // namespace iris::etatcivil
