#include "modules/accueil/quick/QuickContactService.h"

#include "core/services/ContactService.h"
#include "core/services/CoreServices.h"
#include "core/storage/Database.h"
#include "core/storage/Dialect.h"
#include "modules/accueil/shared/AccueilIds.h"

#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace iris::accueil {

QuickContactService::QuickContactService(CoreServices& services)
    : m_services(services)
{
}

Result<Contact> QuickContactService::answer(ContactChannel channel, qint64 motiveThemeId, qint64 citizenId,
                                            const QString& summary)
{
    if (auto r = m_services.session().require(ids::PermQuick); !r)
        return r.error();
    Contact c;
    c.channel = channel;
    c.direction = ContactDirection::Entrant;
    c.startedAt = c.endedAt = m_now();
    c.motiveThemeId = motiveThemeId;
    c.outcome = ContactOutcome::Repondu;
    c.citizenId = citizenId;
    c.summary = summary.trimmed().isEmpty() ? tr("Réponse immédiate") : summary.trimmed();
    return m_services.contacts().log(c);
}

Result<QList<qint64>> QuickContactService::frequentMotives(int limit, int days) const
{
    if (auto r = m_services.session().require(ids::PermQuick); !r)
        return r.error();
    const Dialect& d = m_services.database()->dialect();
    QSqlQuery q(m_services.database()->connection());
    // contacts_agent (agent_id, started_at) bounds the scan to this agent's recent contacts.
    q.prepare(u"SELECT motive_theme_id, COUNT(*) AS n FROM contacts WHERE agent_id = :agent AND started_at >= :from "
              u"AND motive_theme_id IS NOT NULL GROUP BY motive_theme_id ORDER BY n DESC, motive_theme_id LIMIT :limit"_s);
    q.bindValue(u":agent"_s, m_services.session().agent().id);
    q.bindValue(u":from"_s, d.toDbDateTime(m_now().addDays(-days)));
    q.bindValue(u":limit"_s, limit);
    if (!q.exec())
        return Database::classify(q.lastError(), tr("lecture des motifs fréquents"));
    QList<qint64> ids;
    while (q.next())
        ids << q.value(0).toLongLong();
    return ids;
}

ContactChannel QuickContactService::defaultChannel() const
{
    return m_services.session().agent().role == Role::Teleconseiller ? ContactChannel::Telephone
                                                                     : ContactChannel::Visite;
}

} // namespace iris::accueil
