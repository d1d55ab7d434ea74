// Config: a project's .plancheck.toml — which rules run, their severities,
// extra rule and lexicon directories, and defaults for --fail-on and --lang.
//
// Found as the nearest .plancheck.toml in the report's directory or above
// (or given with --config). Command-line options win over it.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "base/toml_reader.h"
#include "diag/diagnostic.h"

namespace plancheck {

struct Config {
  std::string path;                 // "" when there is none
  std::vector<std::string> enable;  // ids or groups
  std::vector<std::string> disable;
  std::vector<std::string> rule_dirs;         // resolved against the config's directory
  std::map<std::string, Severity> severity;   // rule id -> severity
  std::map<std::string, int> severity_lines;  // for error messages about unknown ids
  std::optional<std::string> fail_on;
  std::optional<std::string> lang;
  bool strict = false;
};

// Parses a config file's text; problems go to `errors`.
Config ParseConfig(std::string_view text, const std::string& path, ConfigErrors* errors);

// The nearest .plancheck.toml at `start_dir` or above, or "".
std::string FindConfig(const std::string& start_dir);

}  // namespace plancheck
