#include "modules/etatcivil/data/ParameterStore.h"

#include "core/base/ValidationErrors.h"
#include "core/security/Session.h"
#include "core/services/AuditLog.h"
#include "core/storage/Database.h"
#include "core/storage/Dialect.h"
#include "modules/etatcivil/EtatCivilIds.h"
#include "modules/etatcivil/rules/ParameterCatalog.h"

#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace iris::etatcivil {

ParameterStore::ParameterStore(std::shared_ptr<Database> db)
    : m_db(std::move(db))
{
}

Result<EtatCivilSettings> ParameterStore::settingsAt(const QDate& day) const
{
    if (!m_db)
        return EtatCivilSettings{};
    QSqlDatabase c = m_db->connection();
    return settingsAt(c, day);
}

Result<EtatCivilSettings> ParameterStore::settingsAt(QSqlDatabase& connection, const QDate& day) const
{
    EtatCivilSettings settings;
    if (!m_db)
        return settings;
    // Latest value per key that applies on `day`.
    QSqlQuery q(connection);
    q.prepare(u"SELECT p.key, p.value FROM ec_parameters p WHERE p.valid_from = "
              u"(SELECT MAX(x.valid_from) FROM ec_parameters x WHERE x.key = p.key AND x.valid_from <= :day)"_s);
    q.bindValue(u":day"_s, m_db->dialect().toDbDate(day));
    if (!q.exec())
        return Database::classify(q.lastError(), tr("lecture des paramètres de l'état civil"));
    while (q.next())
        ParameterCatalog::apply(settings, q.value(0).toString(), q.value(1).toString());
    return settings;
}

Result<QList<ParameterValue>> ParameterStore::history(const QString& key) const
{
    QList<ParameterValue> out;
    if (!m_db)
        return out;
    QSqlDatabase c = m_db->connection();
    QSqlQuery q(c);
    q.prepare(QString(u"SELECT p.id, p.key, p.value, p.valid_from, p.note, p.set_by, COALESCE(a.display_name, ''), "
                      u"p.set_at FROM ec_parameters p LEFT JOIN agents a ON a.id = p.set_by "_s
                      + (key.isEmpty() ? QString() : u"WHERE p.key = :key "_s)
                      + u"ORDER BY p.valid_from DESC, p.id DESC"_s));
    if (!key.isEmpty())
        q.bindValue(u":key"_s, key);
    if (!q.exec())
        return Database::classify(q.lastError(), tr("lecture des paramètres de l'état civil"));
    const Dialect& d = m_db->dialect();
    while (q.next()) {
        ParameterValue v;
        v.id = q.value(0).toLongLong();
        v.key = q.value(1).toString();
        v.value = q.value(2).toString();
        v.validFrom = d.fromDbDate(q.value(3));
        v.note = q.value(4).toString();
        v.setBy = q.value(5).toLongLong();
        v.setByName = q.value(6).toString();
        v.setAt = d.fromDbDateTime(q.value(7));
        out.append(v);
    }
    return out;
}

Result<ParameterValue> ParameterStore::set(const Session& session, AuditLog& audit, const QString& key,
                                           const QString& value, const QDate& validFrom, const QString& note,
                                           const QDate& today)
{
    if (auto r = session.require(ids::SettingsPermission); !r)
        return r.error();
    ValidationErrors errors;
    if (const QString why = ParameterCatalog::validate(key, value); !why.isEmpty())
        errors.add(u"value"_s, why);
    if (!validFrom.isValid())
        errors.add(u"validFrom"_s, tr("La date d'application est obligatoire."));
    else if (validFrom < today)
        errors.add(u"validFrom"_s, tr("Une nouvelle valeur s'applique à partir d'aujourd'hui ou d'une date future : "
                                      "les délais déjà calculés ne sont pas modifiés."));
    if (!errors.isEmpty())
        return errors.toError();
    if (!m_db)
        return Error(ErrorCode::DatabaseError, tr("Aucune base de données ouverte."));

    ParameterValue v;
    v.key = key;
    v.value = value.trimmed();
    v.validFrom = validFrom;
    v.note = note.simplified();
    v.setBy = session.agent().id;
    v.setByName = session.agent().displayName;
    v.setAt = QDateTime::currentDateTime();
    const Dialect& d = m_db->dialect();
    auto tx = m_db->transaction([&](QSqlDatabase& c) -> Result<void> {
        QSqlQuery del(c);
        del.prepare(u"DELETE FROM ec_parameters WHERE key = :key AND valid_from = :from"_s);
        del.bindValue(u":key"_s, key);
        del.bindValue(u":from"_s, d.toDbDate(validFrom));
        if (!del.exec())
            return Database::classify(del.lastError(), tr("enregistrement du paramètre"));
        QSqlQuery q(c);
        q.prepare(d.insertReturningId(u"ec_parameters"_s,
                                      {u"key"_s, u"value"_s, u"valid_from"_s, u"note"_s, u"set_by"_s, u"set_at"_s}));
        q.bindValue(u":key"_s, key);
        q.bindValue(u":value"_s, v.value);
        q.bindValue(u":valid_from"_s, d.toDbDate(validFrom));
        q.bindValue(u":note"_s, v.note.isNull() ? QString(u""_s) : v.note);
        q.bindValue(u":set_by"_s, v.setBy > 0 ? QVariant(v.setBy) : QVariant(QMetaType::fromType<qint64>()));
        q.bindValue(u":set_at"_s, d.toDbDateTime(v.setAt));
        if (!q.exec())
            return Database::classify(q.lastError(), tr("enregistrement du paramètre"));
        v.id = d.insertedId(q);
        return audit.record(c, u"update"_s, u"etatcivil_parameter"_s, v.id,
                            {{u"key"_s, key}, {u"value"_s, v.value}, {u"valid_from"_s, validFrom.toString(Qt::ISODate)}});
    });
    if (!tx)
        return tx.error();
    return v;
}

} // namespace iris::etatcivil
