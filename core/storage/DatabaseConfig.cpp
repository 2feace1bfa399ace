#include "core/storage/Database.h"

#include <QCoreApplication>
#include <QDir>
#include <QRegularExpression>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace iris {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("iris::DatabaseConfig", text);
}

QString decode(const QString& part)
{
    return QUrl::fromPercentEncoding(part.toUtf8());
}

QString encode(const QString& part)
{
    return QString::fromUtf8(QUrl::toPercentEncoding(part));
}

/// libpq connection parameters a URI's query may carry and that we pass on. The others
/// (password, passfile: secrets; dbname/user/host/port: given by the URI itself) are refused
/// or handled apart, so that a typo is reported rather than silently ignored.
bool isPassedParameter(const QString& key)
{
    static const QStringList known {
        u"sslmode"_s,
        u"sslrootcert"_s,
        u"sslcert"_s,
        u"sslkey"_s,
        u"sslcrl"_s,
        u"sslcompression"_s,
        u"sslsni"_s,
        u"requiressl"_s,
        u"connect_timeout"_s,
        u"application_name"_s,
        u"options"_s,
        u"keepalives"_s,
        u"keepalives_idle"_s,
        u"keepalives_interval"_s,
        u"keepalives_count"_s,
        u"tcp_user_timeout"_s,
        u"target_session_attrs"_s,
        u"gssencmode"_s,
        u"krbsrvname"_s,
        u"service"_s,
        u"channel_binding"_s,
    };
    return known.contains(key);
}

} // namespace

bool DatabaseConfig::isServerTarget(const QString& target)
{
    const QString t = target.trimmed();
    return t.startsWith(u"postgresql://"_s, Qt::CaseInsensitive)
        || t.startsWith(u"postgres://"_s, Qt::CaseInsensitive);
}

Result<DatabaseConfig> DatabaseConfig::fromTarget(const QString& rawTarget)
{
    const QString target = rawTarget.trimmed();
    DatabaseConfig config;
    if (target.isEmpty())
        return Error(ErrorCode::InvalidArgument, tr("Aucune base de données n'a été indiquée."));
    if (!isServerTarget(target)) {
        config.driver = Driver::Sqlite;
        config.path = target;
        return config;
    }

    // postgresql://[user[:password]@][host][:port][/dbname][?param=value&…] (libpq's URI form)
    static const QRegularExpression uri(
        u"^postgres(?:ql)?://(?:([^@/?]*)@)?(\\[[^\\]]*\\]|[^/?:]*)(?::([^/?]*))?(?:/([^?]*))?(?:\\?(.*))?$"_s,
        QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch m = uri.match(target);
    const QString shown = target.section(u'@', -1);
    if (!m.hasMatch())
        return Error(ErrorCode::InvalidArgument,
            tr("« %1 » n'est pas une adresse PostgreSQL valide ; forme attendue : "
               "postgresql://utilisateur@serveur:5432/base")
                .arg(shown));
    config.driver = Driver::Postgres;
    const QString userInfo = m.captured(1);
    if (userInfo.contains(u':'))
        return Error(ErrorCode::InvalidArgument,
            tr("L'adresse de la base contient un mot de passe : il ne doit jamais figurer en clair dans "
               "une commande ou un réglage. Enregistrez-le dans ~/.pgpass (ou le fichier désigné par "
               "PGPASSFILE) et retirez-le de l'adresse."));
    config.user = decode(userInfo);
    QString host = decode(m.captured(2));
    if (host.startsWith(u'[') && host.endsWith(u']'))
        host = host.mid(1, host.size() - 2);
    if (host.contains(u','))
        return Error(ErrorCode::InvalidArgument,
            tr("Plusieurs serveurs dans une même adresse ne sont pas pris en charge : indiquez-en un seul."));
    config.host = host;
    if (m.hasCaptured(3) && !m.captured(3).isEmpty()) {
        bool ok = false;
        const int port = m.captured(3).toInt(&ok);
        if (!ok || port <= 0 || port > 65535)
            return Error(ErrorCode::InvalidArgument,
                tr("Le port « %1 » de l'adresse de la base n'est pas valide.").arg(m.captured(3)));
        config.port = port;
    }
    config.name = decode(m.captured(4));
    const QStringList pairs = m.captured(5).split(u'&', Qt::SkipEmptyParts);
    for (const QString& pair : pairs) {
        const QString key = decode(pair.section(u'=', 0, 0)).trimmed();
        const QString value = decode(pair.section(u'=', 1));
        if (key == u"password"_s || key == u"passfile"_s)
            return Error(ErrorCode::InvalidArgument,
                tr("L'adresse de la base contient « %1 » : un mot de passe ne doit jamais figurer en clair "
                   "dans une commande ou un réglage. Utilisez ~/.pgpass ou PGPASSFILE.")
                    .arg(key));
        if (key == u"host"_s) {
            config.host = value;
        } else if (key == u"port"_s) {
            bool ok = false;
            config.port = value.toInt(&ok);
            if (!ok || config.port <= 0 || config.port > 65535)
                return Error(ErrorCode::InvalidArgument,
                    tr("Le port « %1 » de l'adresse de la base n'est pas valide.").arg(value));
        } else if (key == u"dbname"_s) {
            config.name = value;
        } else if (key == u"user"_s) {
            config.user = value;
        } else if (isPassedParameter(key)) {
            config.parameters.append({ key, value });
        } else {
            return Error(ErrorCode::InvalidArgument,
                tr("Paramètre « %1 » inconnu dans l'adresse de la base.").arg(key));
        }
    }
    if (config.name.isEmpty())
        config.name = config.user; // libpq's default: the database named after the user
    if (config.name.isEmpty())
        return Error(ErrorCode::InvalidArgument,
            tr("Indiquez le nom de la base dans l'adresse : postgresql://utilisateur@serveur/base."));
    return config;
}

QString DatabaseConfig::target() const
{
    if (driver == Driver::Sqlite)
        return QDir::toNativeSeparators(path);
    QString t = u"postgresql://"_s;
    if (!user.isEmpty())
        t += encode(user) + u'@';
    if (host.contains(u':'))
        t += u'[' + host + u']';
    else if (!host.startsWith(u'/'))
        t += host;
    if (port != 5432)
        t += u':' + QString::number(port);
    t += u'/' + encode(name);
    QStringList query;
    if (host.startsWith(u'/'))
        query << u"host="_s + encode(host);
    for (const auto& [key, value] : parameters)
        query << encode(key) + u'=' + encode(value);
    if (!query.isEmpty())
        t += u'?' + query.join(u'&');
    return t;
}

} // namespace iris
