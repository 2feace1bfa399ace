#pragma once

#include "core/base/Result.h"
#include "modules/etatcivil/rules/EtatCivilSettings.h"

#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <QList>
#include <QSqlDatabase>

#include <memory>

namespace iris {
class AuditLog;
class Database;
class Session;
}

namespace iris::etatcivil {

/// One dated value of a rule parameter.
struct ParameterValue
{
    qint64 id = 0;
    QString key;
    QString value;
    QDate validFrom;     ///< applies to events and requests from this day on
    QString note;        ///< why it changed (the text, the decision)
    qint64 setBy = 0;
    QString setByName;
    QDateTime setAt;
};

/// The dated rule parameters (table ec_parameters). The value of a key on a day is the
/// row with the latest valid_from on or before that day, else the built-in default
/// (EtatCivilSettings). Changing a value needs etatcivil.settings; a new value applies
/// from today or a later date only, so a deadline already computed is never rewritten
/// behind the agents' backs. Reads use the calling thread's connection (or the one
/// given, inside a running transaction).
class ParameterStore
{
    Q_DECLARE_TR_FUNCTIONS(iris::etatcivil::ParameterStore)

public:
    explicit ParameterStore(std::shared_ptr<Database> db);

    Result<EtatCivilSettings> settingsAt(const QDate& day) const;
    Result<EtatCivilSettings> settingsAt(QSqlDatabase& connection, const QDate& day) const;
    /// Every stored value (of `key` when given), newest valid_from first.
    Result<QList<ParameterValue>> history(const QString& key = {}) const;
    /// Records `value` for `key` from `validFrom` on (replacing a value already set for that
    /// very day). Validation error in French when the key, value or date is refused.
    Result<ParameterValue> set(const Session& session, AuditLog& audit, const QString& key, const QString& value,
                               const QDate& validFrom, const QString& note, const QDate& today = QDate::currentDate());

private:
    std::shared_ptr<Database> m_db;
};

} // namespace iris::etatcivil
