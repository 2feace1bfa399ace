#pragma once

#include <QString>
#include <algorithm>
#include <numeric>
#include <vector>

namespace iris::kb::bench {

/// Latencies in milliseconds and their summary.
class LatencyStats final
{
public:
    void add(double ms) { m_samples.push_back(ms); }
    size_t count() const { return m_samples.size(); }
    double mean() const
    {
        return m_samples.empty()
            ? 0
            : std::accumulate(m_samples.begin(), m_samples.end(), 0.0) / double(m_samples.size());
    }
    double percentile(double p) const
    {
        if (m_samples.empty())
            return 0;
        std::vector<double> sorted = m_samples;
        std::sort(sorted.begin(), sorted.end());
        const size_t index = std::min(sorted.size() - 1, size_t(p / 100.0 * double(sorted.size())));
        return sorted[index];
    }
    QString summary() const
    {
        return QStringLiteral("n=%1  p50 %2 ms  p95 %3 ms  p99 %4 ms  mean %5 ms  max %6 ms")
            .arg(count())
            .arg(percentile(50), 0, 'f', 2)
            .arg(percentile(95), 0, 'f', 2)
            .arg(percentile(99), 0, 'f', 2)
            .arg(mean(), 0, 'f', 2)
            .arg(percentile(100), 0, 'f', 2);
    }

private:
    std::vector<double> m_samples;
};

} // namespace iris::kb::bench
