#pragma once

#include "core/base/Result.h"
#include "core/services/ServiceSupport.h"
#include "modules/accueil/mail/ReplyTemplate.h"

#include <QCoreApplication>
#include <QList>

namespace iris {
class CoreServices;
}

namespace iris::accueil {

/// The reply templates of the site (accueil_reply_templates).
///
/// Permissions: reading needs accueil.mail or accueil.configure; creating, changing and
/// deleting need accueil.configure and are audited. Updates carry the version read.
class ReplyTemplateStore final
{
    Q_DECLARE_TR_FUNCTIONS(iris::accueil::ReplyTemplateStore)
public:
    explicit ReplyTemplateStore(CoreServices& services);
    void setClock(sql::Clock clock) { m_now = std::move(clock); }

    /// By sort order, then label.
    Result<QList<ReplyTemplate>> list() const;
    Result<ReplyTemplate> get(qint64 id) const;
    Result<ReplyTemplate> findByCode(const QString& code) const;
    Result<ReplyTemplate> create(const ReplyTemplate& value);
    Result<ReplyTemplate> update(const ReplyTemplate& value);
    Result<void> remove(qint64 id, int version);

private:
    Result<void> mayRead() const;
    Result<ReplyTemplate> validated(const ReplyTemplate& value) const;
    Result<QList<ReplyTemplate>> select(const QString& where, const QVariantMap& binds) const;

    CoreServices& m_services;
    sql::Clock m_now = &sql::systemNow;
};

} // namespace iris::accueil
