// The toml++ adapter: parses TOML text without exceptions and reads typed keys
// with validation, recording every problem as "path:line: error: message".
//
// A TableReader remembers which keys were asked for; Finish() reports every
// other key in the table as unknown, with "did you mean". This is how rule and
// lexicon files get all their errors reported at load, each with its line.
#pragma once

#define TOML_EXCEPTIONS 0
#include <toml++/toml.h>

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace plancheck {

struct ConfigError {
  std::string path;
  int line = 0;
  std::string message;
  std::string Format() const;  // "path:line: error: message"
};

class ConfigErrors {
 public:
  void Add(const std::string& path, int line, std::string message) {
    errors_.push_back(ConfigError{path, line, std::move(message)});
  }
  bool empty() const { return errors_.empty(); }
  const std::vector<ConfigError>& all() const { return errors_; }

 private:
  std::vector<ConfigError> errors_;
};

// Parses `text`; on a syntax error records it (with toml++'s line) and
// returns nullopt.
std::optional<toml::table> ParseToml(std::string_view text, const std::string& path,
                                     ConfigErrors* errors);

int LineOf(const toml::node& node);

// The offset of the first non-ASCII byte outside TOML strings and comments,
// or npos. (Outside them TOML is ASCII.)
size_t FindNonAsciiOutsideStrings(std::string_view text);

class TableReader {
 public:
  // `what` names the table in messages ("rule 'x'", "[[unit]]").
  TableReader(const toml::table& table, const std::string& path, ConfigErrors* errors,
              std::string what);

  const toml::table& table() const { return table_; }
  const std::string& path() const { return path_; }
  ConfigErrors* errors() const { return errors_; }
  int line() const { return LineOf(table_); }
  void Error(int line, const std::string& message) const;

  std::optional<std::string> String(std::string_view key, bool required = false);
  // A string or an array of strings.
  std::vector<std::string> Strings(std::string_view key);
  std::optional<double> Number(std::string_view key);
  std::optional<int64_t> Integer(std::string_view key);
  std::optional<bool> Bool(std::string_view key);
  const toml::table* Table(std::string_view key);
  const toml::array* Array(std::string_view key);
  // The line of `key` if present, else the table's line.
  int LineOfKey(std::string_view key) const;
  // Checks that a string value is one of `allowed`.
  std::optional<std::string> Enum(std::string_view key, const std::vector<std::string>& allowed,
                                  std::optional<std::string> fallback);

  // Reports keys present but never asked for.
  void Finish();

 private:
  const toml::node* Get(std::string_view key);
  void TypeError(std::string_view key, const toml::node& node, const char* expected) const;

  const toml::table& table_;
  std::string path_;
  ConfigErrors* errors_;
  std::string what_;
  std::set<std::string, std::less<>> known_;
};

}  // namespace plancheck
