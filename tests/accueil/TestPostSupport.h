#pragma once

#include "modules/accueil/post/PostLetter.h"
#include "modules/accueil/post/PostService.h"
#include "tests/accueil/AccueilFixture.h"

#include <QByteArray>

namespace iris::test {

/// The Accueil fixture plus the post register: its schema (owner "accueil-courrier") and
/// its permission, as PostFeature registers them in the module.
class PostSite final
{
public:
    bool start(QString* error = nullptr);

    AccueilFixture f;

    /// A PostService for `services` on the fixture's clock.
    std::unique_ptr<accueil::PostService> post(CoreServices& services);
    /// A letter ready to register: free-text sender, subject, received `received` (today
    /// when invalid).
    static accueil::PostLetter letter(const QString& subject, const QDate& received = {});
    /// A small real PDF (QPdfWriter needs a QGuiApplication; without one a minimal
    /// hand-written PDF).
    static QByteArray minimalPdf(const QString& text);
    qint64 count(const QString& table);
};

} // namespace iris::test
