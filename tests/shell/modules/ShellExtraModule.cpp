#include "ShellExtraModule.h"

#include "core/modules/ModuleContext.h"

#include <QLabel>

using namespace Qt::StringLiterals;

namespace iris::shelltest {

bool ShellExtraModule::initialize(ModuleContext& context, QString* errorMessage)
{
    Q_UNUSED(context);
    Q_UNUSED(errorMessage);
    return true;
}

void ShellExtraModule::extensionsInitialized(ModuleContext& context)
{
    PageSpec page;
    page.id = u"shelltest-extra.page"_s;
    page.title = u"Page complémentaire"_s;
    page.order = 30;
    page.create = [](QWidget* parent) {
        auto* label = new QLabel(u"Page complémentaire"_s, parent);
        label->setObjectName(u"shellExtraPage"_s);
        return label;
    };
    context.pages.add(page);
}

} // namespace iris::shelltest
