#pragma once

#include <QString>

namespace iris::test {

/// How pdftotext lays the text out: in reading order, or keeping the page's columns
/// (-layout: a letter's address block stays beside its date).
enum class PdfLayout { Reading, Physical };

/// The text of a PDF as poppler's pdftotext extracts it, whitespace collapsed to single
/// spaces (sentences wrapped over lines compare as one, and a compound cut at a line end,
/// "Issy-les-" / "Moulineaux", is one word again); empty when it cannot be read.
QString pdfText(const QString& path, PdfLayout layout = PdfLayout::Reading);

} // namespace iris::test
