#pragma once

#include <QDateTime>

namespace iris {

/// The time of the site's database server, as seen from this workstation: on a shared site the
/// timestamps that feed the indicators (tickets issued, called, served; contacts, courriels,
/// letters) must follow one clock, not forty workstation clocks. The offset between the server
/// and this machine is measured when a PostgreSQL site opens and again at each heartbeat of the
/// change feed (NTP-style: half the round trip is assumed each way); on SQLite the workstation
/// is the server and the offset stays 0.
class ServerClock
{
public:
    /// Now, on the server's clock (local time zone, like QDateTime::currentDateTime()).
    static QDateTime now();
    /// Server minus workstation, in milliseconds.
    static qint64 offsetMs();
    /// Records a measurement: the server said serverMs (ms since the epoch) between sentMs and
    /// receivedMs on this machine's clock. Ignored when the round trip took longer than a second.
    static void measured(qint64 sentMs, qint64 serverMs, qint64 receivedMs);
    static void setOffsetMs(qint64 offset);
};

} // namespace iris
