#pragma once

#include "core/base/Result.h"
#include "modules/etatcivil/data/ActRequest.h"

#include <QCoreApplication>
#include <QDate>
#include <QList>

namespace iris::etatcivil {

/// Checks and completes an acte request before it is recorded (no database):
/// names tidied, the requester's names taken from the person when they are the same
/// person, the birth date and place of a birth act taken from the event, the details a
/// document with filiation needs (names, date and place of birth, parents' names), the
/// channel and delivery mode that go together, and the verdict and location decided by
/// EntitlementRules and ActLocator. Field names match the counter form.
class ActRequestValidator final
{
    Q_DECLARE_TR_FUNCTIONS(iris::etatcivil::ActRequestValidator)

public:
    ActRequestValidator() = delete;

    /// Only the person on the act may leave the requester's name empty (it is theirs); any
    /// other requester — a relative, a mandatary, a third party — must be named.
    static bool requesterNameRequired(RequesterLink link);
    /// Fills entitlement and location of `request` (what the form shows live).
    static void assess(ActRequest& request, const QString& siteCommune);
    /// Normalises `request` and returns every refused field (empty = can be recorded).
    static QList<FieldError> validate(ActRequest& request, const QDate& today);
};

} // namespace iris::etatcivil
