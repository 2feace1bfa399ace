#pragma once

#include <QString>
#include <QStringList>
#include <random>

namespace iris::kb::bench {

/// Builds a large synthetic corpus by recombining the sentences, titles and tags of
/// the city corpus (deterministic for a given seed).
class CorpusGenerator final
{
public:
    /// Reads the city-site JSON Lines; false when the file cannot be read.
    bool load(const QString& cityJsonl);
    /// Writes `count` generated articles as JSON Lines; returns the raw text bytes
    /// (title + summary + tags + body, UTF-8).
    qint64 write(const QString& path, int count, unsigned seed = 20251125);

    const QStringList& titles() const { return m_titles; }

private:
    QStringList m_sentences;
    QStringList m_titles;
    QList<QStringList> m_tagSets;
    QStringList m_sections;
};

} // namespace iris::kb::bench
