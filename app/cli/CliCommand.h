#pragma once

#include "core/cli/CliCommand.h"

namespace iris::cli {

// The core's command groups, each in its own file; modules register theirs through
// ModuleContext::cliCommands.
void registerCitizenCommands(QList<CliCommand>& commands);   // CitizenCommands.cpp
void registerDbCommands(QList<CliCommand>& commands);        // DbCommands.cpp
void registerDemoCommands(QList<CliCommand>& commands);      // DemoCommands.cpp
void registerKbCommands(QList<CliCommand>& commands);        // KbCommands.cpp
void registerKbSyncCommands(QList<CliCommand>& commands);    // KbSyncCommands.cpp

} // namespace iris::cli
