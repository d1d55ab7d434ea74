#include "diag/diagnostic.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <sstream>
#include <tuple>

#include "base/utf8.h"
#include "diag/formats.h"
#include "text/source_file.h"
#include "text/width.h"

namespace plancheck {
namespace {

constexpr const char* kBold = "\033[1m";
constexpr const char* kReset = "\033[0m";
constexpr const char* kRed = "\033[1;31m";
constexpr const char* kMagenta = "\033[1;35m";
constexpr const char* kCyan = "\033[1;36m";
constexpr const char* kGreen = "\033[1;32m";

const char* SeverityColor(Severity s) {
  switch (s) {
    case Severity::kError:
      return kRed;
    case Severity::kWarning:
      return kMagenta;
    case Severity::kNote:
      return kCyan;
  }
  return kBold;
}

std::string Location(const Span& span) {
  Position p = span.file->Locate(span.begin);
  return span.file->path() + ":" + std::to_string(p.line) + ":" + std::to_string(p.column);
}

std::string Header(const Span& span, Severity severity, const std::string& label,
                   const std::string& message, const std::string& rule, const TextOptions& o) {
  std::string out;
  if (o.color) out += kBold;
  out += Location(span) + ": ";
  if (o.color) out += std::string(kReset) + SeverityColor(severity);
  out += label + ":";
  if (o.color) out += std::string(kReset) + kBold;
  out += " " + message;
  if (!rule.empty()) out += " [" + rule + "]";
  if (o.color) out += kReset;
  return out + "\n";
}

}  // namespace

const char* SeverityName(Severity s) {
  switch (s) {
    case Severity::kNote:
      return "note";
    case Severity::kWarning:
      return "warning";
    case Severity::kError:
      return "error";
  }
  return "warning";
}

const char* SeverityWord(Severity s, bool english) {
  if (english) return SeverityName(s);
  switch (s) {
    case Severity::kNote:
      return "提示";
    case Severity::kWarning:
      return "警告";
    case Severity::kError:
      return "错误";
  }
  return "警告";
}

bool ParseSeverity(const std::string& name, Severity* out) {
  if (name == "note")
    *out = Severity::kNote;
  else if (name == "warning")
    *out = Severity::kWarning;
  else if (name == "error")
    *out = Severity::kError;
  else
    return false;
  return true;
}

void SortDiagnostics(std::vector<Diagnostic>* diagnostics) {
  std::stable_sort(diagnostics->begin(), diagnostics->end(),
                   [](const Diagnostic& a, const Diagnostic& b) {
                     return std::tie(a.span.file->path(), a.span.begin, a.rule, a.message) <
                            std::tie(b.span.file->path(), b.span.begin, b.rule, b.message);
                   });
}

std::string RenderSnippet(const Span& span, const TextOptions& o) {
  // The line as the reader has it: the report's, or a page's source line.
  const SourceFile& file = span.file->located();
  const size_t span_begin = span.file->LocatedOffset(span.begin);
  const size_t span_end = std::max(span_begin, span.file->LocatedEnd(span.end));
  Position p = file.PositionOf(span_begin);
  std::string_view line = file.LineText(p.line);
  size_t line_start = file.LineStart(p.line);
  size_t begin = span_begin - line_start;
  size_t end = std::min<size_t>(span_end - line_start, line.size());
  if (end < begin) end = begin;

  // Widen the window by code points until each side has context_width
  // display columns.
  size_t left = begin;
  int width = 0;
  while (left > 0) {
    size_t prev = PrevCodePointStart(line, left);
    size_t q = prev;
    int w = CodePointWidth(NextCodePoint(line, &q));
    if (width + w > o.context_width) break;
    width += w;
    left = prev;
  }
  size_t right = end;
  width = 0;
  while (right < line.size()) {
    size_t q = right;
    int w = CodePointWidth(NextCodePoint(line, &q));
    if (width + w > o.context_width) break;
    width += w;
    right = q;
  }
  std::string prefix = left > 0 ? "…" : "";
  std::string suffix = right < line.size() ? "…" : "";
  std::string before(line.substr(left, begin - left));
  std::string marked(line.substr(begin, end - begin));
  std::string after(line.substr(end, right - end));
  // Tabs would break the caret alignment.
  for (std::string* s : {&before, &marked, &after}) std::replace(s->begin(), s->end(), '\t', ' ');

  std::string number = std::to_string(p.line);
  std::string gutter(std::max<size_t>(5, number.size()), ' ');
  std::string padded = gutter.substr(number.size()) + number;
  std::string out = padded + " | " + prefix + before + marked + after + suffix + "\n";
  int pad = DisplayWidth(prefix) + DisplayWidth(before);
  int mark = std::max(1, DisplayWidth(marked));
  out += gutter + " | " + std::string(pad, ' ');
  if (o.color) out += kGreen;
  out += "^" + std::string(mark - 1, '~');
  if (o.color) out += kReset;
  return out + "\n";
}

std::string Summary(const std::vector<Diagnostic>& diagnostics, int files, bool english) {
  SeverityCounts counts;
  for (const Diagnostic& d : diagnostics) counts.Add(d);
  return Summary(counts, files, english);
}

namespace {

std::string ChineseSummary(const SeverityCounts& c, int files) {
  std::vector<std::string> parts;
  auto add = [&](int n, const char* what) {
    if (n > 0) parts.push_back(std::to_string(n) + " 个" + what);
  };
  add(c.count[2], SeverityWord(Severity::kError, false));
  add(c.count[1], SeverityWord(Severity::kWarning, false));
  add(c.count[0], SeverityWord(Severity::kNote, false));
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i) out += (i ? "，" : "共 ") + parts[i];
  if (out.empty()) out = "没有发现问题";
  out += "（" + std::to_string(files) + " 个文件";
  if (c.suppressed > 0) out += "；基线已屏蔽 " + std::to_string(c.suppressed) + " 条";
  return out + "）";
}

}  // namespace

std::string Summary(const SeverityCounts& c, int files, bool english) {
  if (!english) return ChineseSummary(c, files);
  std::vector<std::string> parts;
  auto add = [&](int n, const char* one, const char* many) {
    if (n > 0) parts.push_back(std::to_string(n) + " " + (n == 1 ? one : many));
  };
  add(c.count[2], "error", "errors");
  add(c.count[1], "warning", "warnings");
  add(c.count[0], "note", "notes");
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i) out += (i ? ", " : "") + parts[i];
  if (out.empty()) out = "no findings";
  out += " in " + std::to_string(files) + (files == 1 ? " file" : " files");
  if (c.suppressed > 0) out += " (" + std::to_string(c.suppressed) + " suppressed by the baseline)";
  return out;
}

std::string RenderText(const std::vector<Diagnostic>& diagnostics, const TextOptions& o,
                       int summary_files) {
  std::string out;
  for (const Diagnostic& d : diagnostics) {
    if (d.suppressed) continue;
    out += Header(d.span, d.severity, SeverityName(d.severity), d.message, d.rule, o);
    out += RenderSnippet(d.span, o);
    for (const Related& r : d.related) {
      out += Header(r.span, Severity::kNote, "note", r.message, "", o);
      out += RenderSnippet(r.span, o);
    }
  }
  if (summary_files > 0) out += Summary(diagnostics, summary_files, o.english) + "\n";
  return out;
}

namespace {

nlohmann::ordered_json SpanJson(const Span& span) {
  Position b = span.file->Locate(span.begin);
  Position e = span.file->LocateEnd(span.end);
  nlohmann::ordered_json j;
  j["file"] = span.file->path();
  j["line"] = b.line;
  j["column"] = b.column;
  j["end_line"] = e.line;
  j["end_column"] = e.column;
  return j;
}

}  // namespace

std::string RenderJsonDiagnostic(const Diagnostic& d) {
  nlohmann::ordered_json j;
  j["rule"] = d.rule;
  j["severity"] = SeverityName(d.severity);
  j["message"] = d.message;
  nlohmann::ordered_json where = SpanJson(d.span);
  for (auto& [k, v] : where.items()) j[k] = v;
  nlohmann::ordered_json related = nlohmann::ordered_json::array();
  for (const Related& r : d.related) {
    nlohmann::ordered_json rj = SpanJson(r.span);
    rj["message"] = r.message;
    related.push_back(rj);
  }
  j["related"] = related;
  j["fingerprint"] = FingerprintHash(d);
  if (d.suppressed) j["suppressed"] = true;
  // Indented as an element of the top-level "diagnostics" list.
  std::string object = j.dump(1, ' ', false, nlohmann::json::error_handler_t::replace);
  std::string out = "  ";
  for (char c : object) {
    out += c;
    if (c == '\n') out += "  ";
  }
  return out;
}

std::string JsonHeader() { return "{\n \"version\": 1,\n \"diagnostics\": ["; }
std::string JsonFooter(bool empty) { return empty ? "]\n}\n" : "\n ]\n}\n"; }

std::string RenderJson(const std::vector<Diagnostic>& diagnostics) {
  std::string out = JsonHeader();
  for (size_t i = 0; i < diagnostics.size(); ++i)
    out += (i ? ",\n" : "\n") + RenderJsonDiagnostic(diagnostics[i]);
  return out + JsonFooter(diagnostics.empty());
}

}  // namespace plancheck
