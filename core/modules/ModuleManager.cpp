#include "core/modules/ModuleManager.h"

#include "core/modules/IModule.h"
#include "core/modules/ModuleContext.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QJsonObject>
#include <QLibrary>
#include <QLoggingCategory>
#include <QPluginLoader>
#include <QSet>
#include <exception>
#include <functional>
#include <optional>
#include <vector>

// Only warnings (a module in error) by default: what loaded or was disabled is the host's
// to show (iris-desk --list-modules prints it once), logged only on request
// (QT_LOGGING_RULES="iris.modules.debug=true").
Q_LOGGING_CATEGORY(lcModules, "iris.modules", QtWarningMsg)

namespace iris {

namespace {

const QLatin1String filePrefix("iris-module-");

} // namespace

struct ModuleManager::Private
{
    struct Entry
    {
        ModuleSpec spec;
        std::unique_ptr<QPluginLoader> loader; // dynamic plugin; null for a static one
        std::optional<QStaticPlugin> staticPlugin;
        IModule* instance = nullptr;
    };

    QStringList disabled;
    bool includeStatic = true;
    bool staticScanned = false;
    bool loaded = false;
    bool shutDown = false;
    std::vector<std::unique_ptr<Entry>> entries; // discovery order
    QHash<QString, Entry*> byId; // first module seen with each id
    QSet<QString> seenFiles;
    QList<Entry*> initialised; // initialisation order

    Entry* add(ModuleSpec spec)
    {
        entries.push_back(std::make_unique<Entry>());
        Entry* e = entries.back().get();
        e->spec = std::move(spec);
        return e;
    }

    void fail(Entry* e, const QString& reason, ModuleState state = ModuleState::Error)
    {
        e->spec.state = state;
        e->spec.errorText = reason;
        if (state == ModuleState::Error)
            qCWarning(lcModules).noquote() << e->spec.describe();
        else
            qCInfo(lcModules).noquote() << e->spec.describe();
    }

    // Reads the metadata of a plugin and registers its id; reports what is wrong with it.
    void registerMetaData(Entry* e, const QJsonObject& metaData, const QString& fileName)
    {
        if (metaData.value(QLatin1String("IID")).toString() != QLatin1String(IrisModule_iid)) {
            fail(e,
                ModuleManager::tr(
                    "Le fichier « %1 » est un greffon Qt mais pas un module IRIS (interface « %2 »).")
                    .arg(fileName, metaData.value(QLatin1String("IID")).toString()));
            return;
        }
        QString error;
        if (!e->spec.readMetaData(metaData, &error)) {
            fail(e, error);
            return;
        }
        if (Entry* other = byId.value(e->spec.id)) {
            const QString where
                = other->spec.isStatic ? ModuleManager::tr("intégré au programme") : other->spec.filePath;
            fail(e,
                ModuleManager::tr(
                    "Un autre module porte déjà l'identifiant « %1 » (%2) : celui-ci est ignoré.")
                    .arg(e->spec.id, where));
            return;
        }
        byId.insert(e->spec.id, e);
    }

    void discoverFile(const QFileInfo& file)
    {
        const QString path = file.canonicalFilePath();
        if (seenFiles.contains(path))
            return;
        seenFiles.insert(path);

        ModuleSpec spec;
        spec.filePath = path;
        // Provisional id from the file name, until the metadata tells the real one.
        spec.id = file.fileName().mid(filePrefix.size()).section(QLatin1Char('.'), 0, 0);
        Entry* e = add(std::move(spec));
        e->loader = std::make_unique<QPluginLoader>(path);
        // Resolve every symbol at load time: a plugin built against another core fails
        // here with a clear message instead of crashing at its first call.
        e->loader->setLoadHints(QLibrary::ResolveAllSymbolsHint);

        const QJsonObject metaData = e->loader->metaData();
        if (metaData.isEmpty()) {
            fail(e,
                ModuleManager::tr("Le fichier « %1 » n'a pas pu être lu comme module : %2")
                    .arg(file.fileName(), e->loader->errorString()));
            return;
        }
        registerMetaData(e, metaData, file.fileName());
    }

    void discoverStatic()
    {
        if (staticScanned || !includeStatic)
            return;
        staticScanned = true;
        const QList<QStaticPlugin> plugins = QPluginLoader::staticPlugins();
        for (const QStaticPlugin& plugin : plugins) {
            const QJsonObject metaData = plugin.metaData();
            if (metaData.value(QLatin1String("IID")).toString() != QLatin1String(IrisModule_iid))
                continue; // some other kind of Qt plugin linked into the program
            ModuleSpec spec;
            spec.isStatic = true;
            Entry* e = add(std::move(spec));
            e->staticPlugin = plugin;
            registerMetaData(e, metaData, metaData.value(QLatin1String("className")).toString());
        }
    }

    QString nameOf(const QString& id) const
    {
        const Entry* e = byId.value(id);
        return e ? e->spec.displayName() : id;
    }

    void markDisabled()
    {
        for (const auto& e : entries) {
            if (e->spec.state == ModuleState::Found && disabled.contains(e->spec.id))
                fail(e.get(), ModuleManager::tr("Désactivé par la configuration du site."),
                    ModuleState::Disabled);
        }
    }

    void markMissingDependencies()
    {
        for (const auto& e : entries) {
            if (e->spec.state != ModuleState::Found)
                continue;
            QStringList reasons;
            for (const QString& dep : std::as_const(e->spec.dependencies)) {
                if (!byId.contains(dep)) {
                    reasons << ModuleManager::tr("Le module « %1 » requiert « %2 », qui est absent.")
                                   .arg(e->spec.displayName(), dep);
                }
            }
            if (!reasons.isEmpty())
                fail(e.get(), reasons.join(QLatin1Char(' ')));
        }
    }

    // Tarjan's strongly connected components over the modules still pending; every
    // module on a cycle is reported with the cycle spelled out.
    void markCycles()
    {
        QHash<Entry*, int> index;
        QHash<Entry*, int> low;
        QSet<Entry*> onStack;
        QList<Entry*> stack;
        int counter = 0;
        QList<QList<Entry*>> cycles;

        const auto pendingDeps = [this](Entry* e) {
            QList<Entry*> deps;
            for (const QString& id : std::as_const(e->spec.dependencies)) {
                Entry* d = byId.value(id);
                if (d && d->spec.state == ModuleState::Found)
                    deps << d;
            }
            return deps;
        };
        std::function<void(Entry*)> visit = [&](Entry* v) {
            index[v] = low[v] = counter++;
            stack << v;
            onStack.insert(v);
            for (Entry* w : pendingDeps(v)) {
                if (!index.contains(w)) {
                    visit(w);
                    low[v] = qMin(low[v], low[w]);
                } else if (onStack.contains(w)) {
                    low[v] = qMin(low[v], index[w]);
                }
            }
            if (low[v] == index[v]) {
                QList<Entry*> component;
                Entry* w = nullptr;
                do {
                    w = stack.takeLast();
                    onStack.remove(w);
                    component << w;
                } while (w != v);
                if (component.size() > 1)
                    cycles << component;
            }
        };
        for (const auto& e : entries) {
            if (e->spec.state == ModuleState::Found && byId.value(e->spec.id) == e.get()
                && !index.contains(e.get()))
                visit(e.get());
        }

        for (const QList<Entry*>& component : std::as_const(cycles)) {
            const QSet<Entry*> members(component.cbegin(), component.cend());
            // Start from the member found first on disk, follow dependencies inside the
            // component until one repeats: that is a cycle to name.
            Entry* start = nullptr;
            for (const auto& e : entries) {
                if (members.contains(e.get())) {
                    start = e.get();
                    break;
                }
            }
            QList<Entry*> path { start };
            for (;;) {
                Entry* next = nullptr;
                for (Entry* d : pendingDeps(path.back())) {
                    if (members.contains(d)) {
                        next = d;
                        break;
                    }
                }
                const qsizetype seen = path.indexOf(next);
                if (seen >= 0) {
                    path = path.mid(seen);
                    path << next;
                    break;
                }
                path << next;
            }
            QStringList names;
            for (Entry* p : std::as_const(path))
                names << p->spec.id;
            const QString message = ModuleManager::tr("Dépendance circulaire entre modules : %1.")
                                        .arg(names.join(QStringLiteral(" → ")));
            for (Entry* member : component)
                fail(member, message);
        }
    }

    // Dependencies first, in discovery order otherwise (deterministic).
    QList<Entry*> topologicalOrder()
    {
        QList<Entry*> order;
        QSet<Entry*> done;
        std::function<void(Entry*)> visit = [&](Entry* e) {
            if (done.contains(e))
                return;
            done.insert(e);
            for (const QString& id : std::as_const(e->spec.dependencies)) {
                Entry* d = byId.value(id);
                if (d && d->spec.state == ModuleState::Found)
                    visit(d);
            }
            order << e;
        };
        for (const auto& e : entries) {
            if (e->spec.state == ModuleState::Found)
                visit(e.get());
        }
        return order;
    }

    // A dependency that did not load: skip this module and say why.
    bool dependenciesLoaded(Entry* e)
    {
        for (const QString& id : std::as_const(e->spec.dependencies)) {
            const Entry* d = byId.value(id);
            if (d && d->spec.state == ModuleState::Loaded)
                continue;
            if (d && d->spec.state == ModuleState::Disabled) {
                fail(e,
                    ModuleManager::tr(
                        "Le module « %1 » est désactivé car il dépend de « %2 », qui est désactivé.")
                        .arg(e->spec.displayName(), nameOf(id)),
                    ModuleState::Disabled);
            } else {
                fail(e,
                    ModuleManager::tr(
                        "Le module « %1 » n'est pas chargé car il dépend de « %2 », qui n'a pas pu "
                        "être chargé.")
                        .arg(e->spec.displayName(), nameOf(id)));
            }
            return false;
        }
        return true;
    }

    void loadAndInitialize(Entry* e, ModuleContext& context)
    {
        QObject* object = nullptr;
        if (e->spec.isStatic) {
            object = e->staticPlugin->instance();
        } else {
            object = e->loader->instance();
            if (!object) {
                fail(e,
                    ModuleManager::tr("La bibliothèque du module « %1 » n'a pas pu être chargée : %2")
                        .arg(e->spec.displayName(), e->loader->errorString()));
                return;
            }
        }
        IModule* module = qobject_cast<IModule*>(object);
        if (!module) {
            fail(e,
                ModuleManager::tr("Le module « %1 » ne fournit pas l'interface des modules IRIS.")
                    .arg(e->spec.displayName()));
            return;
        }
        QString error;
        bool ok = false;
        try {
            ok = module->initialize(context, &error);
        } catch (const std::exception& ex) {
            error = QString::fromLocal8Bit(ex.what());
        } catch (...) {
            error = ModuleManager::tr("exception inconnue");
        }
        if (!ok) {
            fail(e,
                error.isEmpty() ? ModuleManager::tr("L'initialisation du module « %1 » a échoué.")
                                      .arg(e->spec.displayName())
                                : ModuleManager::tr("L'initialisation du module « %1 » a échoué : %2")
                                      .arg(e->spec.displayName(), error));
            return;
        }
        e->instance = module;
        e->spec.state = ModuleState::Loaded;
        e->spec.errorText.clear();
        initialised << e;
        qCDebug(lcModules).noquote() << e->spec.describe();
    }
};

ModuleManager::ModuleManager()
    : d(std::make_unique<Private>())
{
}

ModuleManager::~ModuleManager()
{
    if (d->loaded)
        shutdown();
}

void ModuleManager::setDisabledModules(const QStringList& ids)
{
    d->disabled = ids;
}

QStringList ModuleManager::disabledModules() const
{
    return d->disabled;
}

void ModuleManager::setIncludeStaticPlugins(bool include)
{
    d->includeStatic = include;
}

void ModuleManager::discover(const QStringList& directories)
{
    if (d->loaded) {
        qCWarning(lcModules) << "discover() after loadAll() is ignored";
        return;
    }
    for (const QString& directory : directories) {
        const QDir dir(directory);
        const QFileInfoList files
            = dir.entryInfoList({ filePrefix + QLatin1Char('*') }, QDir::Files | QDir::Readable, QDir::Name);
        for (const QFileInfo& file : files) {
            if (QLibrary::isLibrary(file.fileName()))
                d->discoverFile(file);
        }
    }
    d->discoverStatic();
}

void ModuleManager::loadAll(ModuleContext& context)
{
    if (d->loaded) {
        qCWarning(lcModules) << "loadAll() called twice; ignored";
        return;
    }
    d->loaded = true;
    d->markDisabled();
    d->markMissingDependencies();
    d->markCycles();
    const QList<Private::Entry*> order = d->topologicalOrder();
    for (Private::Entry* e : order) {
        if (d->dependenciesLoaded(e))
            d->loadAndInitialize(e, context);
    }
    // Leaf-to-root: a module sees everything its dependants registered in initialize().
    for (auto it = d->initialised.crbegin(); it != d->initialised.crend(); ++it) {
        try {
            (*it)->instance->extensionsInitialized(context);
        } catch (const std::exception& ex) {
            qCWarning(lcModules) << "extensionsInitialized() of" << (*it)->spec.id << "threw:" << ex.what();
        }
    }
}

void ModuleManager::shutdown()
{
    if (!d->loaded || d->shutDown)
        return;
    d->shutDown = true;
    for (auto it = d->initialised.crbegin(); it != d->initialised.crend(); ++it) {
        try {
            (*it)->instance->aboutToShutdown();
        } catch (const std::exception& ex) {
            qCWarning(lcModules) << "aboutToShutdown() of" << (*it)->spec.id << "threw:" << ex.what();
        }
    }
}

QList<ModuleSpec> ModuleManager::modules() const
{
    QList<ModuleSpec> specs;
    for (const Private::Entry* e : std::as_const(d->initialised))
        specs << e->spec;
    for (const auto& e : d->entries) {
        if (!d->initialised.contains(e.get()))
            specs << e->spec;
    }
    return specs;
}

const ModuleSpec* ModuleManager::spec(const QString& id) const
{
    const Private::Entry* e = d->byId.value(id);
    return e ? &e->spec : nullptr;
}

IModule* ModuleManager::module(const QString& id) const
{
    const Private::Entry* e = d->byId.value(id);
    return e ? e->instance : nullptr;
}

QStringList ModuleManager::loadOrder() const
{
    QStringList ids;
    for (const Private::Entry* e : std::as_const(d->initialised))
        ids << e->spec.id;
    return ids;
}

QString ModuleManager::describe() const
{
    QStringList lines;
    const QList<ModuleSpec> specs = modules();
    for (const ModuleSpec& s : specs)
        lines << s.describe();
    return lines.join(QLatin1Char('\n'));
}

} // namespace iris
