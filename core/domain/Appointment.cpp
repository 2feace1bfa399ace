#include "core/domain/Appointment.h"

#include <QCoreApplication>

namespace iris {

QString appointmentStatusId(AppointmentStatus status)
{
    switch (status) {
    case AppointmentStatus::Planned:
        return QStringLiteral("prevu");
    case AppointmentStatus::Honoured:
        return QStringLiteral("honore");
    case AppointmentStatus::Cancelled:
        return QStringLiteral("annule");
    case AppointmentStatus::NoShow:
        return QStringLiteral("absent");
    }
    return {};
}

QString appointmentStatusLabel(AppointmentStatus status)
{
    switch (status) {
    case AppointmentStatus::Planned:
        return QCoreApplication::translate("iris::Appointment", "Prévu");
    case AppointmentStatus::Honoured:
        return QCoreApplication::translate("iris::Appointment", "Honoré");
    case AppointmentStatus::Cancelled:
        return QCoreApplication::translate("iris::Appointment", "Annulé");
    case AppointmentStatus::NoShow:
        return QCoreApplication::translate("iris::Appointment", "Absent");
    }
    return {};
}

bool appointmentStatusFromId(const QString& id, AppointmentStatus* status)
{
    for (AppointmentStatus s : { AppointmentStatus::Planned, AppointmentStatus::Honoured,
             AppointmentStatus::Cancelled, AppointmentStatus::NoShow }) {
        if (appointmentStatusId(s) == id) {
            if (status)
                *status = s;
            return true;
        }
    }
    return false;
}

} // namespace iris
