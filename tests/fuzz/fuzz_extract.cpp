// libFuzzer target: decoded text through segmentation, extraction and every
// default and strict rule, then rendering.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string_view>

#include "diag/diagnostic.h"
#include "engine/engine.h"
#include "text/decode.h"

namespace {

plancheck::Engine* MakeEngine() {
  auto* engine = new plancheck::Engine();
  plancheck::ConfigErrors errors;
  engine->LoadDefaults(true, &errors);
  plancheck::RuleSelection selection;
  selection.strict = true;
  engine->Select(selection);
  engine->Prepare();
  return engine;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static plancheck::Engine* engine = MakeEngine();
  plancheck::Result<plancheck::Decoded> decoded =
      plancheck::DecodeBytes(std::string_view(reinterpret_cast<const char*>(data), size), "");
  if (!decoded.ok()) return 0;
  plancheck::Report report = engine->Analyze(
      std::make_unique<plancheck::SourceFile>("fuzz.txt", decoded->text, decoded->encoding));
  std::vector<plancheck::Diagnostic> diagnostics;
  engine->Check(report, false, &diagnostics);
  plancheck::SortDiagnostics(&diagnostics);
  plancheck::RenderText(diagnostics, plancheck::TextOptions(), 1);
  plancheck::RenderJson(diagnostics);
  return 0;
}
