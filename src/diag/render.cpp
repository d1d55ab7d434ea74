#include "diag/render.h"

namespace plancheck {
namespace {

TextOptions TextOf(const RenderContext& c) {
  TextOptions t;
  t.color = c.color;
  t.english = c.english;
  return t;
}

SeverityCounts CountsOf(const std::vector<Diagnostic>& diagnostics) {
  SeverityCounts counts;
  for (const Diagnostic& d : diagnostics) counts.Add(d);
  return counts;
}

std::string Concatenated(const std::vector<std::string>& parts) {
  std::string out;
  for (const std::string& p : parts) out += p;
  return out;
}

// text: clang-style, with a closing summary line.
std::string TextWhole(const std::vector<Diagnostic>& d, const RenderContext& c) {
  if (d.empty()) return "";
  return RenderText(d, TextOf(c), static_cast<int>(c.files.size()));
}
std::string TextPart(const std::vector<Diagnostic>& d, const RenderContext& c) {
  return RenderText(d, TextOf(c), 0);
}
std::string TextJoin(const std::vector<std::string>& parts, const SeverityCounts& total, int read,
                     const RenderContext& c) {
  std::string out = Concatenated(parts);
  if (total.total() > 0 || total.suppressed > 0) out += Summary(total, read, c.english) + "\n";
  return out;
}

// json: one document; parts are ",\n"-led diagnostics.
std::string JsonWhole(const std::vector<Diagnostic>& d, const RenderContext&) {
  return RenderJson(d);
}
std::string JsonPart(const std::vector<Diagnostic>& d, const RenderContext&) {
  std::string out;
  for (const Diagnostic& x : d) out += ",\n" + RenderJsonDiagnostic(x);
  return out;
}
std::string JsonJoin(const std::vector<std::string>& parts, const SeverityCounts&, int,
                     const RenderContext&) {
  std::string out = JsonHeader();
  bool first = true;
  for (const std::string& p : parts) {
    if (p.empty()) continue;
    out += first ? p.substr(1) : p;  // the first drops its leading ','
    first = false;
  }
  return out + JsonFooter(first);
}

// github: workflow commands, with a notice first when GitHub would hide some.
std::string GithubWhole(const std::vector<Diagnostic>& d, const RenderContext& c) {
  return GithubCapNotice(CountsOf(d), c.english) + RenderGithub(d);
}
std::string GithubPart(const std::vector<Diagnostic>& d, const RenderContext&) {
  return RenderGithub(d);
}
std::string GithubJoin(const std::vector<std::string>& parts, const SeverityCounts& total, int,
                       const RenderContext& c) {
  return GithubCapNotice(total, c.english) + Concatenated(parts);
}

std::string SarifWhole(const std::vector<Diagnostic>& d, const RenderContext& c) {
  return RenderSarif(d, c.rules, c.version);
}

std::string HtmlWhole(const std::vector<Diagnostic>& d, const RenderContext& c) {
  PageOptions page = c.page;
  page.rules = c.rules;
  page.english = c.english;
  return RenderHtml(d, c.files, c.version, page);
}

std::string MarkdownWhole(const std::vector<Diagnostic>& d, const RenderContext& c) {
  return RenderMarkdown(d, static_cast<int>(c.files.size()), c.english);
}

}  // namespace

const std::vector<Renderer>& Renderers() {
  static const std::vector<Renderer> kRenderers = {
      {"text", &TextWhole, &TextPart, &TextJoin},
      {"json", &JsonWhole, &JsonPart, &JsonJoin},
      {"sarif", &SarifWhole, nullptr, nullptr},
      {"github", &GithubWhole, &GithubPart, &GithubJoin},
      {"html", &HtmlWhole, nullptr, nullptr},
      {"markdown", &MarkdownWhole, nullptr, nullptr},
  };
  return kRenderers;
}

const Renderer* FindRenderer(std::string_view name) {
  for (const Renderer& r : Renderers())
    if (name == r.name) return &r;
  return nullptr;
}

std::vector<std::string> RendererNames() {
  std::vector<std::string> names;
  for (const Renderer& r : Renderers()) names.emplace_back(r.name);
  return names;
}

}  // namespace plancheck
