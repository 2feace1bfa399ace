// A module linked into the test executable (QStaticPlugin), as a site build could do.
#include "core/modules/IModule.h"
#include "core/modules/ModuleContext.h"
#include "tests/core/modules/support/ModuleCallLog.h"

#include <QObject>

using namespace Qt::StringLiterals;
using iris::test::ModuleCallLog;

class StaticDummyModule final : public QObject, public iris::IModule
{
    Q_OBJECT
    Q_PLUGIN_METADATA(IID IrisModule_iid FILE "StaticModule.json")
    Q_INTERFACES(iris::IModule)

public:
    bool initialize(iris::ModuleContext& context, QString* errorMessage) override
    {
        Q_UNUSED(errorMessage);
        ModuleCallLog::append(u"initialize:statique"_s);
        iris::PageSpec page;
        page.id = u"statique.page"_s;
        context.pages.add(page);
        return true;
    }
    void extensionsInitialized(iris::ModuleContext& context) override
    {
        ModuleCallLog::append(
            u"extensionsInitialized:statique/pages="_s + QString::number(context.pages.items().size()));
    }
    void aboutToShutdown() override { ModuleCallLog::append(u"aboutToShutdown:statique"_s); }
};

#include "StaticModule.moc"
