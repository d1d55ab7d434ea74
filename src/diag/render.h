// The output formats of check and audit, in one table: the command line
// chooses a renderer by name, lists the names in its errors ("did you
// mean"), and writes the formats that have a `part` one report at a time as
// reports are checked (memory of a few reports however many are given).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "diag/diagnostic.h"
#include "diag/formats.h"

namespace plancheck {

// What a renderer may need besides the findings.
struct RenderContext {
  std::vector<const SourceFile*> files;  // the reports, in order
  std::vector<RuleInfo> rules;           // sarif and html: each rule's summary and explanation
  std::string version;                   // of plancheck, for sarif and html
  bool english = false;                  // --lang en
  bool color = false;                    // text on a terminal
  PageOptions page;                      // html: trends, the baseline carried whole
};

struct Renderer {
  const char* name;  // --format NAME
  // Every finding at once.
  std::string (*whole)(const std::vector<Diagnostic>& diagnostics, const RenderContext& context);
  // One report's findings (null: the format needs them all at once), and
  // the parts in report order made one output, given the counts over all
  // and how many reports were read.
  std::string (*part)(const std::vector<Diagnostic>& diagnostics, const RenderContext& context);
  std::string (*join)(const std::vector<std::string>& parts, const SeverityCounts& total, int read,
                      const RenderContext& context);
};

const std::vector<Renderer>& Renderers();
const Renderer* FindRenderer(std::string_view name);  // null if none
std::vector<std::string> RendererNames();

}  // namespace plancheck
