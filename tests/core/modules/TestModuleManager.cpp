#include "core/modules/IModule.h"
#include "core/modules/ModuleContext.h"
#include "core/modules/ModuleManager.h"
#include "tests/core/modules/support/ModuleCallLog.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <QtPlugin>

Q_IMPORT_PLUGIN(StaticDummyModule)

using namespace Qt::StringLiterals;
using namespace iris;
using iris::test::ModuleCallLog;

// Runs the real loader over folders of real plugin libraries (built by CMakeLists.txt),
// one folder per scenario.
class TestModuleManager final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void goodSetLoadsInDependencyOrder();
    void missingDependency();
    void cycleIsNamed();
    void brokenLibraries();
    void failingInitialize();
    void disabledModule();
    void disabledRootDisablesItsDependants();
    void duplicateId();
    void staticPluginJoinsDynamicOnes();
    void emptyOrMissingFolder();
    void describeListsEveryModule();
    void destructorShutsDown();
    void metadataIsChecked();
    void specDescribesItself();

private:
    static QString setDir(const QString& name)
    {
        return QStringLiteral(IRIS_MODULESETS_DIR) + QLatin1Char('/') + name;
    }
    static const ModuleSpec& find(const QList<ModuleSpec>& specs, const QString& id)
    {
        for (const ModuleSpec& s : specs) {
            if (s.id == id)
                return s;
        }
        static const ModuleSpec none;
        return none;
    }
    static QStringList pageIds(const ModuleContext& context)
    {
        QStringList ids;
        for (const PageSpec& p : context.pages.items())
            ids << p.id;
        return ids;
    }
};

void TestModuleManager::init()
{
    ModuleCallLog::clear();
}

void TestModuleManager::goodSetLoadsInDependencyOrder()
{
    ModuleManager manager;
    manager.setIncludeStaticPlugins(false);
    manager.discover({ setDir(u"good"_s) });
    // Metadata is read without loading anything.
    QVERIFY(ModuleCallLog::entries().isEmpty());
    QCOMPARE(manager.modules().size(), 3);
    for (const ModuleSpec& s : manager.modules())
        QCOMPARE(s.state, ModuleState::Found);

    ModuleContext context;
    manager.loadAll(context);

    QCOMPARE(manager.loadOrder(), (QStringList { u"socle"_s, u"registre"_s, u"accueil"_s }));
    QCOMPARE(
        ModuleCallLog::entries(u"initialize:"_s), (QStringList { u"socle"_s, u"registre"_s, u"accueil"_s }));
    // Leaf-to-root, each seeing every page registered during initialize().
    QCOMPARE(ModuleCallLog::entries(u"extensionsInitialized:"_s),
        (QStringList { u"accueil/pages=3"_s, u"registre/pages=3"_s, u"socle/pages=3"_s }));
    QCOMPARE(pageIds(context), (QStringList { u"socle.page"_s, u"registre.page"_s, u"accueil.page"_s }));
    QVERIFY(ModuleCallLog::entries(u"aboutToShutdown:"_s).isEmpty());

    const QList<ModuleSpec> specs = manager.modules();
    QCOMPARE(specs.size(), 3);
    QCOMPARE(specs.at(0).id, u"socle"_s);
    for (const ModuleSpec& s : specs) {
        QCOMPARE(s.state, ModuleState::Loaded);
        QCOMPARE(s.stateLabel(), u"Chargé"_s);
        QVERIFY(s.errorText.isEmpty());
        QVERIFY(!s.isStatic);
        QCOMPARE(QFileInfo(s.filePath).fileName(), u"iris-module-"_s + s.id + u".so"_s);
        QCOMPARE(s.description, u"Module factice des tests du chargeur"_s);
        QVERIFY(manager.module(s.id));
    }
    const ModuleSpec* socle = manager.spec(u"socle"_s);
    QVERIFY(socle);
    QCOMPARE(socle->name, u"Socle"_s);
    QCOMPARE(socle->version, u"2.1.0"_s);
    QVERIFY(socle->dependencies.isEmpty());
    QCOMPARE(manager.spec(u"accueil"_s)->dependencies, QStringList { u"registre"_s });
    QVERIFY(!manager.spec(u"nope"_s));
    QVERIFY(!manager.module(u"nope"_s));

    manager.shutdown();
    QCOMPARE(ModuleCallLog::entries(u"aboutToShutdown:"_s),
        (QStringList { u"accueil"_s, u"registre"_s, u"socle"_s }));
    manager.shutdown(); // idempotent
    QCOMPARE(ModuleCallLog::entries(u"aboutToShutdown:"_s).size(), 3);
    QCOMPARE(ModuleCallLog::entries().size(), 9);
}

void TestModuleManager::missingDependency()
{
    ModuleManager manager;
    manager.setIncludeStaticPlugins(false);
    manager.discover({ setDir(u"missing"_s) });
    ModuleContext context;
    manager.loadAll(context);

    const QList<ModuleSpec> specs = manager.modules();
    QCOMPARE(find(specs, u"orphelin"_s).state, ModuleState::Error);
    QCOMPARE(find(specs, u"orphelin"_s).stateLabel(), u"Erreur"_s);
    QCOMPARE(find(specs, u"orphelin"_s).errorText,
        u"Le module « Orphelin » requiert « fantome », qui est absent."_s);
    QCOMPARE(find(specs, u"heritier"_s).state, ModuleState::Error);
    QCOMPARE(find(specs, u"heritier"_s).errorText,
        u"Le module « Héritier » n'est pas chargé car il dépend de « Orphelin », qui n'a pas pu être chargé."_s);
    QCOMPARE(find(specs, u"autonome"_s).state, ModuleState::Loaded);
    QCOMPARE(manager.loadOrder(), QStringList { u"autonome"_s });
    QCOMPARE(ModuleCallLog::entries(u"initialize:"_s), QStringList { u"autonome"_s });
    QVERIFY(!manager.module(u"orphelin"_s));
}

void TestModuleManager::cycleIsNamed()
{
    ModuleManager manager;
    manager.setIncludeStaticPlugins(false);
    manager.discover({ setDir(u"cycle"_s) });
    ModuleContext context;
    manager.loadAll(context);

    const QList<ModuleSpec> specs = manager.modules();
    // Named from the first member found on disk (files in name order), following dependencies.
    const QString cycle = u"Dépendance circulaire entre modules : ciseaux → pierre → papier → ciseaux."_s;
    for (const QString& id : { u"pierre"_s, u"papier"_s, u"ciseaux"_s }) {
        QCOMPARE(find(specs, id).state, ModuleState::Error);
        QCOMPARE(find(specs, id).errorText, cycle);
    }
    QCOMPARE(find(specs, u"spectateur"_s).state, ModuleState::Error);
    QCOMPARE(find(specs, u"spectateur"_s).errorText,
        u"Le module « Spectateur » n'est pas chargé car il dépend de « Pierre », qui n'a pas pu être chargé."_s);
    QCOMPARE(find(specs, u"libre"_s).state, ModuleState::Loaded);
    QCOMPARE(ModuleCallLog::entries(u"initialize:"_s), QStringList { u"libre"_s });
}

void TestModuleManager::brokenLibraries()
{
    ModuleManager manager;
    manager.setIncludeStaticPlugins(false);
    manager.discover({ setDir(u"broken"_s) });
    ModuleContext context;
    manager.loadAll(context);

    const QList<ModuleSpec> specs = manager.modules();
    QCOMPARE(specs.size(), 4);

    // Not a library at all: reported by file name, id taken from the file name.
    const ModuleSpec& casse = find(specs, u"casse"_s);
    QCOMPARE(casse.state, ModuleState::Error);
    QVERIFY2(casse.errorText.startsWith(
                 u"Le fichier « iris-module-casse.so » n'a pas pu être lu comme module : "_s),
        qPrintable(casse.errorText));
    QVERIFY(casse.errorText.size() > 70); // the loader's own explanation follows
    QVERIFY(casse.filePath.endsWith(u"/broken/iris-module-casse.so"_s));

    // A real plugin whose library cannot be loaded: the loader's message names the symbol.
    const ModuleSpec& introuvable = find(specs, u"introuvable"_s);
    QCOMPARE(introuvable.state, ModuleState::Error);
    QCOMPARE(introuvable.name, u"Introuvable"_s); // metadata was read without loading
    QVERIFY2(introuvable.errorText.startsWith(
                 u"La bibliothèque du module « Introuvable » n'a pas pu être chargée : "_s),
        qPrintable(introuvable.errorText));
    QVERIFY2(introuvable.errorText.contains(u"iris_test_symbol_that_does_not_exist"_s),
        qPrintable(introuvable.errorText));

    QCOMPARE(find(specs, u"dependant"_s).state, ModuleState::Error);
    QCOMPARE(find(specs, u"dependant"_s).errorText,
        u"Le module « Dépendant » n'est pas chargé car il dépend de « Introuvable », qui n'a pas pu être chargé."_s);
    QCOMPARE(find(specs, u"sain"_s).state, ModuleState::Loaded);
    QCOMPARE(ModuleCallLog::entries(u"initialize:"_s), QStringList { u"sain"_s });
}

void TestModuleManager::failingInitialize()
{
    ModuleManager manager;
    manager.setIncludeStaticPlugins(false);
    manager.discover({ setDir(u"initfail"_s) });
    ModuleContext context;
    manager.loadAll(context);

    const QList<ModuleSpec> specs = manager.modules();
    QCOMPARE(find(specs, u"fragile"_s).state, ModuleState::Error);
    QCOMPARE(find(specs, u"fragile"_s).errorText,
        u"L'initialisation du module « Fragile » a échoué : base de données indisponible"_s);
    QCOMPARE(find(specs, u"appui"_s).state, ModuleState::Error);
    QCOMPARE(find(specs, u"appui"_s).errorText,
        u"Le module « Appui » n'est pas chargé car il dépend de « Fragile », qui n'a pas pu être chargé."_s);
    QCOMPARE(find(specs, u"robuste"_s).state, ModuleState::Loaded);

    // fragile's initialize() ran and failed; it gets no later call.
    QCOMPARE(ModuleCallLog::entries(u"initialize:"_s), (QStringList { u"fragile"_s, u"robuste"_s }));
    QCOMPARE(ModuleCallLog::entries(u"extensionsInitialized:"_s), QStringList { u"robuste/pages=1"_s });
    manager.shutdown();
    QCOMPARE(ModuleCallLog::entries(u"aboutToShutdown:"_s), QStringList { u"robuste"_s });
    QCOMPARE(pageIds(context), QStringList { u"robuste.page"_s });
}

void TestModuleManager::disabledModule()
{
    ModuleManager manager;
    manager.setIncludeStaticPlugins(false);
    manager.setDisabledModules({ u"accueil"_s });
    QCOMPARE(manager.disabledModules(), QStringList { u"accueil"_s });
    manager.discover({ setDir(u"good"_s) });
    ModuleContext context;
    manager.loadAll(context);

    const QList<ModuleSpec> specs = manager.modules();
    QCOMPARE(find(specs, u"accueil"_s).state, ModuleState::Disabled);
    QCOMPARE(find(specs, u"accueil"_s).stateLabel(), u"Désactivé"_s);
    QCOMPARE(find(specs, u"accueil"_s).errorText, u"Désactivé par la configuration du site."_s);
    QCOMPARE(manager.loadOrder(), (QStringList { u"socle"_s, u"registre"_s }));
    QCOMPARE(ModuleCallLog::entries(u"initialize:"_s), (QStringList { u"socle"_s, u"registre"_s }));
}

void TestModuleManager::disabledRootDisablesItsDependants()
{
    ModuleManager manager;
    manager.setIncludeStaticPlugins(false);
    manager.setDisabledModules({ u"registre"_s });
    manager.discover({ setDir(u"good"_s) });
    ModuleContext context;
    manager.loadAll(context);

    const QList<ModuleSpec> specs = manager.modules();
    QCOMPARE(find(specs, u"socle"_s).state, ModuleState::Loaded);
    QCOMPARE(find(specs, u"registre"_s).state, ModuleState::Disabled);
    QCOMPARE(find(specs, u"registre"_s).errorText, u"Désactivé par la configuration du site."_s);
    QCOMPARE(find(specs, u"accueil"_s).state, ModuleState::Disabled);
    QCOMPARE(find(specs, u"accueil"_s).errorText,
        u"Le module « Accueil » est désactivé car il dépend de « Registre », qui est désactivé."_s);
    QCOMPARE(ModuleCallLog::entries(u"initialize:"_s), QStringList { u"socle"_s });
}

void TestModuleManager::duplicateId()
{
    ModuleManager manager;
    manager.setIncludeStaticPlugins(false);
    manager.discover({ setDir(u"good"_s), setDir(u"duplicate"_s) });
    ModuleContext context;
    manager.loadAll(context);

    const QList<ModuleSpec> specs = manager.modules();
    QCOMPARE(specs.size(), 4);
    const ModuleSpec& bis = specs.last();
    QCOMPARE(bis.id, u"socle"_s);
    QCOMPARE(bis.version, u"9.9.9"_s);
    QCOMPARE(bis.state, ModuleState::Error);
    const QString first = QFileInfo(setDir(u"good"_s) + u"/iris-module-socle.so"_s).canonicalFilePath();
    QCOMPARE(bis.errorText,
        u"Un autre module porte déjà l'identifiant « socle » (%1) : celui-ci est ignoré."_s.arg(first));
    // The first one found is the one used.
    QCOMPARE(manager.spec(u"socle"_s)->version, u"2.1.0"_s);
    QCOMPARE(manager.loadOrder(), (QStringList { u"socle"_s, u"registre"_s, u"accueil"_s }));
}

void TestModuleManager::staticPluginJoinsDynamicOnes()
{
    ModuleManager manager; // static plugins included by default
    manager.discover({ setDir(u"good"_s) });
    manager.discover({ setDir(u"good"_s) }); // a second scan adds nothing
    QCOMPARE(manager.modules().size(), 4);
    ModuleContext context;
    manager.loadAll(context);

    QCOMPARE(manager.loadOrder(), (QStringList { u"socle"_s, u"registre"_s, u"accueil"_s, u"statique"_s }));
    const ModuleSpec* statique = manager.spec(u"statique"_s);
    QVERIFY(statique);
    QVERIFY(statique->isStatic);
    QVERIFY(statique->filePath.isEmpty());
    QCOMPARE(statique->name, u"Module intégré"_s);
    QCOMPARE(statique->state, ModuleState::Loaded);
    QCOMPARE(ModuleCallLog::entries(u"extensionsInitialized:"_s).first(), u"statique/pages=4"_s);
    manager.shutdown();
    QCOMPARE(ModuleCallLog::entries(u"aboutToShutdown:"_s).first(), u"statique"_s);

    // Without its dependency the static module is reported like any other.
    ModuleCallLog::clear();
    ModuleManager alone;
    alone.discover({});
    ModuleContext otherContext;
    alone.loadAll(otherContext);
    QCOMPARE(alone.spec(u"statique"_s)->state, ModuleState::Error);
    QCOMPARE(alone.spec(u"statique"_s)->errorText,
        u"Le module « Module intégré » requiert « accueil », qui est absent."_s);
}

void TestModuleManager::emptyOrMissingFolder()
{
    QTemporaryDir empty;
    QVERIFY(empty.isValid());
    // Files that are not named like modules are ignored.
    QFile readme(empty.filePath(u"LISEZMOI.txt"_s));
    QVERIFY(readme.open(QIODevice::WriteOnly));
    readme.write("rien ici\n");
    readme.close();

    ModuleManager manager;
    manager.setIncludeStaticPlugins(false);
    manager.discover({ empty.path(), empty.filePath(u"absent"_s) });
    ModuleContext context;
    manager.loadAll(context);
    QVERIFY(manager.modules().isEmpty());
    QVERIFY(manager.loadOrder().isEmpty());
    QCOMPARE(manager.describe(), QString());
}

void TestModuleManager::describeListsEveryModule()
{
    ModuleManager manager;
    manager.setIncludeStaticPlugins(false);
    manager.setDisabledModules({ u"robuste"_s });
    manager.discover({ setDir(u"initfail"_s), setDir(u"missing"_s) });
    ModuleContext context;
    manager.loadAll(context);

    const QStringList lines = manager.describe().split(QLatin1Char('\n'));
    // Loaded first (in load order), then the others in discovery order.
    QCOMPARE(lines,
        (QStringList {
            u"autonome 1.0.0 — Autonome — Chargé"_s,
            u"appui 1.0.0 — Appui — Erreur : Le module « Appui » n'est pas chargé car il dépend de « Fragile », qui n'a pas pu être chargé."_s,
            u"fragile 1.0.0 — Fragile — Erreur : L'initialisation du module « Fragile » a échoué : base de données indisponible"_s,
            u"robuste 1.0.0 — Robuste — Désactivé : Désactivé par la configuration du site."_s,
            u"heritier 1.0.0 — Héritier — Erreur : Le module « Héritier » n'est pas chargé car il dépend de « Orphelin », qui n'a pas pu être chargé."_s,
            u"orphelin 1.0.0 — Orphelin — Erreur : Le module « Orphelin » requiert « fantome », qui est absent."_s,
        }));
}

void TestModuleManager::destructorShutsDown()
{
    {
        ModuleManager manager;
        manager.setIncludeStaticPlugins(false);
        manager.discover({ setDir(u"good"_s) });
        ModuleContext context;
        manager.loadAll(context);
        manager.loadAll(context); // a second call is ignored
        QCOMPARE(ModuleCallLog::entries(u"initialize:"_s).size(), 3);
    }
    QCOMPARE(ModuleCallLog::entries(u"aboutToShutdown:"_s),
        (QStringList { u"accueil"_s, u"registre"_s, u"socle"_s }));
}

void TestModuleManager::metadataIsChecked()
{
    const auto meta = [](const QJsonValue& id, const QJsonValue& deps) {
        QJsonObject inner { { u"name"_s, u"État civil"_s }, { u"version"_s, u"0.3.0"_s } };
        if (!id.isUndefined())
            inner.insert(u"id"_s, id);
        if (!deps.isUndefined())
            inner.insert(u"dependencies"_s, deps);
        return QJsonObject { { u"IID"_s, QLatin1String(IrisModule_iid) }, { u"MetaData"_s, inner } };
    };
    ModuleSpec spec;
    QString error;
    QVERIFY(spec.readMetaData(meta(u"etatcivil"_s, QJsonArray { u"usagers"_s, u"usagers"_s }), &error));
    QCOMPARE(spec.id, u"etatcivil"_s);
    QCOMPARE(spec.name, u"État civil"_s);
    QCOMPARE(spec.version, u"0.3.0"_s);
    QCOMPARE(spec.dependencies, QStringList { u"usagers"_s }); // duplicates collapsed
    QVERIFY(spec.readMetaData(meta(u"etatcivil"_s, QJsonValue(QJsonValue::Undefined)), &error));
    QVERIFY(spec.dependencies.isEmpty());

    QVERIFY(!ModuleSpec().readMetaData(meta(QJsonValue(QJsonValue::Undefined), QJsonArray {}), &error));
    QCOMPARE(error, u"Les métadonnées du module n'indiquent pas d'identifiant (« id »)."_s);
    QVERIFY(!ModuleSpec().readMetaData(meta(u"EtatCivil"_s, QJsonArray {}), &error));
    QVERIFY(error.startsWith(u"L'identifiant de module « EtatCivil » n'est pas valide"_s));
    QVERIFY(!ModuleSpec().readMetaData(meta(u"etatcivil"_s, u"usagers"_s), &error));
    QCOMPARE(error, u"Les dépendances du module « etatcivil » doivent être une liste d'identifiants."_s);
    QVERIFY(!ModuleSpec().readMetaData(meta(u"etatcivil"_s, QJsonArray { 42 }), &error));
    QCOMPARE(error, u"Le module « etatcivil » déclare une dépendance qui n'est pas un identifiant valide."_s);
    QVERIFY(!ModuleSpec().readMetaData(meta(u"etatcivil"_s, QJsonArray { u"etatcivil"_s }), &error));
    QCOMPARE(error, u"Le module « etatcivil » dépend de lui-même."_s);

    QVERIFY(ModuleSpec::isValidId(u"usagers"_s));
    QVERIFY(ModuleSpec::isValidId(u"etat-civil_2.b"_s));
    QVERIFY(!ModuleSpec::isValidId(u"2fa"_s));
    QVERIFY(!ModuleSpec::isValidId(u"crèches"_s));
    QVERIFY(!ModuleSpec::isValidId(QString()));
}

void TestModuleManager::specDescribesItself()
{
    QCOMPARE(moduleStateLabel(ModuleState::Found), u"Trouvé"_s);
    QCOMPARE(moduleStateLabel(ModuleState::Loaded), u"Chargé"_s);
    QCOMPARE(moduleStateLabel(ModuleState::Disabled), u"Désactivé"_s);
    QCOMPARE(moduleStateLabel(ModuleState::Error), u"Erreur"_s);
    ModuleSpec spec;
    spec.id = u"creches"_s;
    QCOMPARE(spec.displayName(), u"creches"_s);
    QCOMPARE(spec.describe(), u"creches ? — Trouvé"_s);
    spec.name = u"Crèches"_s;
    spec.version = u"1.0.0"_s;
    QCOMPARE(spec.displayName(), u"Crèches"_s);
    QCOMPARE(spec.describe(), u"creches 1.0.0 — Crèches — Trouvé"_s);
}

QTEST_GUILESS_MAIN(TestModuleManager)
#include "TestModuleManager.moc"
