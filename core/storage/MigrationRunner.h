#pragma once

#include "core/base/Result.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <functional>
#include <utility>

namespace iris {

class Database;
class Dialect;

/// One schema step of one owner ("core", "accueil"…). Steps are numbered 1, 2, 3…
struct Migration
{
    int version = 0;
    QString description;
    std::function<Result<void>(QSqlDatabase& db, const Dialect& dialect)> apply;
};

/// Schema version per owner (table `schema_versions`), upgraded step by step,
/// each step and its version bump in one transaction. A database whose version for
/// an owner is newer than the steps we know is refused with SchemaTooNew and left
/// untouched.
class MigrationRunner
{
public:
    /// Registers an owner's steps (core registers "core"; modules in initialize()).
    void add(const QString& owner, QList<Migration> steps);
    QStringList owners() const;
    int latestVersion(const QString& owner) const;
    /// Version and description of each registered step of owner, in order.
    QList<std::pair<int, QString>> steps(const QString& owner) const;
    /// Every owner recorded in the database with its version (those of modules not loaded
    /// here included), by owner name; empty for a new database.
    static Result<QList<std::pair<QString, int>>> installedVersions(const Database& database);

    /// Checks every registered owner first (SchemaTooNew before any write), then upgrades.
    Result<void> run(const Database& database) const;
    /// Runs only the given owner.
    Result<void> run(const Database& database, const QString& owner) const;

    /// Version recorded in the file for owner (0 = never installed).
    static Result<int> installedVersion(const Database& database, const QString& owner);

private:
    Result<void> runOwners(const Database& database, const QStringList& names) const;

    struct Owner
    {
        QString name;
        QList<Migration> steps;
    };
    QList<Owner> m_owners;
};

} // namespace iris
