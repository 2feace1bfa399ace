#pragma once

#include <QDate>
#include <QString>

namespace iris::etatcivil {

/// The outcome of one procedure rule: ok or not, the French sentence that says why, and
/// the date that matters (a deadline, an expiry), if any.
struct RuleCheck
{
    bool ok = true;
    QString message;
    QDate date;

    static RuleCheck pass(const QString& message = {}, const QDate& date = {}) { return {true, message, date}; }
    static RuleCheck fail(const QString& message, const QDate& date = {}) { return {false, message, date}; }
};

} // namespace iris::etatcivil
