#pragma once

#include "core/base/Result.h"
#include "core/domain/Contact.h"
#include "core/domain/MotiveTheme.h"
#include "core/services/ServiceSupport.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <memory>
#include <optional>

namespace iris {

class Database;
class Session;
class AuditLog;

/// Which contacts to list. Every set criterion applies (AND); newest first.
struct ContactFilter
{
    qint64 citizenId = 0;
    qint64 organisationId = 0;
    qint64 serviceId = 0;
    qint64 agentId = 0;
    qint64 motiveThemeId = 0;
    QDateTime from; ///< started at or after (inclusive)
    QDateTime to; ///< started before (exclusive)
    std::optional<ContactChannel> channel;
    int limit = 200; ///< 0 = no limit
    int offset = 0;
};

/// Contacts on every channel and the motive theme tree.
/// Contacts: perm::ContactRead / perm::ContactWrite. Motive tree: read by everyone,
/// changed with perm::DirectoryWrite (it is curated with the services directory).
class ContactService
{
    Q_DECLARE_TR_FUNCTIONS(iris::ContactService)

public:
    ContactService(std::shared_ptr<Database> db, const Session& session, AuditLog& audit);

    /// Records a contact. Agent and service default to the session's; the motive is
    /// required; the outcome's companion field is required (orienté → service,
    /// dossier créé → dossier, rappel prévu → due time). Nothing saved if anything is invalid.
    Result<Contact> log(const Contact& contact);
    /// Corrects a contact (summary, outcome…); Conflict on a stale version.
    Result<Contact> update(const Contact& contact);
    Result<Contact> get(qint64 id) const;
    Result<QList<Contact>> list(const ContactFilter& filter) const;
    Result<qint64> count(const ContactFilter& filter) const;
    Result<QList<Contact>> listByCitizen(qint64 citizenId, int limit = 200) const;

    // ---- motive theme tree --------------------------------------------------
    /// The whole tree, parents before children, siblings by sort order then label.
    Result<QList<MotiveTheme>> motiveThemes(bool includeInactive = false) const;
    Result<MotiveTheme> motiveTheme(qint64 id) const;
    Result<MotiveTheme> motiveThemeByCode(const QString& code) const;
    Result<MotiveTheme> createMotiveTheme(const MotiveTheme& theme);
    /// Refuses to move a theme under itself or one of its descendants.
    Result<MotiveTheme> updateMotiveTheme(const MotiveTheme& theme);
    /// Refused while the theme has children or is used by contacts (deactivate it instead).
    Result<void> removeMotiveTheme(qint64 id, int version);

    void setClock(sql::Clock clock) { m_now = std::move(clock); }

private:
    Result<Contact> validated(QSqlDatabase& c, const Contact& contact) const;
    Result<MotiveTheme> validatedTheme(QSqlDatabase& c, const MotiveTheme& theme) const;
    Result<QList<MotiveTheme>> selectThemes(const QString& where, const QVariantMap& binds) const;
    QString filterSql(const ContactFilter& filter, QVariantMap* binds) const;

    std::shared_ptr<Database> m_db;
    const Session& m_session;
    AuditLog& m_audit;
    sql::Clock m_now = &sql::systemNow;
};

} // namespace iris
