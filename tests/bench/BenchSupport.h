#pragma once

// Small helpers shared by the benchmarks (header-only: each bench is one executable).

#include <QFile>
#include <QList>
#include <QString>

#include <algorithm>

namespace iris::bench {

/// A field of /proc/self/status ("VmHWM:", "VmRSS:"), as the kernel prints it; "?" if unreadable.
inline QString procStatus(const char* key)
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return QStringLiteral("?");
    for (const QByteArray& line : f.readAll().split('\n')) {
        if (line.startsWith(key))
            return QString::fromLatin1(line.mid(qstrlen(key)).simplified());
    }
    return QStringLiteral("?");
}

/// The p-th percentile (0..1) of the values, nearest rank; 0 for none.
inline double percentile(QList<double> v, double p)
{
    if (v.isEmpty())
        return 0;
    std::sort(v.begin(), v.end());
    const qsizetype i = qBound<qsizetype>(0, qsizetype(p * double(v.size() - 1) + 0.5), v.size() - 1);
    return v.at(i);
}

} // namespace iris::bench
