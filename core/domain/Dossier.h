#pragma once

#include <QDate>
#include <QDateTime>
#include <QString>

namespace iris {

/// A case handled over time (acte request, logement request, crèche request…). Its type,
/// workflow and deadline rule are registered by a module in DossierTypeRegistry; module
/// specifics live in the module's own tables keyed by dossier id.
struct Dossier
{
    qint64 id = 0;
    int version = 0; ///< optimistic lock; 0 = not saved yet
    QString typeId; ///< "etatcivil.acte"
    QString reference; ///< "EC-2026-000123": prefix, year, sequence (unique per type and year)
    int year = 0;
    int sequence = 0;
    QString status; ///< state id in the type's workflow
    QString subject; ///< short French description shown in lists
    qint64 serviceId = 0; ///< assigned service; 0 = none
    qint64 agentId = 0; ///< assigned agent; 0 = none
    QDate openedOn;
    QDate dueDate; ///< from the type's deadline rule; may be changed by the agent
    QDateTime closedAt; ///< set when the workflow reaches a final state
    qint64 citizenId = 0; ///< optional
    qint64 organisationId = 0; ///< optional
    QDateTime createdAt;
    QDateTime updatedAt;

    bool isClosed() const { return closedAt.isValid(); }
    bool isOverdue(const QDate& today) const { return !isClosed() && dueDate.isValid() && dueDate < today; }
};

} // namespace iris
