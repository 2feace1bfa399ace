#pragma once

#include "core/security/Permissions.h"
#include "core/services/CoreServices.h"
#include "core/services/DossierTypeRegistry.h"
#include "core/storage/Database.h"
#include "core/storage/MigrationRunner.h"

#include <QDateTime>
#include <QTemporaryDir>

#include <memory>

namespace iris::test {

/// A real site for the Accueil data-layer tests: a SQLite file in a temporary folder with
/// the core and "accueil" schemas, the demo reference data (services, motives, demo agents),
/// the module's permissions and the default counter setup (categories A–E and R, desks 1–12, desk 5 for the CCAS).
/// Services handed out by as() run on a settable clock (`now`), core services included.
class AccueilFixture final
{
public:
    AccueilFixture();
    ~AccueilFixture();
    /// Creates and migrates the database; false (and a message) on failure.
    bool start(QString* error = nullptr, const QString& path = {});

    std::shared_ptr<Database> db;
    std::shared_ptr<PermissionRegistry> permissions = std::make_shared<PermissionRegistry>();
    DossierTypeRegistry dossierTypes;
    std::unique_ptr<CoreServices> system;
    /// The test clock of every service made by as() (and of `system`).
    QDateTime now = QDateTime(QDate(2025, 3, 10), QTime(9, 0));

    /// Services bound to a demo agent's session ("accueil", "teleconseil", "superviseur"…).
    std::unique_ptr<CoreServices> as(const QString& login);
    AgentIdentity identity(const QString& login);
    /// The test clock as a sql::Clock.
    std::function<QDateTime()> clock() { return [this] { return now; }; }

    qint64 serviceId(const QString& code);
    qint64 motiveId(const QString& code);
    qint64 deskId(int number);
    qint64 categoryId(const QString& prefix);
    qint64 addCitizen(const QString& nom, const QString& prenoms, const QString& phone = {});
    /// Scalar of a SQL query on the test thread's connection.
    QVariant scalar(const QString& sql);
    QString path() const;

private:
    QTemporaryDir m_dir;
    MigrationRunner m_migrations;
};

} // namespace iris::test
