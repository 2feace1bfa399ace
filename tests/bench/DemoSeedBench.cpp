// bench_demo_seed: seeding throughput of DemoSeeder (100,000 citizens / 1,000,000 contacts by
// default; override with the first two arguments). Prints wall time, CPU time of the process
// (the machine may be shared) and rows per second; the goal is under two minutes.
#include "core/demo/DemoSeeder.h"
#include "core/storage/Database.h"
#include "core/storage/MigrationRunner.h"
#include "core/storage/schema/CoreSchema.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTextStream>
#include <ctime>

using namespace Qt::StringLiterals;
using namespace iris;

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const int citizens = args.size() > 1 ? args.at(1).toInt() : 100'000;
    const int contacts = args.size() > 2 ? args.at(2).toInt() : 1'000'000;
    QTextStream out(stdout);

    QTemporaryDir dir;
    DatabaseConfig config;
    config.path = dir.filePath(u"seed-bench.sqlite"_s);
    auto db = Database::open(config);
    MigrationRunner runner;
    runner.add(kCoreSchemaOwner, coreMigrations());
    if (!db || !runner.run(**db)) {
        out << "cannot create " << config.path << '\n';
        return 1;
    }
    DemoSeedOptions options;
    options.citizens = citizens;
    options.contacts = contacts;
    options.seed = 1;
    options.referenceDate = QDate(2026, 6, 30);
    const std::clock_t cpu0 = std::clock();
    const Result<DemoSeedReport> report = DemoSeeder(*db).seed(options);
    const double cpu = double(std::clock() - cpu0) / CLOCKS_PER_SEC;
    if (!report) {
        out << report.error().toString() << ' ' << report.error().detail() << '\n';
        return 1;
    }
    const double wall = double(report->elapsedMs) / 1000.0;
    const qint64 rows = qint64(report->citizens) + report->contacts;
    (*db)->closeAll();
    out << "bench_demo_seed: " << report->citizens << " citizens (" << report->households << " households), "
        << report->contacts << " contacts\n"
        << "  wall " << QString::number(wall, 'f', 1) << " s, process CPU " << QString::number(cpu, 'f', 1)
        << " s, " << qint64(double(rows) / qMax(0.001, wall)) << " rows/s (wall)\n"
        << "  file " << QFileInfo(config.path).size() / (1024 * 1024) << " MiB; goal: under 120 s for 100k/1M"
        << (wall < 120.0 ? " — met\n" : " — NOT met\n");
    return 0;
}
