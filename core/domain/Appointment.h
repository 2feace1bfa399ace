#pragma once

#include <QDateTime>
#include <QList>
#include <QString>

namespace iris {

enum class AppointmentStatus {
    Planned, ///< prévu
    Honoured, ///< honoré
    Cancelled, ///< annulé (frees the slot)
    NoShow, ///< absent
};

/// A booked meeting between a citizen and a service (optionally a given agent).
struct Appointment
{
    qint64 id = 0;
    int version = 0; ///< optimistic lock; 0 = not saved yet
    qint64 citizenId = 0;
    qint64 serviceId = 0;
    qint64 agentId = 0; ///< 0 = any agent of the service
    QDateTime startAt;
    int durationMinutes = 30;
    qint64 motiveThemeId = 0; ///< optional
    QString motive; ///< French free text
    AppointmentStatus status = AppointmentStatus::Planned;
    qint64 dossierId = 0; ///< optional
    QString cancelReason;
    QDateTime createdAt;
    QDateTime updatedAt;

    QDateTime endAt() const { return startAt.addSecs(qint64(durationMinutes) * 60); }
};

/// "prevu", "honore", "annule", "absent" and French labels.
QString appointmentStatusId(AppointmentStatus status);
QString appointmentStatusLabel(AppointmentStatus status);
bool appointmentStatusFromId(const QString& id, AppointmentStatus* status);

} // namespace iris
