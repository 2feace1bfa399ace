// Helper process of core_crashsafety: opens (and migrates) a site database, then creates
// citizens one transaction at a time, printing each id on stdout once its commit
// returned. The test kills it with SIGKILL in the middle of the stream.
#include "core/security/Permissions.h"
#include "core/security/Session.h"
#include "core/services/AuditLog.h"
#include "core/services/CitizenService.h"
#include "core/storage/Database.h"
#include "core/storage/MigrationRunner.h"
#include "core/storage/schema/CoreSchema.h"

#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>

using namespace Qt::StringLiterals;
using namespace iris;

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QTextStream err(stderr);
    if (app.arguments().size() != 2) {
        err << "usage: core_crash_writer FILE\n";
        return 2;
    }
    auto opened = Database::open({.path = app.arguments().at(1)});
    if (!opened) {
        err << opened.error().toString() << '\n';
        return 1;
    }
    std::shared_ptr<Database> db = *opened;
    MigrationRunner runner;
    runner.add(kCoreSchemaOwner, coreMigrations());
    if (Result<void> r = runner.run(*db); !r) {
        err << r.error().toString() << '\n';
        return 1;
    }
    const Session session = Session::system(std::make_shared<PermissionRegistry>());
    AuditLog audit(db, session);
    CitizenService citizens(db, session, audit);
    for (int i = 0;; ++i) {
        Citizen c;
        c.nomNaissance = u"Ecrivain"_s;
        c.prenoms = u"Numero"_s + QString(QChar(u'a' + i % 26));
        c.notes = QString::number(i);
        c.phone = u"06%1"_s.arg(10000000 + i % 89999999, 8, 10, QLatin1Char('0'));
        const Result<Citizen> r = citizens.create(c);
        if (!r) {
            err << r.error().toString() << ' ' << r.error().detail() << '\n';
            return 1;
        }
        std::printf("%lld\n", static_cast<long long>(r->id));
        std::fflush(stdout);
    }
}
