#include "diag/formats.h"

#include <limits.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <set>

#include "base/hash.h"

namespace plancheck {
namespace {

using Json = nlohmann::ordered_json;

std::string Dump(const Json& j, int indent) {
  return j.dump(indent, ' ', false, nlohmann::json::error_handler_t::replace);
}

Json Region(const Span& span) {
  Position b = span.file->Locate(span.begin);
  Position e = span.file->LocateEnd(span.end);
  return Json{{"startLine", b.line},
              {"startColumn", b.column},
              {"endLine", e.line},
              {"endColumn", e.column}};
}

// A path as a URI reference (RFC 3986): every byte but the unreserved
// characters and / percent-encoded, so that 政府工作报告（征求意见稿）.txt, a
// space or a # are valid.
std::string PercentEncode(std::string_view path) {
  static const char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : path) {
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
        c == '.' || c == '_' || c == '~' || c == '/') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

constexpr const char* kSourceRoot = "%SRCROOT%";

// An artifact location: an absolute path as a file: URI; a relative one as
// a reference against %SRCROOT%, the directory plancheck ran in
// (run.originalUriBaseIds).
Json ArtifactLocation(const std::string& path) {
  if (!path.empty() && path[0] == '/') return Json{{"uri", "file://" + PercentEncode(path)}};
  std::string_view relative = path;
  while (relative.substr(0, 2) == "./") relative.remove_prefix(2);
  return Json{{"uri", PercentEncode(relative)}, {"uriBaseId", kSourceRoot}};
}

Json Location(const Span& span, const std::string* message) {
  Json loc;
  loc["physicalLocation"] = {{"artifactLocation", ArtifactLocation(span.file->path())},
                             {"region", Region(span)}};
  if (message) loc["message"] = {{"text", *message}};
  return loc;
}

std::string GithubEscapeData(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '%')
      out += "%25";
    else if (c == '\r')
      out += "%0D";
    else if (c == '\n')
      out += "%0A";
    else
      out += c;
  }
  return out;
}

std::string GithubEscapeProperty(const std::string& s) {
  std::string out;
  for (char c : GithubEscapeData(s)) {
    if (c == ':')
      out += "%3A";
    else if (c == ',')
      out += "%2C";
    else
      out += c;
  }
  return out;
}

}  // namespace

std::string FingerprintHash(const Diagnostic& d) {
  return Fnv1aHex(d.fingerprint.empty() ? d.rule + "|" + d.message : d.fingerprint);
}

std::string RenderSarif(const std::vector<Diagnostic>& diagnostics,
                        const std::vector<RuleInfo>& rules, const std::string& version) {
  Json driver;
  driver["name"] = "plancheck";
  driver["version"] = version;
  driver["semanticVersion"] = version;
  Json rule_list = Json::array();
  for (const RuleInfo& r : rules) {
    std::string full = r.explanation;
    while (!full.empty() && (full.front() == '\n' || full.front() == ' ')) full.erase(0, 1);
    while (!full.empty() && (full.back() == '\n' || full.back() == ' ')) full.pop_back();
    Json rule;
    rule["id"] = r.id;
    rule["shortDescription"] = {{"text", r.summary.empty() ? r.id : r.summary}};
    rule["fullDescription"] = {{"text", full.empty() ? r.summary : full}};
    rule["help"] = {{"text", "plancheck explain " + r.id + "\n\n" + full}};
    rule["defaultConfiguration"] = {{"level", SeverityName(r.severity)}};
    rule_list.push_back(rule);
  }
  driver["rules"] = rule_list;

  Json results = Json::array();
  std::set<std::string> artifacts;
  for (const Diagnostic& d : diagnostics) {
    Json result;
    result["ruleId"] = d.rule;
    for (size_t i = 0; i < rules.size(); ++i)
      if (rules[i].id == d.rule) result["ruleIndex"] = static_cast<int>(i);
    result["level"] = SeverityName(d.severity);
    result["message"] = {{"text", d.message}};
    result["locations"] = Json::array({Location(d.span, nullptr)});
    artifacts.insert(d.span.file->path());
    if (!d.related.empty()) {
      Json related = Json::array();
      int id = 1;
      for (const Related& r : d.related) {
        Json loc = Location(r.span, &r.message);
        loc["id"] = id++;
        related.push_back(loc);
      }
      result["relatedLocations"] = related;
    }
    result["partialFingerprints"] = {{"plancheckFinding/v1", FingerprintHash(d)}};
    if (d.suppressed)
      result["suppressions"] =
          Json::array({{{"kind", "external"}, {"justification", "in the baseline"}}});
    results.push_back(result);
  }
  Json run;
  run["tool"] = {{"driver", driver}};
  Json artifact_list = Json::array();
  for (const std::string& a : artifacts)
    artifact_list.push_back({{"location", ArtifactLocation(a)}, {"encoding", "utf-8"}});
  run["artifacts"] = artifact_list;
  char cwd[PATH_MAX];
  if (getcwd(cwd, sizeof cwd) != nullptr) {
    std::string root = cwd;
    if (root.back() != '/') root += '/';
    run["originalUriBaseIds"] = {{kSourceRoot, {{"uri", "file://" + PercentEncode(root)}}}};
  }
  run["columnKind"] = "unicodeCodePoints";
  run["results"] = results;
  Json log;
  log["$schema"] = "https://json.schemastore.org/sarif-2.1.0.json";
  log["version"] = "2.1.0";
  log["runs"] = Json::array({run});
  return Dump(log, 1) + "\n";
}

std::string RenderGithub(const std::vector<Diagnostic>& diagnostics) {
  std::string out;
  for (const Diagnostic& d : diagnostics) {
    if (d.suppressed) continue;
    Position b = d.span.file->Locate(d.span.begin);
    Position e = d.span.file->LocateEnd(d.span.end);
    std::string command = d.severity == Severity::kError     ? "error"
                          : d.severity == Severity::kWarning ? "warning"
                                                             : "notice";
    out += "::" + command + " file=" + GithubEscapeProperty(d.span.file->path()) +
           ",line=" + std::to_string(b.line) + ",col=" + std::to_string(b.column) +
           ",endLine=" + std::to_string(e.line) + ",endColumn=" + std::to_string(e.column) +
           ",title=" + GithubEscapeProperty("plancheck " + d.rule) +
           "::" + GithubEscapeData(d.message);
    for (const Related& r : d.related) {
      Position p = r.span.file->Locate(r.span.begin);
      out += GithubEscapeData("\n" + r.message + " (" + r.span.file->path() + ":" +
                              std::to_string(p.line) + ":" + std::to_string(p.column) + ")");
    }
    out += "\n";
  }
  return out;
}

std::string GithubCapNotice(const SeverityCounts& counts, bool english) {
  int hidden = 0;
  for (int n : counts.count) hidden += std::max(0, n - kGithubAnnotationsPerKind);
  if (hidden == 0) return "";
  std::string n = std::to_string(counts.total()), h = std::to_string(hidden);
  std::string message =
      english ? "plancheck: " + n + " findings; GitHub shows " +
                    std::to_string(kGithubAnnotationsPerKind) +
                    " annotations of each kind per step, so " + h +
                    " are not shown here. The job summary and the SARIF list them all."
              : "plancheck：共 " + n + " 条发现；GitHub 每步每类只显示 " +
                    std::to_string(kGithubAnnotationsPerKind) + " 条注释，另有 " + h +
                    " 条未显示。完整列表见作业摘要和 SARIF。";
  return "::notice title=plancheck::" + GithubEscapeData(message) + "\n";
}

namespace {

// A table cell: one line, no column break, no markup.
std::string MarkdownCell(const std::string& s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '|':
        out += "\\|";
        break;
      case '\n':
      case '\r':
        out += ' ';
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '&':
        out += "&amp;";
        break;
      case '`':
      case '*':
      case '_':
      case '[':
      case ']':
        out += '\\';
        out += c;
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string Where(const Span& span) {
  Position p = span.file->Locate(span.begin);
  return span.file->path() + ":" + std::to_string(p.line) + ":" + std::to_string(p.column);
}

}  // namespace

std::string RenderMarkdown(const std::vector<Diagnostic>& diagnostics, int files, bool english,
                           size_t max_rows) {
  std::string out = "### plancheck: " + Summary(diagnostics, files, english) + "\n";
  size_t rows = 0, left = 0;
  for (const Diagnostic& d : diagnostics) {
    if (d.suppressed) continue;
    if (rows == max_rows) {
      ++left;
      continue;
    }
    if (rows++ == 0)
      out += english ? "\n| Where | Severity | Rule | Message |\n|---|---|---|---|\n"
                     : "\n| 位置 | 级别 | 规则 | 说明 |\n|---|---|---|---|\n";
    std::string message = d.message;
    for (const Related& r : d.related)
      message += english ? "; " + r.message + " (" + Where(r.span) + ")"
                         : "；" + r.message + "（" + Where(r.span) + "）";
    out += "| " + MarkdownCell(Where(d.span)) + " | " + SeverityWord(d.severity, english) + " | `" +
           d.rule + "` | " + MarkdownCell(message) + " |\n";
  }
  if (left > 0)
    out += english ? "\n" + std::to_string(left) + " more findings are not listed here.\n"
                   : "\n另有 " + std::to_string(left) + " 条发现未在此列出。\n";
  return out;
}

Result<Baseline> ParseBaseline(const std::string& text) {
  Json j = Json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) return Status::Error("not JSON");
  if (!j.is_object() || !j.contains("findings") || !j["findings"].is_array())
    return Status::Error("not a plancheck baseline (no \"findings\" list)");
  Baseline b;
  for (const Json& f : j["findings"]) {
    if (!f.is_object() || !f.contains("fingerprint") || !f["fingerprint"].is_string())
      return Status::Error("a finding without a \"fingerprint\" string");
    b.fingerprints.push_back(f["fingerprint"].get<std::string>());
    auto text = [&](const char* key) {
      return f.contains(key) && f[key].is_string() ? f[key].get<std::string>() : "";
    };
    b.entries.push_back({b.fingerprints.back(), text("rule"), text("message")});
  }
  return b;
}

std::string RenderBaseline(const std::vector<Diagnostic>& diagnostics) {
  Json findings = Json::array();
  std::set<std::string> seen;
  for (const Diagnostic& d : diagnostics) {
    std::string print = FingerprintHash(d);
    if (!seen.insert(print).second) continue;
    findings.push_back({{"fingerprint", print}, {"rule", d.rule}, {"message", d.message}});
  }
  return Dump(Json{{"version", 1}, {"findings", findings}}, 1) + "\n";
}

int ApplyBaseline(const Baseline& baseline, std::vector<Diagnostic>* diagnostics) {
  std::set<std::string> prints(baseline.fingerprints.begin(), baseline.fingerprints.end());
  int n = 0;
  for (Diagnostic& d : *diagnostics) {
    if (prints.count(FingerprintHash(d))) {
      d.suppressed = true;
      ++n;
    }
  }
  return n;
}

}  // namespace plancheck
