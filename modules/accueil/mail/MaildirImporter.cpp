#include "modules/accueil/mail/MaildirImporter.h"

#include "core/services/CoreServices.h"
#include "modules/accueil/mail/CourrielService.h"
#include "modules/accueil/mail/MailIds.h"
#include "modules/accueil/mail/MimeParser.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace iris::accueil {

namespace {

/// "1700000000.M1P2.host" → "1700000000.M1P2.host:2,S" (Maildir "info" of a seen message).
QString seenName(const QString& name)
{
    const qsizetype colon = name.indexOf(u':');
    const QString base = colon >= 0 ? name.left(colon) : name;
    return base + u":2,S"_s;
}

/// Moves new/x to cur/x:2,S. When cur/ already holds that name (the file was copied back
/// to new/), an identical copy is dropped and a different one kept under a free name.
bool moveToCur(const QDir& root, const QFileInfo& info, const QByteArray& content)
{
    if (!QFile::exists(info.absoluteFilePath()))
        return true; // another importer (or a mail reader) moved it meanwhile
    const QString base = seenName(info.fileName());
    QString target = root.filePath(u"cur/"_s + base);
    if (QFile::exists(target)) {
        QFile existing(target);
        if (existing.open(QIODevice::ReadOnly) && existing.size() == content.size()
            && existing.readAll() == content) {
            existing.close();
            return QFile::remove(info.absoluteFilePath()) || !QFile::exists(info.absoluteFilePath());
        }
        const QString stem = base.left(base.size() - 4);
        for (int n = 2; QFile::exists(target); ++n)
            target = root.filePath(QString(u"cur/"_s + stem + u'.' + QString::number(n) + u":2,S"_s));
    }
    return QFile::rename(info.absoluteFilePath(), target) || !QFile::exists(info.absoluteFilePath());
}

} // namespace

MaildirImporter::MaildirImporter(CoreServices& services)
    : m_services(services)
{
}

Result<void> MaildirImporter::checkMaildir(const QString& path)
{
    const QDir dir(path);
    if (path.trimmed().isEmpty() || !dir.exists())
        return Error(ErrorCode::InvalidArgument,
            tr("Le dossier Maildir « %1 » n'existe pas.").arg(QDir::toNativeSeparators(path)));
    if (!QFileInfo(dir.filePath(u"new"_s)).isDir() && !QFileInfo(dir.filePath(u"cur"_s)).isDir())
        return Error(ErrorCode::InvalidArgument,
            tr("« %1 » n'est pas un dossier Maildir : les sous-dossiers new et cur sont absents.")
                .arg(QDir::toNativeSeparators(path)));
    return {};
}

Result<MaildirImportReport> MaildirImporter::importFrom(const QString& path)
{
    if (auto r = checkMaildir(path); !r)
        return r.error();
    if (auto r = m_services.session().require(ids::PermMail); !r)
        return r.error();

    struct Entry
    {
        QFileInfo info;
        bool fromNew = false;
    };
    QList<Entry> entries;
    const QDir root(path);
    for (const QString& sub : { u"new"_s, u"cur"_s }) {
        const QDir dir(root.filePath(sub));
        if (!dir.exists())
            continue;
        // Hidden files are not messages (Maildir++ and Dovecot keep their indexes there).
        for (const QFileInfo& info : dir.entryInfoList(QDir::Files | QDir::NoDotAndDotDot))
            entries.append({ info, sub == u"new"_s });
    }
    std::sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) {
        const QDateTime ma = a.info.lastModified();
        const QDateTime mb = b.info.lastModified();
        return ma != mb ? ma < mb : a.info.fileName() < b.info.fileName();
    });

    CourrielService courriels(m_services);
    courriels.setClock(m_now);
    // cur/ keeps the whole history: what came from there before is not read again.
    const Result<QSet<QString>> known = courriels.registeredSourceFiles();
    if (!known)
        return known.error();
    MaildirImportReport report;
    for (const Entry& e : entries) {
        const QString shown = QString(e.info.dir().dirName() + u'/' + e.info.fileName());
        // The Maildir unique name, without the ":2,FLAGS" a reader may change.
        const QString unique = e.info.fileName().section(u':', 0, 0);
        if (!e.fromNew && known->contains(unique)) {
            ++report.duplicates;
            continue;
        }
        QFile file(e.info.absoluteFilePath());
        if (!file.exists())
            continue; // taken by a mail reader meanwhile
        if (e.info.size() > kMaxMessageBytes) {
            ++report.failed;
            report.errors << tr("%1 : message trop volumineux (%2 Mo), non importé.")
                                 .arg(shown)
                                 .arg(e.info.size() / (1024 * 1024));
            continue;
        }
        if (!file.open(QIODevice::ReadOnly)) {
            if (!file.exists())
                continue;
            ++report.failed;
            report.errors << tr("%1 : lecture impossible (%2).").arg(shown, file.errorString());
            continue;
        }
        const QByteArray raw = file.readAll();
        file.close();
        const MimeMessage parsed = MimeParser::parse(raw);
        const Result<CourrielService::Registered> registered
            = courriels.registerParsed(parsed, e.info.lastModified(), unique);
        if (!registered) {
            ++report.failed;
            report.errors << tr("%1 : %2").arg(shown, registered.error().toString());
            continue;
        }
        if (registered->outcome == CourrielService::RegisterOutcome::Duplicate) {
            ++report.duplicates;
        } else {
            ++report.imported;
            report.importedIds << registered->courriel.id;
            if (registered->courriel.malformed)
                ++report.malformed;
        }
        if (e.fromNew && !moveToCur(root, e.info, raw))
            report.errors
                << tr("%1 : enregistré, mais le fichier n'a pas pu être déplacé dans cur/.").arg(shown);
    }
    return report;
}

} // namespace iris::accueil
