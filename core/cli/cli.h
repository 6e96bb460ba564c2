#pragma once
// netloom-cli: the headless face of the engine. The executable in app/ only calls runCli.
#include <ostream>

namespace netloom::cli {

// Exit codes: 0 success, 1 the project is invalid or the work failed, 2 unreadable input or bad usage.
int runCli(int argc, char** argv, std::ostream& out, std::ostream& err);

}  // namespace netloom::cli
