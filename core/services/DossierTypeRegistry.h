#pragma once

#include "core/base/Result.h"
#include "core/domain/DossierType.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

namespace iris {

/// The dossier types known to the system. Modules register theirs in initialize();
/// afterwards the registry is only read (from any thread), so it needs no lock.
class DossierTypeRegistry
{
    Q_DECLARE_TR_FUNCTIONS(iris::DossierTypeRegistry)

public:
    /// Validates and adds a type: id and label present, prefix of 2–6 capital letters not
    /// used by another type, a valid workflow (see Workflow::validate()), non-empty
    /// checklist labels. Duplicate when the id is already registered.
    Result<void> registerType(DossierType type);

    /// The type, or nullptr when no module registered it.
    const DossierType* type(const QString& id) const;
    /// The type whose reference prefix is `prefix` ("EC"), or nullptr.
    const DossierType* typeByPrefix(const QString& prefix) const;
    QStringList typeIds() const;
    const QList<DossierType>& types() const { return m_types; }

private:
    QList<DossierType> m_types;
};

} // namespace iris
