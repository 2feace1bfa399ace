#pragma once

#include "core/base/Result.h"
#include "core/domain/Dossier.h"
#include "core/domain/DossierDocument.h"
#include "core/domain/DossierEvent.h"
#include "core/domain/DossierType.h"

#include <QCoreApplication>
#include <QList>
#include <QSqlDatabase>
#include <QVariantMap>

namespace iris {

class Dialect;

/// The SQL of dossiers, their checklist and timeline. No validation, permission check or
/// audit here (DossierService does that); every call runs on the connection it is given,
/// so it joins the caller's transaction.
class DossierRepository final
{
    Q_DECLARE_TR_FUNCTIONS(iris::DossierRepository)

public:
    explicit DossierRepository(const Dialect& dialect)
        : m_dialect(dialect)
    {
    }

    /// Dossiers matching `where` (a clause on alias `d`, with its ORDER BY); 0 = no limit.
    Result<QList<Dossier>> select(
        QSqlDatabase& db, const QString& where, const QVariantMap& binds, int limit = 0) const;
    /// NotFound when absent.
    Result<Dossier> find(QSqlDatabase& db, qint64 id) const;

    /// Draws the next number of (type, year): the counter row is written inside the caller's
    /// write transaction, so two creations can never draw the same number.
    Result<int> nextSequence(QSqlDatabase& db, const QString& typeId, int year) const;
    /// Inserts the dossier row (id and version set) and its initial checklist.
    Result<void> insert(
        QSqlDatabase& db, Dossier& dossier, const QList<ChecklistTemplateItem>& checklist) const;
    /// UPDATE dossiers SET version + 1, updated_at, `set` WHERE id AND version; Conflict or
    /// NotFound when no row matched.
    Result<void> update(QSqlDatabase& db, qint64 id, int version, const QString& set,
        const QVariantMap& binds, const QDateTime& now) const;

    Result<void> appendEvent(QSqlDatabase& db, qint64 dossierId, const QDateTime& at, qint64 agentId,
        const QString& kind, const QString& text) const;
    /// Oldest first, with agent names ("système" for id 0).
    Result<QList<DossierEvent>> events(QSqlDatabase& db, qint64 dossierId) const;

    Result<QList<DossierDocument>> documents(QSqlDatabase& db, qint64 dossierId) const;
    Result<DossierDocument> document(QSqlDatabase& db, qint64 documentId) const;
    /// Appends at the end of the checklist (position, id and version set).
    Result<void> appendDocument(QSqlDatabase& db, DossierDocument& document) const;
    /// Writes state, dates, agents and note when the stored version is `version`.
    Result<void> updateDocument(QSqlDatabase& db, const DossierDocument& document, int version) const;

private:
    const Dialect& m_dialect;
};

} // namespace iris
