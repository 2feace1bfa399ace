#include "knowledgebase/KbFeedback.h"

#include "knowledgebase/KbConnection.h"

#include <QCoreApplication>
#include <QSaveFile>

namespace iris::kb {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("iris::kb::KbFeedback", text);
}

QString csvCell(QString value)
{
    // A cell starting with = + - @ would be run as a formula by spreadsheets.
    if (!value.isEmpty() && QStringLiteral("=+-@\t\r").contains(value.front()))
        value.prepend(QLatin1Char('\''));
    if (value.contains(QLatin1Char(';')) || value.contains(QLatin1Char('"'))
        || value.contains(QLatin1Char('\n')) || value.contains(QLatin1Char('\r'))) {
        value.replace(QLatin1Char('"'), QLatin1String("\"\""));
        value = QString(QLatin1Char('"') + value + QLatin1Char('"'));
    }
    return value;
}

} // namespace

KbFeedback::KbFeedback(KbConnection& connection)
    : m_connection(connection)
{
}

Result<void> KbFeedback::recordNotFound(
    const QString& query, const QString& normalized, const QDateTime& when)
{
    const QString text = query.simplified().left(500);
    if (text.isEmpty())
        return Error(ErrorCode::Validation, tr("La recherche est vide : rien à signaler."));
    QString key = normalized.simplified();
    if (key.isEmpty())
        key = text.toLower();
    SqliteStatement s
        = m_connection.prepare("INSERT INTO kb_feedback(query, normalized, created_at) VALUES (?1, ?2, ?3)");
    s.bind(1, text);
    s.bind(2, key);
    s.bind(3, when.toUTC().toString(Qt::ISODate));
    s.step();
    if (!s.ok())
        return m_connection.error(tr("Enregistrement du signalement impossible."));
    return {};
}

Result<QList<KbGap>> KbFeedback::gaps() const
{
    SqliteStatement s = m_connection.prepare(
        "SELECT normalized, count(*), max(created_at),"
        " (SELECT query FROM kb_feedback f2 WHERE f2.normalized = f.normalized ORDER BY created_at DESC, id "
        "DESC"
        "  LIMIT 1)"
        " FROM kb_feedback f GROUP BY normalized ORDER BY count(*) DESC, max(created_at) DESC, normalized");
    QList<KbGap> out;
    while (s.step()) {
        KbGap gap;
        gap.normalized = s.text(0);
        gap.count = int(s.int64(1));
        gap.lastSeen = QDateTime::fromString(s.text(2), Qt::ISODate);
        gap.query = s.text(3);
        out.append(gap);
    }
    if (!s.ok())
        return m_connection.error(tr("Lecture des recherches sans réponse impossible."));
    return out;
}

Result<void> KbFeedback::clear()
{
    return m_connection.exec("DELETE FROM kb_feedback");
}

QByteArray KbFeedback::toCsv(const QList<KbGap>& gaps)
{
    QString csv = QStringLiteral("requete;mots;occurrences;derniere_fois\r\n");
    for (const KbGap& g : gaps) {
        csv += csvCell(g.query) + QLatin1Char(';') + csvCell(g.normalized) + QLatin1Char(';')
            + QString::number(g.count) + QLatin1Char(';') + g.lastSeen.toString(Qt::ISODate)
            + QLatin1String("\r\n");
    }
    return QByteArray("\xEF\xBB\xBF") + csv.toUtf8();
}

Result<void> KbFeedback::exportCsv(const QString& path) const
{
    auto list = gaps();
    if (!list)
        return list.error();
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(toCsv(*list)) < 0 || !file.commit())
        return Error(ErrorCode::IoError,
            tr("Impossible d'écrire le rapport « %1 » : %2.").arg(path, file.errorString()));
    return {};
}

} // namespace iris::kb
