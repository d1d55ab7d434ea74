// Writing results: to standard output, or to a file through a temporary
// name renamed into place, so that an interrupted run never leaves a
// half-written file and never writes over its input.
#pragma once

#include <string>

#include "base/status.h"

namespace plancheck {

Status WriteOutput(const std::string& path, const std::string& content);

}  // namespace plancheck
