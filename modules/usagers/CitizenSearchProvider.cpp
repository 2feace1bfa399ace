#include "modules/usagers/CitizenSearchProvider.h"

#include "core/security/Permissions.h"
#include "core/services/CitizenService.h"
#include "core/services/CoreServices.h"
#include "modules/usagers/UsagersIds.h"
#include "ui/citizen/CitizenFormat.h"

#include <QCoreApplication>

namespace iris::usagers {

namespace fmt = ui::citizenformat;

static QString tr(const char* text)
{
    return QCoreApplication::translate("iris::usagers::CitizenSearchProvider", text);
}

CitizenSearchProvider::CitizenSearchProvider(std::function<CoreServices*()> services)
    : m_services(std::move(services))
{
}

QString CitizenSearchProvider::id() const
{
    return ids::CitizenSearch;
}

QString CitizenSearchProvider::title() const
{
    return tr("Usagers");
}

QString CitizenSearchProvider::permission() const
{
    return perm::CitizenRead;
}

QList<SearchHit> CitizenSearchProvider::search(const QString& text, int limit) const
{
    CoreServices* services = m_services ? m_services() : nullptr;
    if (!services || text.trimmed().isEmpty())
        return {};
    const Result<QList<CitizenSummary>> found = services->citizens().search(text, limit);
    if (!found)
        return {};
    QList<SearchHit> hits;
    hits.reserve(found->size());
    int rank = 0;
    for (const CitizenSummary& c : *found) {
        SearchHit hit;
        hit.kind = ids::CitizenKind;
        hit.id = c.id;
        hit.title = fmt::fullName(c);
        QStringList facts;
        if (c.birthDate.isValid())
            facts << fmt::bornOn(c.civilite, c.birthDate);
        if (!c.phone.isEmpty())
            facts << fmt::phone(c.phone);
        if (!c.city.isEmpty())
            facts << c.city;
        hit.subtitle = facts.join(QStringLiteral(" · "));
        hit.rank = rank++;  // the service already returns the best matches first
        hits.append(hit);
    }
    return hits;
}

} // namespace iris::usagers
