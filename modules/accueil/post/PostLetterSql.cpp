#include "modules/accueil/post/PostLetterSql.h"

#include "core/services/ServiceSupport.h"
#include "core/storage/Dialect.h"
#include "modules/accueil/post/PostService.h"

#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace iris::accueil {

namespace {
const QString kPostLetterColumns
    = u"id, version, year, sequence, reference, received_on, registered_at, registered_by, citizen_id, "
      u"organisation_id, sender_name, sender_address, subject, motive_theme_id, silence_rule, "
      u"missing_pieces, "
      u"pieces_due_on, assigned_agent_id, assigned_service_id, due_on, ack_due_on, status, "
      u"incoming_contact_id, "
      u"acknowledged_on, replied_on, reply_mode, reply_summary, reply_contact_id, notes"_s;

PostLetter readPostLetter(const QSqlQuery& q, const Dialect& d)
{
    PostLetter l;
    l.id = q.value(0).toLongLong();
    l.version = q.value(1).toInt();
    l.year = q.value(2).toInt();
    l.sequence = q.value(3).toInt();
    l.reference = q.value(4).toString();
    l.receivedOn = d.fromDbDate(q.value(5));
    l.registeredAt = d.fromDbDateTime(q.value(6));
    l.registeredBy = sql::id(q.value(7));
    l.citizenId = sql::id(q.value(8));
    l.organisationId = sql::id(q.value(9));
    l.senderName = q.value(10).toString();
    l.senderAddress = q.value(11).toString();
    l.subject = q.value(12).toString();
    l.motiveThemeId = sql::id(q.value(13));
    PostVocabulary::silenceFromId(q.value(14).toString(), &l.silence);
    l.missingPieces = q.value(15).toString().split(u'\n', Qt::SkipEmptyParts);
    l.piecesDueOn = d.fromDbDate(q.value(16));
    l.assignedAgentId = sql::id(q.value(17));
    l.assignedServiceId = sql::id(q.value(18));
    l.dueOn = d.fromDbDate(q.value(19));
    l.acknowledgementDueOn = d.fromDbDate(q.value(20));
    PostVocabulary::statusFromId(q.value(21).toString(), &l.status);
    l.incomingContactId = sql::id(q.value(22));
    l.acknowledgedOn = d.fromDbDate(q.value(23));
    l.repliedOn = d.fromDbDate(q.value(24));
    PostVocabulary::replyModeFromId(q.value(25).toString(), &l.replyMode);
    l.replySummary = q.value(26).toString();
    l.replyContactId = sql::id(q.value(27));
    l.notes = q.value(28).toString();
    return l;
}

} // namespace

Result<QList<PostLetter>> selectPostLetters(QSqlDatabase& c, const Dialect& d, const QString& where,
    const QVariantMap& binds, const QString& order, int limit)
{
    QString statement = u"SELECT "_s + kPostLetterColumns + u" FROM accueil_post_letters WHERE "_s + where
        + u" ORDER BY "_s + order;
    if (limit > 0)
        statement += u" LIMIT "_s + QString::number(limit);
    const QString context = PostService::tr("lecture du registre du courrier");
    auto q = sql::prepare(c, statement, context);
    if (!q)
        return q.error();
    for (auto it = binds.cbegin(); it != binds.cend(); ++it)
        q->bindValue(it.key(), it.value());
    if (auto r = sql::exec(*q, context); !r)
        return r.error();
    QList<PostLetter> letters;
    while (q->next())
        letters << readPostLetter(*q, d);
    return letters;
}

QString postLikePattern(const QString& text)
{
    QString escaped = text;
    escaped.replace(u"\\"_s, u"\\\\"_s).replace(u"%"_s, u"\\%"_s).replace(u"_"_s, u"\\_"_s);
    return QString(u'%' + escaped + u'%');
}

} // namespace iris::accueil
