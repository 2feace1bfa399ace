#include "tests/accueil/MailFixture.h"

#include "core/domain/Citizen.h"
#include "core/services/CitizenService.h"
#include "modules/accueil/mail/CourrielSchema.h"
#include "modules/accueil/mail/MailPermissions.h"
#include "tests/support/TestPaths.h"

#include <QDir>
#include <QFile>

using namespace Qt::StringLiterals;

namespace iris::test {

bool MailFixture::start(QString* error)
{
    if (!site.start(error))
        return false;
    accueil::declareMailPermissions(*site.permissions);
    MigrationRunner migrations;
    accueil::registerCourrielSchema(migrations);
    if (const Result<void> r = migrations.run(*site.db); !r) {
        if (error)
            *error = r.error().toString();
        return false;
    }
    const QDir root(dir.path());
    for (const QString& sub : { u"Maildir/new"_s, u"Maildir/cur"_s, u"Maildir/tmp"_s }) {
        if (!root.mkpath(sub)) {
            if (error)
                *error = u"mkpath "_s + sub;
            return false;
        }
    }
    return true;
}

QByteArray MailFixture::message(const QString& name)
{
    QFile f(sourceDir() + u"/tests/accueil/data/mail/"_s + name);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("missing message fixture %s", qPrintable(name));
    return f.readAll();
}

QString MailFixture::deliver(const QByteArray& content, const QString& uniqueName)
{
    const QString tmp = QDir(maildir()).filePath(u"tmp/"_s + uniqueName);
    const QString target = QDir(maildir()).filePath(u"new/"_s + uniqueName);
    QFile f(tmp);
    if (!f.open(QIODevice::WriteOnly) || f.write(content) != content.size())
        qFatal("cannot write %s", qPrintable(tmp));
    f.close();
    if (!QFile::rename(tmp, target))
        qFatal("cannot deliver %s", qPrintable(target));
    return target;
}

QStringList MailFixture::files(const QString& sub) const
{
    return QDir(QDir(maildir()).filePath(sub)).entryList(QDir::Files, QDir::Name);
}

qint64 MailFixture::addCitizen(const QString& nom, const QString& prenoms, const QString& email)
{
    Citizen c;
    c.nomUsage = nom;
    c.prenoms = prenoms;
    c.email = email;
    const Result<Citizen> created = site.system->citizens().create(c);
    if (!created)
        qWarning("addCitizen: %s", qPrintable(created.error().toString()));
    return created ? created->id : 0;
}

} // namespace iris::test
