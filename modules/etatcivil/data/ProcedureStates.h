#pragma once

#include <QString>

/// Workflow state ids of the counter procedures (see EtatCivilTypes for who moves where).
namespace iris::etatcivil::states {

inline const QString Recue = QStringLiteral("recue");
inline const QString Dressee = QStringLiteral("dressee");            // naissance
inline const QString Procureur = QStringLiteral("procureur");        // naissance, prénom
inline const QString RendezVous = QStringLiteral("rdv");             // pacs, mariage
inline const QString Depose = QStringLiteral("depose");
inline const QString Enregistre = QStringLiteral("enregistre");      // pacs
inline const QString Publie = QStringLiteral("publie");              // mariage
inline const QString Celebre = QStringLiteral("celebre");
inline const QString Annule = QStringLiteral("annule");
inline const QString AttestationRemise = QStringLiteral("attestation_remise"); // recensement
inline const QString Refusee = QStringLiteral("refusee");
inline const QString Legalisee = QStringLiteral("legalisee");        // légalisation
inline const QString EnCours = QStringLiteral("en_cours");           // livret
inline const QString Remis = QStringLiteral("remis");
inline const QString Validee = QStringLiteral("validee");            // accueil
inline const QString Instruction = QStringLiteral("instruction");    // prénom
inline const QString Inscrit = QStringLiteral("inscrit");

} // namespace iris::etatcivil::states
