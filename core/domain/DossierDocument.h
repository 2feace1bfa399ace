#pragma once

#include <QDateTime>
#include <QList>
#include <QString>

namespace iris {

/// Where a checklist item stands: expected → received → verified.
enum class DocumentState { Expected, Received, Verified };

/// One piece of a dossier's document checklist ("Justificatif de domicile de moins de 3 mois").
struct DossierDocument
{
    qint64 id = 0;
    int version = 0; ///< optimistic lock
    qint64 dossierId = 0;
    QString label;
    bool required = true;
    int position = 0;
    DocumentState state = DocumentState::Expected;
    QDateTime receivedAt;
    qint64 receivedBy = 0; ///< agent id
    QDateTime verifiedAt;
    qint64 verifiedBy = 0; ///< agent id
    QString note;
};

/// "attendu", "recu", "verifie" and French labels.
QString documentStateId(DocumentState state);
QString documentStateLabel(DocumentState state);
bool documentStateFromId(const QString& id, DocumentState* state);

} // namespace iris
