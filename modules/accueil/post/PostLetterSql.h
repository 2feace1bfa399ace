#pragma once

#include "core/base/Result.h"
#include "core/security/Session.h"
#include "modules/accueil/post/PostLetter.h"
#include "modules/accueil/shared/OverdueItem.h"

#include <QSqlDatabase>
#include <QVariantMap>

namespace iris {
class Dialect;
}

namespace iris::accueil {

/// Reading the register (internal to PostService): rows matching `where` with its
/// bound values, in `order`, at most `limit` (0 = all).
Result<QList<PostLetter>> selectPostLetters(QSqlDatabase& c, const Dialect& d, const QString& where,
    const QVariantMap& binds, const QString& order, int limit);
/// "%text%" for LIKE … ESCAPE '\', the wildcards of the text escaped.
QString postLikePattern(const QString& text);

} // namespace iris::accueil
