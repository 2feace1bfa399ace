#pragma once

#include "knowledgebase/KbArticle.h"

#include <QDate>
#include <QString>

namespace iris::ui {

/// Renders an article as safe HTML for the viewer: every text is escaped, lines
/// starting with "-" or "•" become lists, http(s) addresses become links; no image,
/// script or style from the content can get through. Also the plain-text answer
/// that "copier la réponse" puts on the clipboard.
class KbArticleHtml final
{
public:
    static QString render(const iris::kb::KbArticle& article, const QDate& today);
    static QString plainAnswer(const iris::kb::KbArticle& article);
};

} // namespace iris::ui
