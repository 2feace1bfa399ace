#pragma once

#include <QtGlobal>
#include <span>

namespace iris::demo {

/// Deterministic pseudo-random numbers for the demo data (SplitMix64). The standard
/// library distributions are implementation-defined, so the same seed could give other
/// data with another compiler; everything here is specified bit for bit.
class DemoRandom
{
public:
    explicit DemoRandom(quint64 seed)
        : m_state(seed)
    {
    }

    quint64 next()
    {
        quint64 z = (m_state += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }
    /// Uniform in [0, n) (n > 0); the modulo bias is below 1e-12 for demo sizes.
    quint64 below(quint64 n) { return n == 0 ? 0 : next() % n; }
    int range(int lo, int hi) { return lo + int(below(quint64(hi - lo + 1))); } ///< [lo, hi]
    double unit() { return double(next() >> 11) * (1.0 / 9007199254740992.0); } ///< [0, 1)
    bool chance(double p) { return unit() < p; }
    template<typename T> const T& pick(std::span<const T> items) { return items[below(items.size())]; }
    /// A child stream: independent sequence derived from this one.
    DemoRandom fork(quint64 salt) { return DemoRandom(next() ^ (salt * 0xD1B54A32D192ED03ULL)); }

private:
    quint64 m_state;
};

} // namespace iris::demo
