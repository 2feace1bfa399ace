#pragma once

#include <QString>

namespace iris::usagers::ids {

inline const QString DirectoryPage = QStringLiteral("usagers.directory");
inline const QString FindCitizenAction = QStringLiteral("usagers.findCitizen");
inline const QString NewCitizenAction = QStringLiteral("usagers.newCitizen");
inline const QString EditCitizenAction = QStringLiteral("usagers.editCitizen");
inline const QString MergeAction = QStringLiteral("usagers.mergeCitizens");
inline const QString HouseholdAction = QStringLiteral("usagers.household");
inline const QString ContactsPanel = QStringLiteral("usagers.contacts");
inline const QString DossiersPanel = QStringLiteral("usagers.dossiers");
inline const QString CitizenSearch = QStringLiteral("usagers.citizens");
inline const QString DossierSearch = QStringLiteral("usagers.dossiers");
inline const QString CitizenKind = QStringLiteral("citizen");
inline const QString DossierKind = QStringLiteral("dossier");

} // namespace iris::usagers::ids
