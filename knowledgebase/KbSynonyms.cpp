#include "knowledgebase/KbSynonyms.h"

#include "knowledgebase/KbConnection.h"

#include <QCoreApplication>
#include <QFile>
#include <QMap>

namespace iris::kb {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("iris::kb::KbSynonyms", text);
}

} // namespace

KbSynonyms::KbSynonyms(KbConnection& connection)
    : m_connection(connection)
{
}

QList<QStringList> KbSynonyms::parse(const QString& text)
{
    QList<QStringList> out;
    const QStringList lines = text.split(QLatin1Char('\n'));
    for (QString line : lines) {
        const qsizetype hash = line.indexOf(QLatin1Char('#'));
        if (hash >= 0)
            line.truncate(hash);
        QStringList group;
        const QStringList parts = line.split(QLatin1Char('='));
        for (const QString& part : parts) {
            const QString e = part.simplified();
            if (!e.isEmpty() && !group.contains(e, Qt::CaseInsensitive))
                group << e;
        }
        if (group.size() >= 2)
            out << group;
    }
    return out;
}

Result<QList<KbSynonyms::Group>> KbSynonyms::groups() const
{
    SqliteStatement s
        = m_connection.prepare("SELECT group_id, expression FROM kb_synonym ORDER BY group_id, id");
    QMap<qint64, QStringList> byId;
    while (s.step())
        byId[s.int64(0)] << s.text(1);
    if (!s.ok())
        return m_connection.error(tr("Lecture des synonymes impossible."));
    QList<Group> out;
    for (auto it = byId.cbegin(); it != byId.cend(); ++it)
        out.append({ it.key(), it.value() });
    return out;
}

Result<QStringList> KbSynonyms::validate(const QStringList& expressions) const
{
    QStringList clean;
    for (const QString& e : expressions) {
        const QString s = e.simplified();
        if (s.size() > 100)
            return Error(ErrorCode::Validation, tr("Une expression synonyme dépasse 100 caractères."),
                { { QStringLiteral("expressions"), tr("Raccourcissez « %1… ».").arg(s.left(20)) } });
        if (!s.isEmpty() && !clean.contains(s, Qt::CaseInsensitive))
            clean << s;
    }
    if (clean.size() < 2)
        return Error(ErrorCode::Validation,
            tr("Un groupe de synonymes doit contenir au moins deux expressions différentes."),
            { { QStringLiteral("expressions"), tr("Indiquez au moins deux expressions.") } });
    return clean;
}

Result<void> KbSynonyms::insertExpressions(qint64 id, const QStringList& expressions)
{
    SqliteStatement s = m_connection.prepare("INSERT INTO kb_synonym(group_id, expression) VALUES (?1, ?2)");
    for (const QString& e : expressions) {
        s.reset();
        s.bind(1, id);
        s.bind(2, e);
        s.step();
        if (!s.ok())
            return m_connection.error(tr("Enregistrement des synonymes impossible."));
    }
    return {};
}

qint64 KbSynonyms::generation() const
{
    SqliteStatement s = m_connection.prepare("SELECT value FROM kb_meta WHERE key = 'synonyms_version'");
    return s.step() ? s.text(0).toLongLong() : 0;
}

Result<void> KbSynonyms::bumpGeneration()
{
    return m_connection.exec("INSERT INTO kb_meta(key, value) VALUES ('synonyms_version', '1') "
                             "ON CONFLICT(key) DO UPDATE SET value = CAST(value AS INTEGER) + 1");
}

Result<qint64> KbSynonyms::addGroup(const QStringList& expressions)
{
    auto clean = validate(expressions);
    if (!clean)
        return clean.error();
    qint64 id = 0;
    auto r = m_connection.transaction([&]() -> Result<void> {
        SqliteStatement next = m_connection.prepare("SELECT coalesce(max(group_id), 0) + 1 FROM kb_synonym");
        if (!next.step())
            return m_connection.error(tr("Enregistrement des synonymes impossible."));
        id = next.int64(0);
        next.reset();
        if (auto ins = insertExpressions(id, *clean); !ins)
            return ins;
        return bumpGeneration();
    });
    if (!r)
        return r.error();
    return id;
}

Result<void> KbSynonyms::updateGroup(qint64 id, const QStringList& expressions)
{
    auto clean = validate(expressions);
    if (!clean)
        return clean.error();
    return m_connection.transaction([&]() -> Result<void> {
        SqliteStatement del = m_connection.prepare("DELETE FROM kb_synonym WHERE group_id = ?1");
        del.bind(1, id);
        del.step();
        if (!del.ok())
            return m_connection.error(tr("Enregistrement des synonymes impossible."));
        if (m_connection.changes() == 0)
            return Error(ErrorCode::NotFound, tr("Ce groupe de synonymes n'existe plus."));
        if (auto ins = insertExpressions(id, *clean); !ins)
            return ins;
        return bumpGeneration();
    });
}

Result<void> KbSynonyms::removeGroup(qint64 id)
{
    return m_connection.transaction([&]() -> Result<void> {
        SqliteStatement del = m_connection.prepare("DELETE FROM kb_synonym WHERE group_id = ?1");
        del.bind(1, id);
        del.step();
        if (!del.ok())
            return m_connection.error(tr("Suppression des synonymes impossible."));
        if (m_connection.changes() == 0)
            return Error(ErrorCode::NotFound, tr("Ce groupe de synonymes n'existe plus."));
        return bumpGeneration();
    });
}

Result<void> KbSynonyms::seedDefaults()
{
    QFile file(QStringLiteral(":/kb/synonyms.txt"));
    if (!file.open(QIODevice::ReadOnly))
        return Error(ErrorCode::IoError, tr("Les synonymes par défaut sont introuvables."));
    const QList<QStringList> defaults = parse(QString::fromUtf8(file.readAll()));
    qint64 id = 0;
    for (const QStringList& group : defaults) {
        if (auto r = insertExpressions(++id, group); !r)
            return r;
    }
    return bumpGeneration();
}

} // namespace iris::kb
