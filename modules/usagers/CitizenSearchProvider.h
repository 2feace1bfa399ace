#pragma once

#include "core/modules/Registries.h"

#include <functional>

namespace iris {
class CoreServices;
}

namespace iris::usagers {

/// Global search (Ctrl+K) over citizens: names, phones, e-mails and dossier
/// references, through CitizenService::search(). Runs on the shell's worker thread.
class CitizenSearchProvider final : public SearchProvider
{
public:
    explicit CitizenSearchProvider(std::function<CoreServices*()> services);

    QString id() const override;
    QString title() const override;
    QString permission() const override;
    QList<SearchHit> search(const QString& text, int limit) const override;

private:
    std::function<CoreServices*()> m_services;
};

} // namespace iris::usagers
