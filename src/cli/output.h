// Writing results: to standard output, or to a file through a temporary
// name in its directory renamed into place, so that an interrupted run never
// leaves a half-written file. A symbolic link is written through to its
// target (the link stays); a device, FIFO or socket (/dev/null,
// /dev/stdout) is written to directly; a path that is one of the run's
// inputs is refused. Write errors, standard output's included, are errors.
#pragma once

#include <string>
#include <vector>

#include "base/status.h"

namespace plancheck {

// `inputs` are the paths the run reads ("-" is standard input): the output
// may not be any of them.
Status WriteOutput(const std::string& path, const std::string& content,
                   const std::vector<std::string>& inputs = {});

}  // namespace plancheck
