// plancheck's command line: subcommands, options, output and exit status.
//
// Exit status: 0 clean, 1 findings at or above --fail-on, 2 usage, input
// or rule-file errors, 3 internal error.
#include <unistd.h>

#include <boost/program_options.hpp>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "cli/commands.h"

int main(int argc, char** argv) {
  try {
    return plancheck::RunCli(argc, argv);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "plancheck: internal error: %s\n", e.what());
    return 3;
  } catch (...) {
    std::fprintf(stderr, "plancheck: internal error\n");
    return 3;
  }
}
