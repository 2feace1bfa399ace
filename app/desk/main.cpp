#include "app/desk/src/DeskApplication.h"

int main(int argc, char** argv)
{
    return iris::shell::runDesk(argc, argv);
}
