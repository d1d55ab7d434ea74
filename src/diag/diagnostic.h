// Diagnostic: one finding — rule id, severity, message, the primary Span and
// a note at every other span involved — and the renderers that print a
// sorted list of them as text (like clang), JSON or other formats.
//
// Diagnostics point into SourceFiles, which must outlive them.
#pragma once

#include <string>
#include <vector>

#include "base/span.h"

namespace plancheck {

enum class Severity { kNote = 0, kWarning = 1, kError = 2 };
const char* SeverityName(Severity s);
// The severity as a reader's word: 错误/警告/提示, or with `english` the name.
const char* SeverityWord(Severity s, bool english);
bool ParseSeverity(const std::string& name, Severity* out);

struct Related {
  Span span;
  std::string message;
};

struct Diagnostic {
  std::string rule;
  Severity severity = Severity::kWarning;
  std::string message;
  Span span;
  std::vector<Related> related;
  // Identity that survives edits elsewhere in the report: rule id plus the
  // indicator, years and values involved (never line numbers).
  std::string fingerprint;
  bool suppressed = false;  // acknowledged in a baseline
};

// Sorts by file path, position, rule id, message: output is deterministic.
void SortDiagnostics(std::vector<Diagnostic>* diagnostics);

struct TextOptions {
  bool color = false;
  bool english = false;    // the summary line in English (--lang en), else Chinese
  int context_width = 36;  // display columns of context on each side of a span
};

// clang-style text: "file:line:col: severity: message [rule]", the window of
// the line around the span with … where cut, carets under the span (display
// width), then "note:" blocks, and a closing summary line when
// `summary_files` > 0.
std::string RenderText(const std::vector<Diagnostic>& diagnostics, const TextOptions& options,
                       int summary_files);
// One snippet + caret block for a span (used by RenderText; exposed for tests).
std::string RenderSnippet(const Span& span, const TextOptions& options);

// {"version": 1, "diagnostics": [...]} as DESIGN.md §7.
std::string RenderJson(const std::vector<Diagnostic>& diagnostics);
// The same document in pieces, for writing one report at a time:
// JsonHeader(), then each RenderJsonDiagnostic() (",\n" between, "\n"
// before the first), then JsonFooter(no diagnostics were written).
std::string JsonHeader();
std::string RenderJsonDiagnostic(const Diagnostic& d);
std::string JsonFooter(bool empty);

// Findings by severity, and how many a baseline suppressed.
struct SeverityCounts {
  int count[3] = {0, 0, 0};  // by Severity
  int suppressed = 0;
  void Add(const Diagnostic& d) {
    d.suppressed ? ++suppressed : ++count[static_cast<int>(d.severity)];
  }
  void Add(const SeverityCounts& o) {
    for (int i = 0; i < 3; ++i) count[i] += o.count[i];
    suppressed += o.suppressed;
  }
  int total() const { return count[0] + count[1] + count[2]; }
};

// "1 error, 3 warnings in 1 file"
// "共 7 个警告（1 个文件）", or with `english` "7 warnings in 1 file".
std::string Summary(const std::vector<Diagnostic>& diagnostics, int files, bool english);
std::string Summary(const SeverityCounts& counts, int files, bool english);

}  // namespace plancheck
