#pragma once

#include "core/base/Result.h"
#include "core/demo/DemoContent.h"

#include <QList>
#include <QStringList>

#include <QDate>
#include <QString>

#include <functional>
#include <memory>

namespace iris {

class Database;
class DossierTypeRegistry;

/// What to generate. Deterministic for a given seed.
struct DemoSeedOptions
{
    int citizens = 2000;
    int contacts = 10000;
    quint64 seed = 1;
    bool withReferenceData = true;  ///< services directory, motive themes, demo agents
    /// Last day of the two years of contacts; invalid = today. The data is a function of
    /// (seed, referenceDate) only.
    QDate referenceDate;
    /// Dossier types to create demo dossiers of (none when null or empty: the core has no
    /// types of its own, modules register them).
    const DossierTypeRegistry* dossierTypes = nullptr;
    int dossiers = -1;              ///< -1 = one per 50 contacts when types are given
    /// The modules' demo content, run in this order once the core data is committed.
    QList<DemoContentSpec> moduleContent;
    /// The permissions the modules declared (their demo content runs as the system).
    std::shared_ptr<PermissionRegistry> permissions;
};

struct DemoSeedReport
{
    int citizens = 0;
    int households = 0;
    int contacts = 0;
    int dossiers = 0;
    int agents = 0;
    int services = 0;
    int motiveThemes = 0;
    QStringList moduleContent;  ///< the modules' summaries, French
    qint64 elapsedMs = 0;
};

/// Fills a migrated database with realistic synthetic French data: households,
/// phones, e-mails, addresses on real street names of Issy-les-Moulineaux, contacts
/// over two years on every channel, and the demo agents (documented passwords).
///
/// Demo agents (login / password), one per role — also in resources/demo/AGENTS.md:
///   accueil / accueil (agent d'accueil), teleconseil / teleconseil (téléconseiller),
///   social / social (travailleur social CCAS), service / service (agent de service),
///   superviseur / superviseur, admin / admin (administrateur);
///   plus c.moreau, k.benali, e.fontaine, m.diallo, l.girard, p.nguyen, i.roux, f.petit
///   with the password "demo".
class DemoSeeder
{
public:
    explicit DemoSeeder(std::shared_ptr<Database> db);
    /// progress(done, total) may be called from this thread; return false to cancel.
    Result<DemoSeedReport> seed(const DemoSeedOptions& options,
                                const std::function<bool(qint64, qint64)>& progress = {}) const;

private:
    std::shared_ptr<Database> m_db;
};

} // namespace iris
