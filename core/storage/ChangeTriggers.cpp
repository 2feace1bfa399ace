// PostgreSQL statement triggers that feed ChangeFeed: after each INSERT, UPDATE or DELETE that
// touched rows, one NOTIFY on channel iris_changes with "table:id,id,…" (ids only — a
// notification may be read by any role that can LISTEN, so no personal data travels in it).
// Statement-level with transition tables: a 10,000-row import sends one notification, not
// 10,000, and PostgreSQL delivers it at commit only (never for a rolled-back transaction).
#include "core/storage/ChangeFeed.h"

#include "core/storage/Database.h"

#include <QCoreApplication>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace iris {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("iris::ChangeFeed", text);
}

// Rows are listed up to 200 per statement; beyond, "table:*" (the listener reloads the table).
constexpr auto kFunctions = R"sql(
CREATE OR REPLACE FUNCTION iris_notify_rows() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
  n bigint;
  ids text;
BEGIN
  IF TG_OP = 'DELETE' THEN
    SELECT count(*), string_agg(id::text, ',') INTO n, ids FROM (SELECT id FROM old_rows LIMIT 201) s;
  ELSE
    SELECT count(*), string_agg(id::text, ',') INTO n, ids FROM (SELECT id FROM new_rows LIMIT 201) s;
  END IF;
  IF n = 0 THEN
    RETURN NULL;
  END IF;
  PERFORM pg_notify('iris_changes', TG_TABLE_NAME || ':' || CASE WHEN n > 200 THEN '*' ELSE ids END);
  RETURN NULL;
END
$fn$;
CREATE OR REPLACE FUNCTION iris_notify_table() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  PERFORM pg_notify('iris_changes', TG_TABLE_NAME || ':*');
  RETURN NULL;
END
$fn$;
)sql";

// Every table of the schema without its triggers gets them: those with an "id" column report
// their rows, the others (settings, sequences, link tables) the table alone.
constexpr auto kTriggers = R"sql(
DO $do$
DECLARE
  t record;
BEGIN
  FOR t IN
    SELECT c.relname AS name,
           EXISTS (SELECT 1 FROM pg_attribute a
                    WHERE a.attrelid = c.oid AND a.attname = 'id' AND NOT a.attisdropped) AS has_id
      FROM pg_class c
     WHERE c.relnamespace = (SELECT oid FROM pg_namespace WHERE nspname = current_schema()) AND c.relkind = 'r'
       AND c.relname NOT IN ('schema_versions', 'audit_events', 'citizen_name_tokens', 'citizen_name_pairs')
       AND NOT EXISTS (SELECT 1 FROM pg_trigger g WHERE g.tgrelid = c.oid AND g.tgname = 'iris_notify_insert')
  LOOP
    IF t.has_id THEN
      EXECUTE format('CREATE TRIGGER iris_notify_insert AFTER INSERT ON %I REFERENCING NEW TABLE AS new_rows '
                     'FOR EACH STATEMENT EXECUTE FUNCTION iris_notify_rows()', t.name);
      EXECUTE format('CREATE TRIGGER iris_notify_update AFTER UPDATE ON %I REFERENCING NEW TABLE AS new_rows '
                     'FOR EACH STATEMENT EXECUTE FUNCTION iris_notify_rows()', t.name);
      EXECUTE format('CREATE TRIGGER iris_notify_delete AFTER DELETE ON %I REFERENCING OLD TABLE AS old_rows '
                     'FOR EACH STATEMENT EXECUTE FUNCTION iris_notify_rows()', t.name);
    ELSE
      EXECUTE format('CREATE TRIGGER iris_notify_insert AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I '
                     'FOR EACH STATEMENT EXECUTE FUNCTION iris_notify_table()', t.name);
    END IF;
  END LOOP;
END
$do$;
)sql";

} // namespace

Result<void> installChangeTriggers(QSqlDatabase& db, const Database& database)
{
    if (!database.isServer())
        return {};
    QSqlQuery q(db);
    if (!q.exec(QString::fromUtf8(kFunctions)) || !q.exec(QString::fromUtf8(kTriggers)))
        return Database::classify(q.lastError(), tr("installation des notifications de changement"));
    return {};
}

} // namespace iris
