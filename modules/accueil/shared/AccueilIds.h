#pragma once

#include <QString>

/// Stable identifiers of the Accueil module: permissions, pages, actions, panels,
/// schema owner. Other Accueil features (mail/, post/) add theirs beside these.
namespace iris::accueil::ids {

// ---- schema ---------------------------------------------------------------
inline const QString SchemaOwner = QStringLiteral("accueil");

// ---- permissions (declared in AccueilPermissions) --------------------------
inline const QString PermCounter = QStringLiteral("accueil.counter");
inline const QString PermPhone = QStringLiteral("accueil.phone");
inline const QString PermQuick = QStringLiteral("accueil.quick");
inline const QString PermSupervise = QStringLiteral("accueil.supervise");
inline const QString PermFollowUp = QStringLiteral("accueil.followup");
inline const QString PermConfigure = QStringLiteral("accueil.configure");

// ---- pages ----------------------------------------------------------------
inline const QString CounterPage = QStringLiteral("accueil.counter");
inline const QString OverduePage = QStringLiteral("accueil.overdue");
inline const QString CounterSettingsPage = QStringLiteral("accueil.counter.settings");

// ---- actions --------------------------------------------------------------
inline const QString IssueTicketAction = QStringLiteral("accueil.issueTicket");
inline const QString CallNextAction = QStringLiteral("accueil.callNext");
inline const QString PublicDisplayAction = QStringLiteral("accueil.publicDisplay");
inline const QString IncomingCallAction = QStringLiteral("accueil.incomingCall");
inline const QString QuickAnswerAction = QStringLiteral("accueil.quickAnswer");

// ---- 360° panel -------------------------------------------------------------
inline const QString CitizenPanel = QStringLiteral("accueil.citizen");

// ---- record kinds opened through IShell ------------------------------------
inline const QString CitizenKind = QStringLiteral("citizen");
inline const QString DossierKind = QStringLiteral("dossier");

// ---- overdue item kinds -------------------------------------------------------
inline const QString CallbackKind = QStringLiteral("rappel");

} // namespace iris::accueil::ids
