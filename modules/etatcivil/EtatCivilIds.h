#pragma once

#include <QString>

/// Identifiers of the État civil module: dossier types, permissions, pages, actions.
namespace iris::etatcivil::ids {

inline const QString ModuleId = QStringLiteral("etatcivil");
inline const QString SchemaOwner = QStringLiteral("etatcivil");

// Dossier types.
inline const QString ActeType = QStringLiteral("etatcivil.acte");
inline const QString NaissanceType = QStringLiteral("etatcivil.naissance");
inline const QString PacsType = QStringLiteral("etatcivil.pacs");
inline const QString MariageType = QStringLiteral("etatcivil.mariage");
inline const QString RecensementType = QStringLiteral("etatcivil.recensement");
inline const QString LegalisationType = QStringLiteral("etatcivil.legalisation");
inline const QString LivretType = QStringLiteral("etatcivil.livret");
inline const QString AccueilType = QStringLiteral("etatcivil.accueil");
inline const QString PrenomType = QStringLiteral("etatcivil.prenom");

// Permissions.
inline const QString ReadPermission = QStringLiteral("etatcivil.read");
inline const QString WritePermission = QStringLiteral("etatcivil.write");
inline const QString SettingsPermission = QStringLiteral("etatcivil.settings");
inline const QString SupervisePermission = QStringLiteral("etatcivil.supervise");

// "À traiter" (core FollowUpRegistry): the kind of the module's items (open dossiers with a due date).
inline const QString FollowUpKind = QStringLiteral("etatcivil");

// Acte request workflow states.
inline const QString Recue = QStringLiteral("recue");
inline const QString EnRecherche = QStringLiteral("en_recherche");
inline const QString Prete = QStringLiteral("prete");
inline const QString Delivree = QStringLiteral("delivree");
inline const QString Refusee = QStringLiteral("refusee");
inline const QString Orientee = QStringLiteral("orientee");

// Pages, actions, panels.
inline const QString CounterPage = QStringLiteral("etatcivil.counter");
inline const QString RequestsPage = QStringLiteral("etatcivil.requests");
inline const QString ProceduresPage = QStringLiteral("etatcivil.procedures");
inline const QString ParametersPage = QStringLiteral("etatcivil.parameters");
inline const QString NewRequestAction = QStringLiteral("etatcivil.newRequest");
inline const QString DeliverAction = QStringLiteral("etatcivil.deliver");
inline const QString RefuseAction = QStringLiteral("etatcivil.refuse");
inline const QString OrientAction = QStringLiteral("etatcivil.orient");
inline const QString OverdueAction = QStringLiteral("etatcivil.overdue");
inline const QString NewProcedureAction = QStringLiteral("etatcivil.newProcedure");
inline const QString CitizenPanel = QStringLiteral("etatcivil.citizen");
inline const QString DossierKind = QStringLiteral("dossier");

} // namespace iris::etatcivil::ids
