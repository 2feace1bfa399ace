#pragma once

#include <QString>

namespace iris::accueil {

/// Readable plain text from an HTML e-mail body (no widgets, no QTextDocument): tags
/// dropped, block tags and <br> turned into line breaks, <style>/<script>/<head> content
/// skipped, character references and the usual named entities decoded, blank runs folded.
class HtmlToText final
{
public:
    static QString convert(const QString& html);
    /// "&eacute;" → "é", "&#233;" / "&#xE9;" → "é"; unknown entities kept as written.
    static QString decodeEntities(const QString& text);
};

} // namespace iris::accueil
