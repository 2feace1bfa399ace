#include "KbSyncState.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace iris::kb {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("iris::kb::KbSyncState", text);
}

// Inside a trigger the outer statement's conflict clause wins over "OR REPLACE",
// hence delete-then-insert.
constexpr std::string_view kCreateTriggers
    = "CREATE TEMP TABLE IF NOT EXISTS kbsync_pending(key TEXT PRIMARY KEY, value TEXT NOT NULL);"
      "CREATE TEMP TRIGGER IF NOT EXISTS kbsync_commit_update AFTER UPDATE ON main.kb_meta"
      " WHEN NEW.key = 'content_version' BEGIN"
      " DELETE FROM kbsync_state WHERE key IN (SELECT key FROM temp.kbsync_pending);"
      " INSERT INTO kbsync_state(key, value) SELECT key, value FROM temp.kbsync_pending; END;"
      "CREATE TEMP TRIGGER IF NOT EXISTS kbsync_commit_insert AFTER INSERT ON main.kb_meta"
      " WHEN NEW.key = 'content_version' BEGIN"
      " DELETE FROM kbsync_state WHERE key IN (SELECT key FROM temp.kbsync_pending);"
      " INSERT INTO kbsync_state(key, value) SELECT key, value FROM temp.kbsync_pending; END;";

QString isoOrEmpty(const QDateTime& t)
{
    return t.isValid() ? t.toUTC().toString(Qt::ISODateWithMs) : QString();
}

} // namespace

Result<void> KbSyncState::ensureTable(KbStore& store)
{
    return store.connection().exec(
        "CREATE TABLE IF NOT EXISTS kbsync_state(key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID");
}

Result<KbSyncStateData> KbSyncState::load(KbStore& store)
{
    KbSyncStateData s;
    SqliteStatement exists = store.connection().prepare(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'kbsync_state'");
    if (!exists.step())
        return s; // never synced (and possibly a read-only file)
    SqliteStatement q = store.connection().prepare("SELECT key, value FROM kbsync_state");
    while (q.step()) {
        const QString key = q.text(0);
        const QString value = q.text(1);
        if (key == u"server_version"_s)
            s.serverVersion = value.toLongLong();
        else if (key == u"content_hash"_s)
            s.contentHash = value;
        else if (key == u"etag"_s)
            s.etag = value.toLatin1();
        else if (key == u"server"_s)
            s.server = value;
        else if (key == u"key_id"_s)
            s.keyId = value;
        else if (key == u"synced_at"_s)
            s.syncedAt = QDateTime::fromString(value, Qt::ISODateWithMs);
        else if (key == u"checked_at"_s)
            s.checkedAt = QDateTime::fromString(value, Qt::ISODateWithMs);
    }
    if (!q.ok())
        return store.connection().error(tr("Lecture de l'état de synchronisation impossible."));
    return s;
}

Result<void> KbSyncState::write(KbStore& store, const char* table, const KbSyncStateData& state)
{
    const std::string sql = std::string("INSERT OR REPLACE INTO ") + table + "(key, value) VALUES (?1, ?2)";
    SqliteStatement s = store.connection().prepare(sql);
    const QList<std::pair<const char*, QString>> rows {
        { "server_version", QString::number(state.serverVersion) },
        { "content_hash", state.contentHash },
        { "etag", QString::fromLatin1(state.etag) },
        { "server", state.server },
        { "key_id", state.keyId },
        { "synced_at", isoOrEmpty(state.syncedAt) },
        { "checked_at", isoOrEmpty(state.checkedAt) },
    };
    for (const auto& [key, value] : rows) {
        s.reset();
        s.bind(1, std::string_view(key));
        s.bind(2, value);
        s.step();
        if (!s.ok())
            return store.connection().error(tr("Écriture de l'état de synchronisation impossible."));
    }
    return {};
}

Result<void> KbSyncState::touch(KbStore& store, const KbSyncStateData& state)
{
    if (auto r = ensureTable(store); !r)
        return r;
    return store.connection().transaction([&] { return write(store, "main.kbsync_state", state); });
}

Result<KbChangeReport> KbSyncState::apply(
    KbStore& store, const KbChangeSet& changes, qint64 version, const KbSyncStateData& after)
{
    if (auto r = ensureTable(store); !r)
        return r.error();
    KbConnection& db = store.connection();
    if (auto r = db.exec(kCreateTriggers); !r)
        return r.error();
    if (auto r = db.exec("DELETE FROM temp.kbsync_pending"); !r)
        return r.error();
    if (auto r = write(store, "temp.kbsync_pending", after); !r)
        return r.error();

    Result<KbChangeReport> report = store.applyChanges(changes, version);
    (void)db.exec("DELETE FROM temp.kbsync_pending");
    if (!report)
        return report;

    // The trigger wrote the state with the articles; should the store ever stop
    // touching content_version, fall back to a second (idempotent) write.
    auto check = load(store);
    if (!check || check->serverVersion != version) {
        if (auto r = touch(store, after); !r)
            return r.error();
    }
    return report;
}

} // namespace iris::kb
