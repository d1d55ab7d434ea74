// libFuzzer target: decoded text through segmentation, extraction and every
// default and strict rule, then every renderer: the findings in each format
// (text, json, sarif, github, markdown, the review page) and the facts in
// each (table, jsonl, csv). The input's last byte picks the language.
#include <re2/re2.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string_view>
#include <vector>

#include "cli/facts_output.h"
#include "diag/diagnostic.h"
#include "diag/formats.h"
#include "engine/engine.h"
#include "extract/quantities.h"
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

// The extractor's candidate-driven scans must find what an unanchored RE2
// search of the same pattern finds, groups included.
void CompareScans(const plancheck::QuantityScanner& x, const std::string& t) {
  using Next = bool (plancheck::QuantityScanner::*)(const std::string&, size_t, re2::StringPiece*,
                                                    int) const;
  const std::pair<Next, const RE2*> scans[] = {
      {&plancheck::QuantityScanner::NextQuantity, &x.quantity_pattern()},
      {&plancheck::QuantityScanner::NextChineseNumeral, &x.chinese_pattern()}};
  for (const auto& [next, re] : scans) {
    const int n = re->NumberOfCapturingGroups() + 1;
    std::vector<re2::StringPiece> want(n), got(n);
    size_t pos = 0;
    while (pos < t.size()) {
      bool w = re->Match(t, pos, t.size(), RE2::UNANCHORED, want.data(), n);
      bool g = (x.*next)(t, pos, got.data(), n);
      if (w != g) std::abort();
      if (!w) break;
      for (int k = 0; k < n; ++k)
        if (want[k].data() != got[k].data() || want[k].size() != got[k].size()) std::abort();
      size_t end = static_cast<size_t>(want[0].data() - t.data()) + want[0].size();
      pos = end > pos ? end : pos + 1;
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static plancheck::Engine* engine = MakeEngine();
  static const plancheck::QuantityScanner* scanner =
      new plancheck::QuantityScanner(engine->lexicon());
  plancheck::Result<plancheck::Decoded> decoded =
      plancheck::DecodeBytes(std::string_view(reinterpret_cast<const char*>(data), size), "");
  if (!decoded.ok()) return 0;
  if (decoded->text.size() <= 4096) CompareScans(*scanner, decoded->text);
  plancheck::Report report = engine->Analyze(
      std::make_unique<plancheck::SourceFile>("fuzz.txt", decoded->text, decoded->encoding));
  const bool english = size > 0 && (data[size - 1] & 1);
  std::vector<plancheck::Diagnostic> diagnostics;
  engine->Check(report, english, &diagnostics);
  plancheck::SortDiagnostics(&diagnostics);
  plancheck::TextOptions text;
  text.english = english;
  plancheck::RenderText(diagnostics, text, 1);
  plancheck::RenderJson(diagnostics);
  plancheck::RenderSarif(diagnostics, {}, "0");
  plancheck::RenderGithub(diagnostics);
  plancheck::RenderMarkdown(diagnostics, 1, english);
  plancheck::PageOptions page;
  page.english = english;
  plancheck::RenderHtml(diagnostics, {report.file.get()}, "0", page);
  // A baseline of these findings holds them all.
  plancheck::Result<plancheck::Baseline> baseline =
      plancheck::ParseBaseline(plancheck::RenderBaseline(diagnostics));
  if (!baseline.ok() ||
      plancheck::ApplyBaseline(*baseline, &diagnostics) != static_cast<int>(diagnostics.size()))
    std::abort();
  const std::vector<const plancheck::Report*> reports = {&report};
  plancheck::RenderFactsTable(reports);
  plancheck::RenderFactsJsonl(reports);
  plancheck::RenderFactsCsv(reports);
  return 0;
}
