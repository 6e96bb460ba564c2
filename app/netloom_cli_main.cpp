// netloom-cli: headless validate / train / predict / export. All logic lives in core/cli.
#include <iostream>

#include "cli/cli.h"
#include "train/cpu_threads.h"

int main(int argc, char** argv) {
    netloom::configureMalloc();
    return netloom::cli::runCli(argc, argv, std::cout, std::cerr);
}
