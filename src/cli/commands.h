// The subcommands of plancheck and the table that drives both dispatch and
// help.
#pragma once

namespace plancheck {

// Runs the command line; returns the exit status.
int RunCli(int argc, char** argv);

}  // namespace plancheck
