// libFuzzer target: the rule loader on arbitrary TOML text. Every input must
// load or give errors with a line; a rule that loaded must run its own test
// cases without failing.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "engine/engine.h"
#include "engine/rule_tests.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  plancheck::Engine engine;
  plancheck::ConfigErrors errors;
  engine.LoadDefaults(false, &errors);
  engine.LoadRuleText(text, "fuzz.toml", &errors);
  if (!errors.empty() || engine.rules().rules().empty()) return 0;
  engine.Prepare();
  plancheck::RunRuleTests(&engine);
  return 0;
}
