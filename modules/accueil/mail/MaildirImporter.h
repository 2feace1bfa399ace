#pragma once

#include "core/base/Result.h"
#include "core/services/ServiceSupport.h"
#include "modules/accueil/mail/MaildirImportReport.h"

#include <QCoreApplication>
#include <QString>

namespace iris {
class CoreServices;
}

namespace iris::accueil {

/// Registers the messages of a Maildir (the delivery format of Postfix, Dovecot, Exim…):
/// every file of new/ and cur/ (tmp/ is the delivery agent's and is never touched); a
/// file of cur/ whose unique name is already registered is counted as a duplicate
/// without being read again, so a pass costs what arrived, not the whole history.
///
/// Each message is registered in its own transaction through CourrielService, so a corrupt
/// file never blocks the others; a Message-ID already registered is counted as a duplicate
/// and writes nothing — idempotence rests on the database, not on the files. After a
/// message of new/ is registered (or found registered) it is moved to cur/ with the
/// "seen" flag (new/x → cur/x:2,S), as a mail reader would; a failed move is only noted.
class MaildirImporter final
{
    Q_DECLARE_TR_FUNCTIONS(iris::accueil::MaildirImporter)
public:
    /// Bigger files are refused (counted failed): a citizen's e-mail is far below this.
    static constexpr qint64 kMaxMessageBytes = 64LL * 1024 * 1024;

    explicit MaildirImporter(CoreServices& services);
    void setClock(sql::Clock clock) { m_now = std::move(clock); }

    /// InvalidArgument (French) unless `path` is a folder with new/ or cur/.
    static Result<void> checkMaildir(const QString& path);
    /// One pass over the Maildir. An Error only when the folder itself is unusable or the
    /// session may not register courriels; per-message problems go to the report.
    Result<MaildirImportReport> importFrom(const QString& path);

private:
    CoreServices& m_services;
    sql::Clock m_now = &sql::systemNow;
};

} // namespace iris::accueil
