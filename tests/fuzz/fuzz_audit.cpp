// libFuzzer target: the multi-year audit. The input is two reports split at
// the first form feed (a later report of the same region when the texts
// say so); both go through the audit rules, the indicator-by-year table in
// every format, the trends and the audit's review page.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

#include "cli/audit_table.h"
#include "diag/formats.h"
#include "engine/engine.h"
#include "text/decode.h"

namespace {

plancheck::Engine* MakeEngine() {
  auto* engine = new plancheck::Engine();
  plancheck::ConfigErrors errors;
  engine->LoadDefaults(true, &errors);
  plancheck::RuleSelection selection;
  selection.enable.push_back("audit");
  engine->Select(selection);
  engine->Prepare();
  return engine;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static plancheck::Engine* engine = MakeEngine();
  std::string_view input(reinterpret_cast<const char*>(data), size);
  const size_t cut = input.find('\f');
  if (cut == std::string_view::npos) return 0;
  std::vector<plancheck::Report> reports;
  for (std::string_view part : {input.substr(0, cut), input.substr(cut + 1)}) {
    plancheck::Result<plancheck::Decoded> decoded = plancheck::DecodeBytes(part, "");
    if (!decoded.ok()) return 0;
    reports.push_back(engine->Analyze(std::make_unique<plancheck::SourceFile>(
        "r" + std::to_string(reports.size()) + ".txt", decoded->text, decoded->encoding)));
  }
  std::vector<const plancheck::Report*> list = {&reports[0], &reports[1]};
  const auto series = plancheck::Engine::GroupSeries(list);
  std::vector<plancheck::Diagnostic> diagnostics;
  for (const auto& s : series) engine->CheckSeries(s, false, &diagnostics);
  plancheck::SortDiagnostics(&diagnostics);
  const auto rows = plancheck::BuildAuditTable(series, engine->OutcomeFields());
  for (const char* format : {"text", "csv", "markdown", "json"})
    plancheck::RenderAuditTable(rows, format);
  plancheck::PageOptions page;
  page.trends = plancheck::AuditTrends(rows);
  plancheck::RenderHtml(diagnostics, {reports[0].file.get(), reports[1].file.get()}, "0", page);
  plancheck::RenderText(diagnostics, plancheck::TextOptions(), 2);
  return 0;
}
