#include "modules/usagers/DossierSearchProvider.h"

#include "core/security/Permissions.h"
#include "core/services/CoreServices.h"
#include "core/services/DossierService.h"
#include "modules/usagers/CitizenActivity.h"
#include "modules/usagers/UsagersIds.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace iris::usagers {

static QString tr(const char* text)
{
    return QCoreApplication::translate("iris::usagers::DossierSearchProvider", text);
}

DossierSearchProvider::DossierSearchProvider(std::function<CoreServices*()> services,
                                             const DossierTypeRegistry* types)
    : m_services(std::move(services))
    , m_types(types)
{
}

QString DossierSearchProvider::id() const
{
    return ids::DossierSearch;
}

QString DossierSearchProvider::title() const
{
    return tr("Dossiers");
}

QString DossierSearchProvider::permission() const
{
    return perm::DossierRead;
}

QString DossierSearchProvider::canonicalReference(const QString& text)
{
    // PREFIX (2–6 letters), year (4 digits), sequence (1–6 digits), any separators.
    static const QRegularExpression pattern(
        QStringLiteral("^\\s*([A-Za-z]{2,6})[\\s\\-_/.]*(\\d{4})[\\s\\-_/.]*(\\d{1,6})\\s*$"));
    const QRegularExpressionMatch m = pattern.match(text);
    if (!m.hasMatch())
        return {};
    return QStringLiteral("%1-%2-%3").arg(m.captured(1).toUpper(), m.captured(2),
                                          m.captured(3).rightJustified(6, QLatin1Char('0')));
}

QList<SearchHit> DossierSearchProvider::search(const QString& text, int limit) const
{
    CoreServices* services = m_services ? m_services() : nullptr;
    const QString reference = canonicalReference(text);
    if (!services || reference.isEmpty() || limit <= 0)
        return {};
    const Result<Dossier> dossier = services->dossiers().findByReference(reference);
    if (!dossier)
        return {};  // unknown reference, or a type this role may not read
    SearchHit hit;
    hit.kind = ids::DossierKind;
    hit.id = dossier->id;
    hit.title = dossier->subject.isEmpty() ? dossier->reference
                                           : QString(dossier->reference + QStringLiteral(" — ") + dossier->subject);
    QStringList facts{CitizenActivity::dossierTypeLabel(m_types, dossier->typeId),
                      CitizenActivity::dossierStatusLabel(m_types, *dossier)};
    // Naming the citizen here would be an unaudited read of personal data: the 360° page
    // (opened from the hit) is where the record is read.
    if (dossier->dueDate.isValid() && !dossier->isClosed())
        facts << tr("échéance %1").arg(dossier->dueDate.toString(QStringLiteral("dd/MM/yyyy")));
    hit.subtitle = facts.join(QStringLiteral(" · "));
    hit.rank = 0;
    return {hit};
}

} // namespace iris::usagers
