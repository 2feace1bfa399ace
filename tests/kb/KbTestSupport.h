#pragma once

#include "knowledgebase/KbArticle.h"
#include "knowledgebase/KbImporter.h"
#include "knowledgebase/KbStore.h"

#include <QBuffer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <memory>

namespace iris::kb::test {

/// One JSON Lines record in the city-site format.
inline QByteArray jsonLine(const QString& id, const QString& title, const QString& body,
    const QStringList& tags = {}, const QString& summary = {},
    const QString& updated = QStringLiteral("2026-06-01"))
{
    const QJsonObject o { { QStringLiteral("id"), id },
        { QStringLiteral("url"), QString(QStringLiteral("https://www.issy.com/") + id) },
        { QStringLiteral("title"), title }, { QStringLiteral("updated"), updated },
        { QStringLiteral("section"), QStringLiteral("test") },
        { QStringLiteral("tags"), QJsonArray::fromStringList(tags) }, { QStringLiteral("summary"), summary },
        { QStringLiteral("body"), body } };
    return QJsonDocument(o).toJson(QJsonDocument::Compact) + '\n';
}

/// Imports JSON Lines text into the store; fails the test on error.
inline KbImportReport importText(KbStore& store, const QByteArray& jsonl)
{
    QByteArray copy = jsonl;
    QBuffer buffer(&copy);
    buffer.open(QIODevice::ReadOnly);
    auto report = KbImporter::importDevice(store, buffer);
    if (!report)
        qFatal("import failed: %s",
            qPrintable(report.error().toString() + QLatin1Char(' ') + report.error().detail()));
    return *report;
}

} // namespace iris::kb::test
