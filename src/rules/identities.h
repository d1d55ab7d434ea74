// Named identities: the fields two facts must share to be figures of one
// thing (rules/identities.toml). A compare rule joins by one with `same =
// "NAME"` (names and single fields may be mixed: same = ["outcome",
// "year"]); the audit table pairs a target with its result by `outcome`,
// so the table and the rules that judge the same pairs cannot drift apart.
//
// Identities are data, loaded before any rule: the built-in file, then an
// identities.toml of a --rules directory, whose names may redefine the
// built-in ones.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "base/toml_reader.h"

namespace plancheck {

class Identities {
 public:
  // The identity the audit table pairs targets and results by.
  static constexpr const char* kOutcome = "outcome";

  // Reads `[identity] NAME = ["field", …]`; problems go to `errors` with
  // the file's line.
  void Load(std::string_view text, const std::string& path, ConfigErrors* errors);
  // What is loaded so far may be redefined by a later file.
  void MarkBuiltin();

  // The fields (indices into FieldTable()) of an identity; null if none.
  const std::vector<int>* Find(std::string_view name) const;
  // `entries`, each an identity or a field, as fields in order without
  // repeats; an error names the entry and the nearest name.
  Result<std::vector<int>> Resolve(const std::vector<std::string>& entries) const;

 private:
  struct Entry {
    std::vector<int> fields;
    bool builtin = false;
    std::string where;  // path:line of its definition
  };
  std::map<std::string, Entry, std::less<>> entries_;
};

}  // namespace plancheck
