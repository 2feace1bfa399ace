#pragma once

#include "core/base/Result.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace iris::kb {

class KbConnection;

/// Synonym groups kept in the knowledge base and edited by KB editors:
/// every expression of a group finds the articles written with any other
/// ("HLM" = "logement social"). Expressions may hold several words.
class KbSynonyms final
{
public:
    struct Group
    {
        qint64 id = 0;
        QStringList expressions;
    };

    explicit KbSynonyms(KbConnection& connection);

    Result<QList<Group>> groups() const;
    /// Adds a group of at least two different expressions; returns its id.
    Result<qint64> addGroup(const QStringList& expressions);
    Result<void> updateGroup(qint64 id, const QStringList& expressions);
    Result<void> removeGroup(qint64 id);
    /// Counter bumped by every change, so searchers know to reload.
    qint64 generation() const;

    /// Loads the default groups (resources/kb/synonyms.txt) into an empty table.
    Result<void> seedDefaults();

    /// Parses the text format: one group per line, expressions separated by "=",
    /// "#" starts a comment.
    static QList<QStringList> parse(const QString& text);

private:
    Result<QStringList> validate(const QStringList& expressions) const;
    Result<void> insertExpressions(qint64 id, const QStringList& expressions);
    Result<void> bumpGeneration();
    KbConnection& m_connection;
};

} // namespace iris::kb
