// libFuzzer target: the rule loader on arbitrary TOML text. Every input must
// load or give errors with a line; a rule that loaded must run its own test
// cases without failing. The lexicon and extractor are built once: each
// input is a rule file read on its own and tested against them.
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "engine/engine.h"
#include "engine/rule_tests.h"

namespace {

plancheck::Engine* MakeEngine() {
  auto* engine = new plancheck::Engine();
  plancheck::ConfigErrors errors;
  engine->LoadDefaults(false, &errors);
  engine->Prepare();
  return engine;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static plancheck::Engine* engine = MakeEngine();
  std::string_view text(reinterpret_cast<const char*>(data), size);
  plancheck::RuleSet rules;
  plancheck::ConfigErrors errors;
  rules.LoadFile(text, "fuzz.toml", &errors);
  if (!errors.empty() || rules.rules().empty()) return 0;
  std::vector<const plancheck::Rule*> loaded;
  for (const auto& r : rules.rules()) loaded.push_back(r.get());
  plancheck::RunRuleTests(engine, loaded);
  return 0;
}
