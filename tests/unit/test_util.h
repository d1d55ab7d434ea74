// Helpers shared by the unit tests: an engine with the built-in rules and a
// report made from text in memory.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "engine/engine.h"
#include "text/decode.h"

namespace plancheck::testing {

// An engine with the default lexicon and rules, every default rule enabled.
inline Engine& DefaultEngine() {
  static Engine* engine = [] {
    auto* e = new Engine();
    ConfigErrors errors;
    e->LoadDefaults(true, &errors);
    if (!errors.empty()) throw std::runtime_error(errors.all()[0].Format());
    e->Select({});
    e->Prepare();
    return e;
  }();
  return *engine;
}

inline Report Analyze(const std::string& text, const std::string& path = "test.txt") {
  return DefaultEngine().Analyze(std::make_unique<SourceFile>(path, text, "UTF-8"));
}

inline std::string ReadSource(const std::string& relative) {
  Result<std::string> bytes = ReadFileBytes(std::string(PLANCHECK_SOURCE_DIR) + "/" + relative);
  if (!bytes.ok()) throw std::runtime_error(relative + ": " + bytes.status().message());
  return bytes.value();
}

}  // namespace plancheck::testing
