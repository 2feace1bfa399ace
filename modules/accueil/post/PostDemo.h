#pragma once

#include "core/base/Result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>

namespace iris {
class CoreServices;
}

namespace iris::accueil {

/// The demo's post register: five letters received over the last weeks, registered
/// through PostService with a scanned page each — from citizens of the demo, from an
/// association when the demo has one, from a sender known by name only; one request
/// on which silence is worth acceptance, one incomplete, one past its reply deadline.
class PostDemo final
{
    Q_DECLARE_TR_FUNCTIONS(iris::accueil::PostDemo)
public:
    static Result<QString> seed(CoreServices& system, const QDateTime& now);

    /// A one-page PDF with one line of text (ASCII), standing for a scan in the demo.
    static QByteArray onePagePdf(const QByteArray& line);
};

} // namespace iris::accueil
