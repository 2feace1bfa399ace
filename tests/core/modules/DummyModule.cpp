// One source for every dummy module of the loader tests; each target compiles it with its
// own metadata (module.json from iris_add_module) and behaviour switches:
//   IRIS_DUMMY_ID          the module id, for the call log
//   IRIS_DUMMY_FAIL_INIT   initialize() refuses to start
//   IRIS_DUMMY_UNRESOLVED  the library needs a symbol nobody defines, so it cannot load
#include "core/modules/IModule.h"
#include "core/modules/ModuleContext.h"
#include "tests/core/modules/support/ModuleCallLog.h"

#include <QObject>

using namespace Qt::StringLiterals;
using iris::test::ModuleCallLog;

#ifdef IRIS_DUMMY_UNRESOLVED
// Data, not a function: its relocation is resolved when the library is opened, even lazily.
extern "C" int iris_test_symbol_that_does_not_exist;
#endif

class DummyModule final : public QObject, public iris::IModule
{
    Q_OBJECT
    Q_PLUGIN_METADATA(IID IrisModule_iid FILE "module.json")
    Q_INTERFACES(iris::IModule)

public:
    bool initialize(iris::ModuleContext& context, QString* errorMessage) override
    {
        ModuleCallLog::append(u"initialize:"_s + id());
#ifdef IRIS_DUMMY_UNRESOLVED
        ModuleCallLog::append(QString::number(iris_test_symbol_that_does_not_exist));
#endif
#ifdef IRIS_DUMMY_FAIL_INIT
        Q_UNUSED(context);
        *errorMessage = u"base de données indisponible"_s;
        return false;
#else
        Q_UNUSED(errorMessage);
        iris::PageSpec page;
        page.id = id() + u".page"_s;
        page.title = id();
        context.pages.add(page);
        return true;
#endif
    }

    void extensionsInitialized(iris::ModuleContext& context) override
    {
        // Leaf-to-root: every module depending on this one has registered its page already.
        ModuleCallLog::append(u"extensionsInitialized:"_s + id() + u"/pages="_s
            + QString::number(context.pages.items().size()));
    }

    void aboutToShutdown() override
    {
        ModuleCallLog::append(u"aboutToShutdown:"_s + id());
    }

private:
    static QString id()
    {
        return QStringLiteral(IRIS_DUMMY_ID);
    }
};

#include "DummyModule.moc"
