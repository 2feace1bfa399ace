#pragma once

#include <QString>

namespace iris::test {

/// The text of a PDF as poppler's pdftotext extracts it, whitespace collapsed to single
/// spaces (sentences wrapped over lines compare as one); empty when it cannot be read.
QString pdfText(const QString& path);

} // namespace iris::test
