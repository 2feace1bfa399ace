#include "knowledgebase/KbImporter.h"

#include <QCoreApplication>
#include <QFile>

namespace iris::kb {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("iris::kb::KbImporter", text);
}

} // namespace

Result<KbImportReport> KbImporter::importDevice(KbStore& store, QIODevice& device)
{
    KbJsonlReader::Output parsed = KbJsonlReader::read(device);
    KbImportReport report;
    report.lines = parsed.lines;
    report.issues = std::move(parsed.issues);
    KbChangeSet changes;
    changes.upserts = std::move(parsed.articles);
    auto applied = store.applyChanges(changes);
    if (!applied)
        return applied.error();
    report.changes = *applied;
    return report;
}

Result<KbImportReport> KbImporter::importFile(KbStore& store, const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error(ErrorCode::IoError,
            tr("Impossible de lire le fichier « %1 » : %2.").arg(path, file.errorString()));
    return importDevice(store, file);
}

Result<KbImportReport> KbImporter::importDemoContent(KbStore& store)
{
    return importFile(store, QStringLiteral(":/kb/demo-articles.jsonl"));
}

Result<KbImportReport> KbImporter::ensureSeeded(const QString& path)
{
    auto store = KbStore::open(path);
    if (!store)
        return store.error();
    auto info = (*store)->info();
    if (!info)
        return info.error();
    if (info->articles > 0)
        return KbImportReport {};
    return importDemoContent(**store);
}

} // namespace iris::kb
