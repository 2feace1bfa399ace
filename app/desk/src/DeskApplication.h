#pragma once

namespace iris::shell {

/// Parses the command line, opens the site database (creating and seeding the demo
/// database on first start), loads the modules, logs in and runs the main window.
int runDesk(int argc, char** argv);

} // namespace iris::shell
