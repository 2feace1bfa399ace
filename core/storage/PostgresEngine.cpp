#include "core/storage/DatabaseEngine.h"
#include "core/storage/Dialect.h"
#include "core/storage/PgDriver.h"
#include "core/storage/ServerClock.h"

#include <QDateTime>

#include <QRegularExpression>
#include <QSqlDriver>
#include <QSqlQuery>
#include <libpq-fe.h>

using namespace Qt::StringLiterals;

namespace iris::detail {

namespace {

QString tr(const char* text)
{
    return storageTr(text);
}

/// A libpq conninfo value, quoted (the driver joins the options with spaces).
QString quoted(QString value)
{
    value.replace(u"\\"_s, u"\\\\"_s).replace(u"'"_s, u"\\'"_s);
    return QString(u'\'' + value + u'\'');
}

PGconn* handleOf(const QSqlDatabase& db)
{
    if (!db.isValid() || !db.driver())
        return nullptr;
    const QVariant h = db.driver()->handle();
    if (!h.isValid() || qstrcmp(h.typeName(), "PGconn*") != 0)
        return nullptr;
    return *static_cast<PGconn* const*>(h.constData());
}

class PostgresEngine final : public DatabaseEngine
{
public:
    const Dialect& dialect() const override { return m_dialect; }

    Result<void> beforeOpen(const DatabaseConfig& config) const override
    {
        if (config.name.isEmpty())
            return Error(ErrorCode::InvalidArgument, tr("Aucune base PostgreSQL n'a été indiquée."));
        return {};
    }

    QSqlDatabase addConnection(const QString& name, const DatabaseConfig& config) const override
    {
        // Our own driver on libpq (PgDriver.h): one round trip per statement, each prepared once.
        QSqlDatabase db = QSqlDatabase::addDatabase(makePgDriver(), name);
        if (!config.host.isEmpty())
            db.setHostName(config.host);
        db.setPort(config.port);
        db.setDatabaseName(config.name);
        if (!config.user.isEmpty())
            db.setUserName(config.user);
        if (!config.password.isEmpty())
            db.setPassword(config.password);
        QStringList options;
        bool named = false;
        bool timeout = false;
        for (const auto& [key, value] : config.parameters) {
            options << QString(key + u'=' + quoted(value));
            named = named || key == u"application_name"_s;
            timeout = timeout || key == u"connect_timeout"_s;
        }
        if (!named)
            options << u"application_name='IRIS Desk'"_s;
        if (!timeout)
            options << u"connect_timeout=10"_s;
        // A dead peer is noticed within seconds, not after the kernel's two hours.
        options << u"keepalives=1"_s << u"keepalives_idle=10"_s << u"keepalives_interval=5"_s
                << u"keepalives_count=3"_s;
        db.setConnectOptions(options.join(QLatin1Char(';')));
        return db;
    }

    void configure(QSqlDatabase& db, const DatabaseConfig& config) const override
    {
        QSqlQuery q(db);
        // Timestamps travel in UTC whatever the workstation or the server says.
        q.exec(u"SET TIME ZONE 'UTC'"_s);
        q.exec(u"SET client_min_messages = warning"_s);
        // A row lock held by another workstation is waited for at most this long; the wait then
        // fails with 55P03, which Database::transaction retries.
        q.exec(u"SET lock_timeout = '%1ms'"_s.arg(qMax(1, config.busyTimeoutMs)));
        q.exec(u"SET idle_in_transaction_session_timeout = '60s'"_s);
        if (config.readOnly)
            q.exec(u"SET default_transaction_read_only = on"_s);
    }

    Result<void> afterOpen(QSqlDatabase& db, const DatabaseConfig& config) const override
    {
        QSqlQuery q(db);
        if (!q.exec(u"SHOW server_version_num"_s) || !q.next())
            return classifyPostgres(q.lastError(), tr("lecture de la version du serveur"));
        if (q.value(0).toInt() < 150000)
            return Error(ErrorCode::Unsupported,
                tr("Le serveur PostgreSQL de « %1 » est en version %2 : IRIS Desk demande PostgreSQL 15 "
                   "ou plus récent.")
                    .arg(config.target(), q.value(0).toString()));
        q.finish();
        // Timestamps follow the server's clock (ServerClock), not this workstation's.
        const qint64 sent = QDateTime::currentMSecsSinceEpoch();
        if (q.exec(u"SELECT (extract(epoch FROM clock_timestamp()) * 1000)::bigint"_s) && q.next())
            ServerClock::measured(sent, q.value(0).toLongLong(), QDateTime::currentMSecsSinceEpoch());
        q.finish();
        if (!q.exec(m_dialect.listTablesQuery()))
            return classifyPostgres(q.lastError(), tr("lecture de la base"));
        QStringList tables;
        while (q.next())
            tables << q.value(0).toString();
        if (!tables.isEmpty() && !tables.contains(u"schema_versions"_s))
            return Error(ErrorCode::DatabaseCorrupt,
                tr("La base « %1 » contient déjà des tables qui ne sont pas celles d'IRIS Desk. "
                   "Elle n'a pas été modifiée ; indiquez une base créée pour IRIS Desk.")
                    .arg(config.target()),
                {}, u"PostgreSQL database without schema_versions"_s);
        return {};
    }

    bool isBroken(const QSqlDatabase& db) const override
    {
        PGconn* conn = handleOf(db);
        return conn && PQstatus(conn) == CONNECTION_BAD;
    }

    QString describe(const DatabaseConfig& config) const override
    {
        return QString(m_dialect.name() + u" — "_s + config.target().mid(13));
    }

private:
    PostgresDialect m_dialect;
};

bool startsWithAny(const QString& text, std::initializer_list<const char16_t*> prefixes)
{
    for (const char16_t* p : prefixes) {
        if (text.startsWith(QString::fromUtf16(p)))
            return true;
    }
    return false;
}

} // namespace

std::unique_ptr<DatabaseEngine> makePostgresEngine()
{
    return std::make_unique<PostgresEngine>();
}

QList<std::pair<QByteArray, QByteArray>> postgresConnectParams(const DatabaseConfig& config,
                                                               const QString& applicationName)
{
    QList<std::pair<QByteArray, QByteArray>> out;
    const auto add = [&out](const QByteArray& key, const QByteArray& value) { out.append(std::pair(key, value)); };
    if (!config.host.isEmpty())
        add("host", config.host.toUtf8());
    add("port", QByteArray::number(config.port));
    add("dbname", config.name.toUtf8());
    if (!config.user.isEmpty())
        add("user", config.user.toUtf8());
    if (!config.password.isEmpty())
        add("password", config.password.toUtf8());
    bool timeout = false;
    for (const auto& [key, value] : config.parameters) {
        if (key == u"application_name"_s)
            continue;
        timeout = timeout || key == u"connect_timeout"_s;
        add(key.toUtf8(), value.toUtf8());
    }
    add("application_name", applicationName.toUtf8());
    if (!timeout)
        add("connect_timeout", "5");
    add("keepalives", "1");
    add("keepalives_idle", "10");
    add("keepalives_interval", "5");
    add("keepalives_count", "3");
    return out;
}

bool isPostgresError(const QSqlError& error)
{
    // Our driver, or Qt's QPSQL (other tools' connections, tests).
    return error.driverText().startsWith(QString::fromUtf16(kPgDriverPrefix)) || error.driverText().startsWith(u"QPSQL"_s);
}

Error classifyPostgres(const QSqlError& error, const QString& context)
{
    // Qt's QPSQL driver puts the SQLSTATE in nativeErrorCode() for statement errors; a failed
    // connection has none and is recognised from libpq's message.
    QString state = error.nativeErrorCode();
    if (state.isEmpty()) {
        // The driver also appends the SQLSTATE to its message: "ERROR:  … (55P03)".
        static const QRegularExpression trailing(u"\\(([0-9A-Z]{5})\\)\\s*$"_s);
        if (const QRegularExpressionMatch m = trailing.match(error.databaseText()); m.hasMatch())
            state = m.captured(1);
    }
    const QString text = error.databaseText().toLower();
    const QString detail = error.text();

    if (state == u"40001"_s || state == u"40P01"_s || state == u"55P03"_s)
        return Error(ErrorCode::Contention,
            tr("D'autres postes enregistrent les mêmes éléments au même moment (%1) ; rien n'a été "
               "enregistré. Réessayez dans un instant.")
                .arg(context),
            {}, detail);
    const bool authentication = state == u"28P01"_s || state == u"28000"_s
        || text.contains(u"authentication"_s) || text.contains(u"authentification"_s)
        || text.contains(u"no password supplied"_s) || text.contains(u"aucun mot de passe"_s);
    if (authentication)
        return Error(ErrorCode::AuthenticationFailed,
            tr("Le serveur PostgreSQL refuse la connexion (%1) : compte ou mot de passe incorrect. "
               "Le mot de passe se règle dans ~/.pgpass (ou le fichier désigné par PGPASSFILE).")
                .arg(context),
            {}, detail);
    if (state == u"3D000"_s
        || (state.isEmpty() && text.contains(u"database"_s)
            && (text.contains(u"does not exist"_s) || text.contains(u"n'existe pas"_s))))
        return Error(ErrorCode::NotFound,
            tr("La base indiquée n'existe pas sur le serveur PostgreSQL (%1). Demandez à "
               "l'administrateur de la créer (voir « Site partagé » dans le README).")
                .arg(context),
            {}, detail);
    if (state.startsWith(u"08"_s) || startsWithAny(state, { u"57P01", u"57P02", u"57P03" })
        || (state.isEmpty() && error.type() == QSqlError::ConnectionError)
        || text.contains(u"server closed the connection"_s) || text.contains(u"no connection to the server"_s)
        || text.contains(u"connection to server"_s)
        || text.contains(u"terminating connection"_s)
        // libpq's own messages follow the workstation's language
        || text.contains(u"a fermé la connexion"_s) || text.contains(u"pas de connexion au serveur"_s)
        || text.contains(u"connexion au serveur"_s))
        return Error(ErrorCode::ConnectionLost,
            tr("Connexion au serveur de données perdue (%1) : rien n'a été enregistré. "
               "Vérifiez le réseau ou réessayez dans un instant.")
                .arg(context),
            {}, detail);
    if (state == u"25006"_s)
        return Error(ErrorCode::DatabaseReadOnly,
            tr("La base de données est en lecture seule (%1) : rien n'a été enregistré.").arg(context), {},
            detail);
    if (state == u"42501"_s)
        return Error(ErrorCode::PermissionDenied,
            tr("Le serveur de données refuse cette opération à ce compte (%1) : rien n'a été enregistré.")
                .arg(context),
            {}, detail);
    if (state == u"23505"_s)
        return Error(
            ErrorCode::Duplicate, tr("Cet enregistrement existe déjà (%1).").arg(context), {}, detail);
    if (state.startsWith(u"23"_s))
        return Error(ErrorCode::DatabaseError,
            tr("L'enregistrement contredit une règle de la base (%1) : rien n'a été enregistré.")
                .arg(context),
            {}, detail);
    if (state == u"53100"_s)
        return Error(ErrorCode::IoError,
            tr("Le disque du serveur de données est plein (%1) : rien n'a été enregistré.").arg(context), {},
            detail);
    if (state.startsWith(u"XX"_s))
        return Error(ErrorCode::DatabaseCorrupt,
            tr("Le serveur de données signale une erreur interne ou des données endommagées (%1).")
                .arg(context),
            {}, detail);
    return Error(ErrorCode::DatabaseError, tr("Erreur de la base de données (%1).").arg(context), {}, detail);
}

} // namespace iris::detail
