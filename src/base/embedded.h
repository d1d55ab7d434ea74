// Files compiled into the binary: the default rules and lexicon under rules/.
// Generated at build time by cmake/embed.cmake.
#pragma once

#include <string_view>
#include <vector>

namespace plancheck {

struct EmbeddedFile {
  std::string_view path;  // "rules/units.toml"
  std::string_view text;
};

const std::vector<EmbeddedFile>& EmbeddedFiles();

}  // namespace plancheck
