#pragma once

#include "core/base/Result.h"

#include <QCoreApplication>
#include <QDateTime>

namespace iris {
class CoreServices;
}

namespace iris::accueil {

/// The demo's inbox: six synthetic messages registered as if the Maildir had delivered
/// them over the last working days — from citizens of the demo (matched by address), one
/// from an unknown sender, one in Latin-1, one with an attachment; one is past its reply
/// deadline. Registered through CourrielService, so nothing is faked downstream.
class MailDemo final
{
    Q_DECLARE_TR_FUNCTIONS(iris::accueil::MailDemo)
public:
    static Result<QString> seed(CoreServices& system, const QDateTime& now);
};

} // namespace iris::accueil
