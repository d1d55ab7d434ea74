#include "base/toml_reader.h"

#include <algorithm>
#include <sstream>

#include "base/spell.h"
#include "base/utf8.h"

namespace plancheck {

std::string ConfigError::Format() const {
  return path + (line > 0 ? ":" + std::to_string(line) : std::string()) + ": error: " + message;
}

size_t FindNonAsciiOutsideStrings(std::string_view text) {
  size_t i = 0;
  const size_t n = text.size();
  auto starts = [&](size_t at, std::string_view w) { return text.substr(at, w.size()) == w; };
  while (i < n) {
    char c = text[i];
    if (c == '#') {
      while (i < n && text[i] != '\n') ++i;
    } else if (starts(i, "\"\"\"") || starts(i, "'''")) {
      std::string_view close = text.substr(i, 3);
      bool basic = c == '"';
      i += 3;
      while (i < n && !starts(i, close)) i += (basic && text[i] == '\\') ? 2 : 1;
      i += 3;
      // A closing delimiter may be followed by up to two quotes of content.
      while (i < n && text[i] == c) ++i;
    } else if (c == '"' || c == '\'') {
      ++i;
      while (i < n && text[i] != c && text[i] != '\n') i += (c == '"' && text[i] == '\\') ? 2 : 1;
      ++i;
    } else if (static_cast<unsigned char>(c) >= 0x80) {
      return i;
    } else {
      ++i;
    }
  }
  return std::string_view::npos;
}

std::optional<toml::table> ParseToml(std::string_view text, const std::string& path,
                                     ConfigErrors* errors) {
  // toml++ must only see valid UTF-8: on malformed input it reaches
  // undefined behaviour (found by fuzzing, tests/fuzz/fuzz_rules).
  if (size_t bad = FindInvalidUtf8(text); bad != std::string_view::npos) {
    int line = 1 + static_cast<int>(std::count(text.begin(), text.begin() + bad, '\n'));
    errors->Add(path, line,
                "invalid UTF-8 at byte offset " + std::to_string(bad) +
                    " (rule and lexicon files are UTF-8)");
    return std::nullopt;
  }
  // Outside strings and comments TOML is ASCII. toml++ 3.3 reaches
  // undefined behaviour on some non-ASCII characters there (、 in a bare key:
  // found by fuzzing), so such a character is reported here first.
  if (size_t at = FindNonAsciiOutsideStrings(text); at != std::string_view::npos) {
    int line = 1 + static_cast<int>(std::count(text.begin(), text.begin() + at, '\n'));
    const size_t end = CharBoundaryAfter(text, at + 1);
    errors->Add(path, line,
                "unexpected character '" + std::string(text.substr(at, end - at)) +
                    "' outside a string or comment");
    return std::nullopt;
  }
  toml::parse_result result = toml::parse(text, path);
  if (!result) {
    const toml::parse_error& err = result.error();
    errors->Add(path, static_cast<int>(err.source().begin.line), std::string(err.description()));
    return std::nullopt;
  }
  return std::move(result).table();
}

int LineOf(const toml::node& node) { return static_cast<int>(node.source().begin.line); }

TableReader::TableReader(const toml::table& table, const std::string& path, ConfigErrors* errors,
                         std::string what)
    : table_(table), path_(path), errors_(errors), what_(std::move(what)) {}

void TableReader::Error(int line, const std::string& message) const {
  errors_->Add(path_, line, message);
}

const toml::node* TableReader::Get(std::string_view key) {
  known_.emplace(key);
  return table_.get(key);
}

int TableReader::LineOfKey(std::string_view key) const {
  const toml::node* node = table_.get(key);
  return node ? LineOf(*node) : line();
}

void TableReader::TypeError(std::string_view key, const toml::node& node,
                            const char* expected) const {
  std::ostringstream type;
  type << node.type();
  Error(LineOf(node),
        what_ + ": key '" + std::string(key) + "' must be " + expected + ", not " + type.str());
}

std::optional<std::string> TableReader::String(std::string_view key, bool required) {
  const toml::node* node = Get(key);
  if (node == nullptr) {
    if (required) Error(line(), what_ + ": missing key '" + std::string(key) + "'");
    return std::nullopt;
  }
  if (const auto* s = node->as_string()) return s->get();
  TypeError(key, *node, "a string");
  return std::nullopt;
}

std::vector<std::string> TableReader::Strings(std::string_view key) {
  std::vector<std::string> out;
  const toml::node* node = Get(key);
  if (node == nullptr) return out;
  if (const auto* s = node->as_string()) {
    out.push_back(s->get());
    return out;
  }
  const toml::array* array = node->as_array();
  if (array == nullptr) {
    TypeError(key, *node, "a string or an array of strings");
    return out;
  }
  for (const toml::node& element : *array) {
    if (const auto* s = element.as_string()) {
      out.push_back(s->get());
    } else {
      TypeError(key, element, "an array of strings");
    }
  }
  return out;
}

std::optional<double> TableReader::Number(std::string_view key) {
  const toml::node* node = Get(key);
  if (node == nullptr) return std::nullopt;
  if (const auto* f = node->as_floating_point()) return f->get();
  if (const auto* i = node->as_integer()) return static_cast<double>(i->get());
  TypeError(key, *node, "a number");
  return std::nullopt;
}

std::optional<int64_t> TableReader::Integer(std::string_view key) {
  const toml::node* node = Get(key);
  if (node == nullptr) return std::nullopt;
  if (const auto* i = node->as_integer()) return i->get();
  TypeError(key, *node, "an integer");
  return std::nullopt;
}

std::optional<bool> TableReader::Bool(std::string_view key) {
  const toml::node* node = Get(key);
  if (node == nullptr) return std::nullopt;
  if (const auto* b = node->as_boolean()) return b->get();
  TypeError(key, *node, "true or false");
  return std::nullopt;
}

const toml::table* TableReader::Table(std::string_view key) {
  const toml::node* node = Get(key);
  if (node == nullptr) return nullptr;
  if (const auto* t = node->as_table()) return t;
  TypeError(key, *node, "a table");
  return nullptr;
}

const toml::array* TableReader::Array(std::string_view key) {
  const toml::node* node = Get(key);
  if (node == nullptr) return nullptr;
  if (const auto* a = node->as_array()) return a;
  TypeError(key, *node, "an array");
  return nullptr;
}

std::optional<std::string> TableReader::Enum(std::string_view key,
                                             const std::vector<std::string>& allowed,
                                             std::optional<std::string> fallback) {
  std::optional<std::string> value = String(key);
  if (!value) return fallback;
  for (const std::string& a : allowed)
    if (a == *value) return value;
  std::string list;
  for (const std::string& a : allowed) list += (list.empty() ? "" : ", ") + a;
  Error(LineOfKey(key), what_ + ": '" + std::string(key) + "' is '" + *value +
                            "'; expected one of " + list + DidYouMean(*value, allowed));
  return fallback;
}

void TableReader::Finish() {
  std::vector<std::string> known(known_.begin(), known_.end());
  for (const auto& [key, node] : table_) {
    if (known_.count(key.str()) == 0) {
      Error(LineOf(node), what_ + ": unknown key '" + std::string(key.str()) + "'" +
                              DidYouMean(key.str(), known));
    }
  }
}

}  // namespace plancheck
