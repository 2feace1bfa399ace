#include "modules/usagers/MergePlan.h"

#include "core/services/CitizenService.h"
#include "ui/citizen/CitizenFormat.h"

#include <algorithm>

namespace iris::usagers {

namespace fmt = ui::citizenformat;

MergePlan::MergePlan(const Citizen& kept, const Citizen& absorbed)
    : m_kept(kept)
    , m_absorbed(absorbed)
    , m_result(kept)
{
    // The core's own rule: the preview cannot drift from the merge.
    m_result = CitizenService::mergedRecord(kept, absorbed);
    const Citizen& r = m_result;

    const QStringList resultPhones{r.phone, r.phone2};
    addRow(QStringLiteral("civilite"), tr("Civilité"), kept.civilite, absorbed.civilite, r.civilite);
    addRow(QStringLiteral("nomUsage"), tr("Nom d'usage"), kept.nomUsage, absorbed.nomUsage, r.nomUsage);
    addRow(QStringLiteral("nomNaissance"), tr("Nom de naissance"), kept.nomNaissance, absorbed.nomNaissance,
           r.nomNaissance);
    addRow(QStringLiteral("prenoms"), tr("Prénoms"), kept.prenoms, absorbed.prenoms, r.prenoms);
    addRow(QStringLiteral("birthDate"), tr("Date de naissance"), fmt::date(kept.birthDate),
           fmt::date(absorbed.birthDate), fmt::date(r.birthDate));
    addRow(QStringLiteral("birthPlace"), tr("Lieu de naissance"), kept.birthPlace, absorbed.birthPlace,
           r.birthPlace);
    addRow(QStringLiteral("address"), tr("Adresse"), fmt::address(kept.address), fmt::address(absorbed.address),
           fmt::address(r.address));
    addRow(QStringLiteral("phone"), tr("Téléphone"), fmt::phone(kept.phone), fmt::phone(absorbed.phone),
           fmt::phone(r.phone), resultPhones.contains(absorbed.phone));
    addRow(QStringLiteral("phone2"), tr("Autre téléphone"), fmt::phone(kept.phone2), fmt::phone(absorbed.phone2),
           fmt::phone(r.phone2), resultPhones.contains(absorbed.phone2));
    addRow(QStringLiteral("email"), tr("Courriel"), kept.email, absorbed.email, r.email);
    addRow(QStringLiteral("preferredChannel"), tr("Canal préféré"), fmt::channelLabel(kept.preferredChannel),
           fmt::channelLabel(absorbed.preferredChannel), fmt::channelLabel(r.preferredChannel));
    addRow(QStringLiteral("nir"), tr("NIR"), kept.nir, absorbed.nir, r.nir);
    addRow(QStringLiteral("notes"), tr("Notes"), kept.notes, absorbed.notes, r.notes);
}

void MergePlan::addRow(const QString& field, const QString& label, const QString& kept, const QString& absorbed,
                       const QString& result, bool absorbedKept)
{
    if (kept.isEmpty() && absorbed.isEmpty() && result.isEmpty())
        return;
    Row row;
    row.field = field;
    row.label = label;
    row.kept = kept;
    row.absorbed = absorbed;
    row.result = result;
    row.fromAbsorbed = result != kept && !result.isEmpty();  // only the absorbed record can add
    // Lost: a value of the absorbed record found nowhere in the result.
    row.conflicting = !absorbed.isEmpty() && absorbed != result && !absorbedKept;
    m_rows.append(row);
}

int MergePlan::filledFromAbsorbed() const
{
    return int(std::count_if(m_rows.cbegin(), m_rows.cend(), [](const Row& r) { return r.fromAbsorbed; }));
}

int MergePlan::conflicts() const
{
    return int(std::count_if(m_rows.cbegin(), m_rows.cend(), [](const Row& r) { return r.conflicting; }));
}

} // namespace iris::usagers
