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

// "3 warnings, 1 error in 1 file"
std::string Summary(const std::vector<Diagnostic>& diagnostics, int files);

}  // namespace plancheck
