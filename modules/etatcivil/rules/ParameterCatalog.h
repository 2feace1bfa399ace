#pragma once

#include "modules/etatcivil/rules/EtatCivilSettings.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace iris::etatcivil {

/// One editable rule parameter: key (stored), French label, unit, bounds, default.
struct ParameterDefinition
{
    enum class Kind { Integer, Text };
    QString key;          ///< "acte.delai_traitement"
    QString label;        ///< French
    QString unit;         ///< "jours ouvrés", "mois", "€"…
    Kind kind = Kind::Integer;
    int minimum = 0;
    int maximum = 0;
    QString reference;    ///< the text it comes from, shown to the administrator
};

/// The parameters of the module an administrator may change from a date on, and how a
/// value is read into / written from EtatCivilSettings. Pure (no database).
class ParameterCatalog final
{
    Q_DECLARE_TR_FUNCTIONS(iris::etatcivil::ParameterCatalog)

public:
    ParameterCatalog() = delete;

    static const QList<ParameterDefinition>& definitions();
    /// nullptr when the key is unknown.
    static const ParameterDefinition* find(const QString& key);
    /// The value of `key` in `settings`, as stored text.
    static QString valueIn(const EtatCivilSettings& settings, const QString& key);
    /// Writes `value` into `settings` (false when the key is unknown or the value out of bounds).
    static bool apply(EtatCivilSettings& settings, const QString& key, const QString& value);
    /// Empty when `value` is acceptable for `key`, else a French message.
    static QString validate(const QString& key, const QString& value);
};

} // namespace iris::etatcivil
