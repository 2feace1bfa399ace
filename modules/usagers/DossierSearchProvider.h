#pragma once

#include "core/modules/Registries.h"

#include <functional>

namespace iris {
class CoreServices;
class DossierTypeRegistry;
}

namespace iris::usagers {

/// Global search (Ctrl+K) of a dossier by its reference, in any common spelling:
/// "EC-2026-000123", "ec 2026 123", "EC2026000123". Runs on the shell's worker thread.
class DossierSearchProvider final : public SearchProvider
{
public:
    DossierSearchProvider(std::function<CoreServices*()> services, const DossierTypeRegistry* types);

    QString id() const override;
    QString title() const override;
    QString permission() const override;
    QList<SearchHit> search(const QString& text, int limit) const override;

    /// The canonical reference for a typed one ("ec 2026 123" → "EC-2026-000123"),
    /// empty when the text cannot be a reference.
    static QString canonicalReference(const QString& text);

private:
    std::function<CoreServices*()> m_services;
    const DossierTypeRegistry* m_types = nullptr;
};

} // namespace iris::usagers
