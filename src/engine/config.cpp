#include "engine/config.h"

#include <limits.h>
#include <stdlib.h>
#include <unistd.h>

namespace plancheck {

Config ParseConfig(std::string_view text, const std::string& path, ConfigErrors* errors) {
  Config config;
  config.path = path;
  std::optional<toml::table> doc = ParseToml(text, path, errors);
  if (!doc) return config;
  std::string dir = path.find('/') == std::string::npos ? "." : path.substr(0, path.rfind('/'));
  TableReader top(*doc, path, errors, "config");
  if (const toml::table* rules = top.Table("rules")) {
    TableReader r(*rules, path, errors, "[rules]");
    config.enable = r.Strings("enable");
    config.disable = r.Strings("disable");
    for (const std::string& d : r.Strings("directories"))
      config.rule_dirs.push_back(d.empty() || d[0] == '/' ? d : dir + "/" + d);
    config.strict = r.Bool("strict").value_or(false);
    r.Finish();
  }
  if (const toml::table* severity = top.Table("severity")) {
    for (const auto& [key, node] : *severity) {
      const auto* s = node.as_string();
      Severity sev;
      if (s == nullptr || !ParseSeverity(s->get(), &sev)) {
        errors->Add(path, LineOf(node),
                    "[severity]: '" + std::string(key.str()) +
                        "' must be \"error\", \"warning\" or \"note\"");
        continue;
      }
      config.severity[std::string(key.str())] = sev;
      config.severity_lines[std::string(key.str())] = LineOf(node);
    }
  }
  if (const toml::table* check = top.Table("check")) {
    TableReader c(*check, path, errors, "[check]");
    config.fail_on = c.Enum("fail_on", {"error", "warning", "note"}, std::nullopt);
    config.lang = c.Enum("lang", {"zh", "en"}, std::nullopt);
    c.Finish();
  }
  top.Finish();
  return config;
}

std::string FindConfig(const std::string& start_dir) {
  char resolved[PATH_MAX];
  if (realpath(start_dir.c_str(), resolved) == nullptr) return "";
  std::string dir = resolved;
  while (true) {
    std::string candidate = dir + "/.plancheck.toml";
    if (access(candidate.c_str(), R_OK) == 0) return candidate;
    if (dir == "/" || dir.empty()) return "";
    size_t slash = dir.rfind('/');
    dir = slash == 0 ? "/" : dir.substr(0, slash);
  }
}

}  // namespace plancheck
