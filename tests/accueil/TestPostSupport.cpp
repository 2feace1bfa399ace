#include "tests/accueil/TestPostSupport.h"

#include "core/storage/MigrationRunner.h"
#include "modules/accueil/post/PostPermissions.h"
#include "modules/accueil/post/PostDemo.h"
#include "modules/accueil/post/PostSchema.h"

using namespace Qt::StringLiterals;

namespace iris::test {

bool PostSite::start(QString* error)
{
    accueil::declarePostPermissions(*f.permissions);
    if (!f.start(error))
        return false;
    MigrationRunner post;
    post.add(accueil::PostSchemaOwner, accueil::postMigrations());
    if (Result<void> r = post.run(*f.db, accueil::PostSchemaOwner); !r) {
        if (error)
            *error = r.error().toString() + u" / "_s + r.error().detail();
        return false;
    }
    return true;
}

std::unique_ptr<accueil::PostService> PostSite::post(CoreServices& services)
{
    auto service = std::make_unique<accueil::PostService>(services);
    service->setClock(f.clock());
    return service;
}

accueil::PostLetter PostSite::letter(const QString& subject, const QDate& received)
{
    accueil::PostLetter l;
    l.subject = subject;
    l.receivedOn = received;
    l.senderName = u"Syndic Les Jardins"_s;
    l.senderAddress = u"4 allée des Tilleuls\n92130 Issy-les-Moulineaux"_s;
    return l;
}

QByteArray PostSite::minimalPdf(const QString& text)
{
    return accueil::PostDemo::onePagePdf(text.toLatin1());
}

qint64 PostSite::count(const QString& table)
{
    return f.scalar(QString(u"SELECT COUNT(*) FROM "_s + table)).toLongLong();
}

} // namespace iris::test
