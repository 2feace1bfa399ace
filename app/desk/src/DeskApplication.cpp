#include "app/desk/src/DeskApplication.h"

#include <QApplication>

namespace iris::shell {

int runDesk(int argc, char** argv)
{
    QApplication app(argc, argv);
    return 0;
}

} // namespace iris::shell
