#include "modules/accueil/mail/SmtpSettings.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace iris::accueil {

QString smtpSecurityId(SmtpSecurity security)
{
    switch (security) {
    case SmtpSecurity::None:
        return u"none"_s;
    case SmtpSecurity::StartTls:
        return u"starttls"_s;
    case SmtpSecurity::Ssl:
        return u"ssl"_s;
    }
    return u"none"_s;
}

QString smtpSecurityLabel(SmtpSecurity security)
{
    switch (security) {
    case SmtpSecurity::None:
        return QCoreApplication::translate("iris::accueil::SmtpSettings", "Aucune (relais interne)");
    case SmtpSecurity::StartTls:
        return QCoreApplication::translate("iris::accueil::SmtpSettings", "STARTTLS");
    case SmtpSecurity::Ssl:
        return QCoreApplication::translate("iris::accueil::SmtpSettings", "SSL/TLS");
    }
    return {};
}

bool smtpSecurityFromId(const QString& id, SmtpSecurity* security)
{
    for (SmtpSecurity s : { SmtpSecurity::None, SmtpSecurity::StartTls, SmtpSecurity::Ssl }) {
        if (smtpSecurityId(s) == id) {
            if (security)
                *security = s;
            return true;
        }
    }
    return false;
}

} // namespace iris::accueil
