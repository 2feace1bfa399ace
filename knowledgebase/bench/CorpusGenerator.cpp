#include "knowledgebase/bench/CorpusGenerator.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace iris::kb::bench {

bool CorpusGenerator::load(const QString& cityJsonl)
{
    QFile file(cityJsonl);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    static const QRegularExpression sentenceEnd(QStringLiteral("(?<=[.!?])\\s+|\\n"));
    while (!file.atEnd()) {
        const QJsonObject o = QJsonDocument::fromJson(file.readLine()).object();
        if (o.isEmpty())
            continue;
        m_titles << o.value(QStringLiteral("title")).toString();
        m_sections << o.value(QStringLiteral("section")).toString();
        QStringList tags;
        const QJsonArray array = o.value(QStringLiteral("tags")).toArray();
        for (const QJsonValue& t : array)
            tags << t.toString();
        m_tagSets << tags;
        const QString text = o.value(QStringLiteral("summary")).toString() + QLatin1Char('\n')
            + o.value(QStringLiteral("body")).toString();
        const QStringList sentences = text.split(sentenceEnd, Qt::SkipEmptyParts);
        for (const QString& s : sentences) {
            if (s.trimmed().size() > 20)
                m_sentences << s.trimmed();
        }
    }
    return !m_sentences.isEmpty();
}

qint64 CorpusGenerator::write(const QString& path, int count, unsigned seed)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return -1;
    std::mt19937 rng(seed);
    const auto pick
        = [&rng](qsizetype n) { return qsizetype(std::uniform_int_distribution<qsizetype>(0, n - 1)(rng)); };
    qint64 rawBytes = 0;
    for (int i = 0; i < count; ++i) {
        // A title made of two real titles' halves keeps the vocabulary realistic.
        const QStringList a = m_titles.at(pick(m_titles.size())).split(QLatin1Char(' '));
        const QStringList b = m_titles.at(pick(m_titles.size())).split(QLatin1Char(' '));
        const QString title
            = (a.mid(0, qMax<qsizetype>(1, a.size() / 2)) + b.mid(b.size() / 2)).join(QLatin1Char(' '));
        const QString summary = m_sentences.at(pick(m_sentences.size()));
        QStringList body;
        const int sentences = 4 + int(pick(14));
        for (int s = 0; s < sentences; ++s)
            body << m_sentences.at(pick(m_sentences.size()));
        const qsizetype source = pick(m_tagSets.size());
        const QStringList tags = m_tagSets.at(source);
        const QString bodyText = body.join(QLatin1Char('\n'));
        rawBytes += title.toUtf8().size() + summary.toUtf8().size()
            + tags.join(QLatin1Char(' ')).toUtf8().size() + bodyText.toUtf8().size();
        const QJsonObject o { { QStringLiteral("id"),
                                  QStringLiteral("gen-%1").arg(i, 6, 10, QLatin1Char('0')) },
            { QStringLiteral("url"), QStringLiteral("https://kb.example.invalid/gen/%1").arg(i) },
            { QStringLiteral("title"), title },
            { QStringLiteral("updated"),
                QStringLiteral("2025-%1-%2")
                    .arg(1 + pick(12), 2, 10, QLatin1Char('0'))
                    .arg(1 + pick(28), 2, 10, QLatin1Char('0')) },
            { QStringLiteral("section"), m_sections.at(source) },
            { QStringLiteral("tags"), QJsonArray::fromStringList(tags) },
            { QStringLiteral("summary"), summary }, { QStringLiteral("body"), bodyText } };
        file.write(QJsonDocument(o).toJson(QJsonDocument::Compact));
        file.write("\n");
    }
    return rawBytes;
}

} // namespace iris::kb::bench
