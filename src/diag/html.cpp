// The review page: one self-contained HTML file. All report text and
// messages travel as JSON in a <script type="application/json"> element and
// are put into the page with textContent only, so nothing in a report can
// become markup or script.
#include <nlohmann/json.hpp>
#include <utility>

#include "diag/formats.h"

namespace plancheck {
namespace {

using Json = nlohmann::ordered_json;

std::string EscapeHtml(const std::string& s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '&':
        out += "&amp;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

Json SpanJson(const Span& span, int file, bool primary, const std::string& message) {
  // line/col place the highlight in the text the page shows; atLine/atCol
  // are where the command line says the span is (a web page's own source).
  Position b = span.file->PositionOf(span.begin);
  Position e = span.file->PositionOf(span.end);
  Position at = span.file->Locate(span.begin);
  return Json{{"file", file},      {"line", b.line},     {"col", b.column},
              {"endLine", e.line}, {"endCol", e.column}, {"primary", primary},
              {"atLine", at.line}, {"atCol", at.column}, {"message", message}};
}

// Every word the page shows, in each language: the markup's @T:key@ and the
// script's T.key both read this one table. {name} marks a value the script
// puts in.
struct PageString {
  const char* key;
  const char* zh;
  const char* en;
};
constexpr PageString kPageStrings[] = {
    {"lang", "zh-CN", "en"},
    {"heading", "plancheck 审阅", "plancheck review"},
    {"downloadBefore", "下载基线（已审阅 ", "Download the baseline ("},
    {"downloadAfter", " 条）", " reviewed)"},
    {"reportLabel", "报告全文", "The report"},
    {"trends", "目标与实际", "Targets and results"},
    {"legend", "○ 目标　● 实际（绿：完成，红：未完成，灰：无法判断）",
     "○ target  ● result (green: met, red: missed, grey: cannot tell)"},
    {"allRules", "全部规则", "All rules"},
    {"ruleHelp", "规则说明", "About this rule"},
    {"reviewed", "已审阅（加入基线）", "Reviewed (add to the baseline)"},
    {"noteAt", "{message}（{line}:{col}）", "{message} ({line}:{col})"},
    {"met", "完成", "met"},
    {"missed", "未完成", "missed"},
    {"unknown", "无法判断", "cannot tell"},
    {"point", "{year}年：目标 {target}，实际 {actual}（{status}）",
     "{year}: target {target}, result {actual} ({status})"},
    {"listSeparator", "、", ", "},
    {"summary", "{files}：{errors} 个错误，{warnings} 个警告，{notes} 个提示",
     "{files}: {errors} errors, {warnings} warnings, {notes} notes"},
    {"suppressed", "（基线已屏蔽 {n} 条）", " ({n} suppressed by the baseline)"},
};

// The table in one language, with the severities' words.
std::vector<std::pair<std::string, std::string>> PageStrings(bool english) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const PageString& s : kPageStrings) out.emplace_back(s.key, english ? s.en : s.zh);
  for (Severity v : {Severity::kError, Severity::kWarning, Severity::kNote})
    out.emplace_back(SeverityName(v), SeverityWord(v, english));
  return out;
}

constexpr const char* kPage = R"PAGE(<!DOCTYPE html>
<html lang="@T:lang@">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<title>@TITLE@</title>
<style>
:root { --error: #b3261e; --warning: #9a5b00; --note: #1f5fa8; --line: #eee; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.7 "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", "WenQuanYi Zen Hei", sans-serif; color: #1d1d1f; }
header { padding: 10px 18px; border-bottom: 1px solid #ddd; display: flex; gap: 18px; align-items: baseline; flex-wrap: wrap; }
header h1 { font-size: 17px; margin: 0; }
#summary { color: #555; }
main { display: grid; grid-template-columns: minmax(0, 1fr) 380px; height: calc(100vh - 50px); }
#report { overflow: auto; padding: 12px 18px 40vh; }
#side { overflow: auto; border-left: 1px solid #ddd; padding: 10px 12px; background: #fafafa; }
.file h2 { font-size: 15px; margin: 16px 0 6px; color: #444; }
.line { display: grid; grid-template-columns: 3.2em minmax(0, 1fr); white-space: pre-wrap; word-break: break-all; }
.line .no { color: #999; text-align: right; padding-right: .8em; user-select: none; font-size: 12px; padding-top: 3px; }
mark { background: #fff2a8; border-bottom: 2px solid var(--warning); cursor: pointer; padding: 0; }
mark.error { background: #fde2df; border-color: var(--error); }
mark.note { background: #e3eefc; border-color: var(--note); }
mark.related { background: transparent; border-bottom: 2px dashed #888; }
mark.active { outline: 3px solid #f5a623; background: #ffd27a; }
.filters { display: flex; flex-wrap: wrap; gap: 8px 12px; margin-bottom: 8px; font-size: 13px; }
.filters select { max-width: 100%; }
#findings { list-style: none; margin: 0; padding: 0; }
#findings li { border: 1px solid #e3e3e3; background: #fff; border-radius: 6px; padding: 7px 9px; margin: 0 0 8px; cursor: pointer; }
#findings li.active { border-color: #f5a623; box-shadow: 0 0 0 2px #ffd27a; }
#findings li.reviewed { opacity: .55; }
#findings li.hidden { display: none; }
.sev { font-size: 12px; font-weight: bold; text-transform: uppercase; margin-right: 6px; }
.sev.error { color: var(--error); } .sev.warning { color: var(--warning); } .sev.note { color: var(--note); }
.rule { font-size: 12px; color: #666; }
.where { font-size: 12px; color: #666; display: block; }
.notes { font-size: 13px; color: #444; margin: 4px 0 0 0; padding-left: 1.1em; }
#findings .notes li { border: 0; background: none; padding: 0; margin: 0; cursor: default; box-shadow: none; }
.review { font-size: 12px; display: block; margin-top: 4px; }
.where a { color: inherit; }
mark.filtered { background: transparent; border-bottom-color: transparent; }
details.why { font-size: 12px; color: #555; margin-top: 3px; }
details.why summary { cursor: pointer; }
.line:target { background: #fff8e1; }
@media (max-width: 760px) {
  main { display: block; height: auto; }
  #report { overflow: visible; padding-bottom: 20px; }
  #side { border-left: 0; border-top: 1px solid #ddd; }
}
button { font: inherit; font-size: 13px; }
#trends { margin: 0 0 10px; }
#trends h2 { font-size: 14px; margin: 4px 0; }
#trends figure { margin: 0 0 8px; background: #fff; border: 1px solid #e3e3e3; border-radius: 6px; padding: 4px 6px; }
#trends figcaption { font-size: 13px; }
#trends .legend { font-size: 12px; color: #666; }
#trends svg { display: block; width: 100%; height: 70px; }
#trends .target { fill: none; stroke: #555; stroke-width: 1.5; }
#trends .met { fill: #2e7d32; } #trends .missed { fill: var(--error); } #trends .unknown { fill: #888; }
#trends .gap { stroke: #bbb; stroke-width: 1; }
#trends .year { font-size: 10px; fill: #666; }
@media print {
  header .actions, #side .filters, .review { display: none; }
  main { display: block; height: auto; }
  #report, #side { overflow: visible; border: 0; padding-bottom: 0; }
  #findings li { break-inside: avoid; }
}
</style>
</head>
<body>
<header>
  <h1>@T:heading@</h1>
  <span id="summary"></span>
  <span class="actions"><button id="download" type="button">@T:downloadBefore@<span id="reviewed-count">0</span>@T:downloadAfter@</button></span>
</header>
<main>
  <section id="report" aria-label="@T:reportLabel@"></section>
  <aside id="side">
    <section id="trends" hidden>
      <h2>@T:trends@</h2>
      <div class="legend">@T:legend@</div>
    </section>
    <div class="filters">
      <label><input type="checkbox" class="sev-filter" value="error" checked> @T:error@</label>
      <label><input type="checkbox" class="sev-filter" value="warning" checked> @T:warning@</label>
      <label><input type="checkbox" class="sev-filter" value="note" checked> @T:note@</label>
      <select id="rule-filter"><option value="">@T:allRules@</option></select>
    </div>
    <ol id="findings"></ol>
  </aside>
</main>
<pre id="selftest" hidden></pre>
<script type="application/json" id="data">@DATA@</script>
<script>
"use strict";
(function () {
  const data = JSON.parse(document.getElementById("data").textContent);
  const T = data.strings;
  // T's pattern with {name} replaced by vars.name.
  const fmt = (pattern, vars) => pattern.replace(/\{(\w+)\}/g, (_, k) => String(vars[k]));
  const report = document.getElementById("report");
  const list = document.getElementById("findings");
  const marksOf = new Map();   // finding index -> its marks
  const primaryOf = new Map(); // finding index -> the marks of its primary span
  const items = [];            // finding index -> its list item
  const reviewed = new Set();

  function el(tag, cls, text) {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  // Spans by file and line: [{start, end (code points, 0-based), finding, primary}].
  const byLine = data.files.map(() => new Map());
  data.findings.forEach((f, i) => {
    f.spans.forEach((s) => {
      for (let line = s.line; line <= s.endLine; line++) {
        const start = line === s.line ? s.col - 1 : 0;
        const end = line === s.endLine ? s.endCol - 1 : Infinity;
        const lines = byLine[s.file];
        if (!lines.has(line)) lines.set(line, []);
        lines.get(line).push({ start, end, finding: i, primary: s.primary });
      }
    });
  });

  data.files.forEach((file, fi) => {
    const box = el("div", "file");
    box.appendChild(el("h2", "", file.path));
    // Lines end as the command line counts them: LF, CRLF or a lone CR.
    const lines = file.text.split(/\r\n|\r|\n/);
    lines.forEach((raw, li) => {
      const text = Array.from(raw);
      const row = el("div", "line");
      row.id = "L" + fi + "-" + (li + 1);
      row.appendChild(el("span", "no", String(li + 1)));
      const body = el("span", "text");
      const spans = byLine[fi].get(li + 1) || [];
      const cuts = new Set([0, text.length]);
      spans.forEach((s) => { cuts.add(Math.min(s.start, text.length)); cuts.add(Math.min(s.end, text.length)); });
      const points = Array.from(cuts).sort((a, b) => a - b);
      for (let k = 0; k + 1 < points.length; k++) {
        const a = points[k], b = points[k + 1];
        const piece = text.slice(a, b).join("");
        const covering = spans.filter((s) => s.start <= a && s.end >= b && s.start < s.end);
        if (covering.length === 0) { body.appendChild(document.createTextNode(piece)); continue; }
        const main = covering.find((s) => s.primary) || covering[0];
        const f = data.findings[main.finding];
        const m = el("mark", f.severity + (main.primary ? "" : " related"), piece);
        m.dataset.findings = covering.map((s) => s.finding).join(",");
        m.title = covering.map((s) => data.findings[s.finding].message).join("\n");
        covering.forEach((s) => {
          if (!marksOf.has(s.finding)) marksOf.set(s.finding, []);
          marksOf.get(s.finding).push(m);
          if (s.primary) {
            if (!primaryOf.has(s.finding)) primaryOf.set(s.finding, []);
            primaryOf.get(s.finding).push(m);
          }
        });
        m.addEventListener("click", (ev) => { ev.stopPropagation(); select(main.finding, false); });
        body.appendChild(m);
      }
      row.appendChild(body);
      box.appendChild(row);
    });
    report.appendChild(box);
  });

  // Ticks survive a reload until the baseline is downloaded: kept in the
  // browser under the page's files (a page opened from disk has no server).
  const tickKey = "plancheck-ticks:" + data.files.map((f) => f.path).join("|");
  function loadTicks() {
    try { return new Set(JSON.parse(localStorage.getItem(tickKey) || "[]")); } catch (e) { return new Set(); }
  }
  const savedTicks = location.hash === "#selftest" ? new Set() : loadTicks();
  function saveTicks() {
    try { localStorage.setItem(tickKey, JSON.stringify(Array.from(reviewed).map((i) => data.findings[i].fingerprint))); } catch (e) { /* storage off */ }
  }
  const rules = new Set();
  data.findings.forEach((f, i) => {
    rules.add(f.rule);
    const li = el("li");
    li.dataset.severity = f.severity;
    li.dataset.rule = f.rule;
    const head = el("div");
    head.appendChild(el("span", "sev " + f.severity, T[f.severity]));
    head.appendChild(el("span", "rule", f.rule));
    li.appendChild(head);
    li.appendChild(el("div", "msg", f.message));
    const p = f.spans[0];
    const where = el("span", "where");
    const link = el("a", "", data.files[p.file].path + ":" + p.atLine + ":" + p.atCol);
    link.href = "#L" + p.file + "-" + p.line;
    link.addEventListener("click", (ev) => ev.stopPropagation());
    where.appendChild(link);
    li.appendChild(where);
    const rule = (data.rules || {})[f.rule];
    if (rule) {
      const why = el("details", "why");
      why.appendChild(el("summary", "", rule.summary || T.ruleHelp));
      why.appendChild(el("div", "", rule.explanation));
      why.addEventListener("click", (ev) => ev.stopPropagation());
      li.appendChild(why);
    }
    if (f.spans.length > 1) {
      const notes = el("ul", "notes");
      f.spans.slice(1).forEach((s) => notes.appendChild(el("li", "", fmt(T.noteAt, { message: s.message, line: s.atLine, col: s.atCol }))));
      li.appendChild(notes);
    }
    const label = el("label", "review");
    const box = el("input");
    box.type = "checkbox";
    box.addEventListener("click", (ev) => ev.stopPropagation());
    box.addEventListener("change", () => {
      if (box.checked) reviewed.add(i); else reviewed.delete(i);
      li.classList.toggle("reviewed", box.checked);
      document.getElementById("reviewed-count").textContent = String(reviewed.size);
      saveTicks();
    });
    if (savedTicks.has(f.fingerprint)) {
      box.checked = true;
      reviewed.add(i);
      li.classList.add("reviewed");
    }
    label.appendChild(box);
    label.appendChild(document.createTextNode(" " + T.reviewed));
    li.appendChild(label);
    li.addEventListener("click", () => select(i, true));
    items.push(li);
    list.appendChild(li);
  });
  const ruleFilter = document.getElementById("rule-filter");
  Array.from(rules).sort().forEach((r) => { const o = el("option", "", r); o.value = r; ruleFilter.appendChild(o); });

  function applyFilters() {
    const sevs = new Set(Array.from(document.querySelectorAll(".sev-filter")).filter((c) => c.checked).map((c) => c.value));
    const rule = ruleFilter.value;
    items.forEach((li) => li.classList.toggle("hidden", !sevs.has(li.dataset.severity) || (rule && li.dataset.rule !== rule)));
    // A highlight shows while one of its findings does.
    document.querySelectorAll("mark").forEach((m) => {
      const shown = m.dataset.findings.split(",").some((i) => !items[Number(i)].classList.contains("hidden"));
      m.classList.toggle("filtered", !shown);
    });
  }
  document.querySelectorAll(".sev-filter").forEach((c) => c.addEventListener("change", applyFilters));
  ruleFilter.addEventListener("change", applyFilters);

  let lastScrolled = null;
  let lastDownload = null;
  function select(i, scrollReport) {
    document.querySelectorAll("mark.active").forEach((m) => m.classList.remove("active"));
    items.forEach((li) => li.classList.remove("active"));
    const marks = marksOf.get(i) || [];
    marks.forEach((m) => m.classList.add("active"));
    items[i].classList.add("active");
    // The number at fault, not the first mark in reading order (for
    // target-below-prior-actual that is last year's figure).
    const target = (primaryOf.get(i) || marks)[0];
    lastScrolled = target;
    if (scrollReport && target) target.scrollIntoView({ block: "center" });
    if (!scrollReport) items[i].scrollIntoView({ block: "nearest" });
  }

  // The audit's targets (hollow) and results (filled, by status) by year,
  // one small chart per indicator; the figures as printed in each tooltip.
  const svgNs = "http://www.w3.org/2000/svg";
  function svgEl(tag, cls, attrs) {
    const e = document.createElementNS(svgNs, tag);
    if (cls) e.setAttribute("class", cls);
    Object.keys(attrs).forEach((k) => e.setAttribute(k, String(attrs[k])));
    return e;
  }
  const trendsBox = document.getElementById("trends");
  (data.trends || []).forEach((trend) => {
    const fig = el("figure");
    fig.appendChild(el("figcaption", "", trend.name));
    const w = 340, h = 70, pad = 14;
    const svg = svgEl("svg", "", { viewBox: "0 0 " + w + " " + h, role: "img" });
    const values = [];
    trend.points.forEach((p) => { if (p.target !== null) values.push(p.target); if (p.actual !== null) values.push(p.actual); });
    let lo = Math.min(...values), hi = Math.max(...values);
    if (hi - lo < 1e-9) { lo -= 1; hi += 1; }
    const n = trend.points.length;
    const x = (i) => n === 1 ? w / 2 : pad + (w - 2 * pad) * i / (n - 1);
    const y = (v) => h - 16 - (h - 26) * (v - lo) / (hi - lo);
    trend.points.forEach((p, i) => {
      const title = fmt(T.point, { year: p.year, target: p.targetText || "—", actual: p.actualText || "—", status: T[p.status] });
      if (p.target !== null && p.actual !== null) svg.appendChild(svgEl("line", "gap", { x1: x(i), x2: x(i), y1: y(p.target), y2: y(p.actual) }));
      if (p.target !== null) {
        const c = svgEl("circle", "target", { cx: x(i), cy: y(p.target), r: 4.5 });
        c.appendChild(svgEl("title", "", {})).textContent = title;
        svg.appendChild(c);
      }
      if (p.actual !== null) {
        const c = svgEl("circle", p.status, { cx: x(i), cy: y(p.actual), r: 3.5 });
        c.appendChild(svgEl("title", "", {})).textContent = title;
        svg.appendChild(c);
      }
      svg.appendChild(svgEl("text", "year", { x: x(i), y: h - 2, "text-anchor": "middle" })).textContent = String(p.year);
    });
    fig.appendChild(svg);
    trendsBox.appendChild(fig);
  });
  trendsBox.hidden = !(data.trends && data.trends.length);

  const counts = { error: 0, warning: 0, note: 0 };
  data.findings.forEach((f) => counts[f.severity]++);
  document.getElementById("summary").textContent =
    fmt(T.summary, { files: data.files.map((f) => f.path).join(T.listSeparator), errors: counts.error, warnings: counts.warning, notes: counts.note }) +
    (data.suppressed ? fmt(T.suppressed, { n: data.suppressed }) : "");

  document.getElementById("download").addEventListener("click", () => {
    // The baseline the page was made with, then the findings ticked here.
    const findings = (data.baseline || []).slice();
    const have = new Set(findings.map((f) => f.fingerprint));
    Array.from(reviewed).sort((a, b) => a - b).forEach((i) => {
      const f = data.findings[i];
      if (!have.has(f.fingerprint)) findings.push({ fingerprint: f.fingerprint, rule: f.rule, message: f.message });
    });
    lastDownload = findings;
    const blob = new Blob([JSON.stringify({ version: 1, findings: findings }, null, 1) + "\n"], { type: "application/json" });
    const a = el("a");
    a.href = URL.createObjectURL(blob);
    a.download = "plancheck-baseline.json";
    document.body.appendChild(a);
    a.click();
    a.remove();
    try { localStorage.removeItem(tickKey); } catch (e) { /* storage off */ }
  });

  // #selftest: what the browser test reads back from the DOM.
  if (location.hash === "#selftest") {
    const out = { findings: items.length, marks: document.querySelectorAll("mark").length };
    if (items.length) {
      items[0].click();
      out.clickedActive = document.querySelectorAll("mark.active").length;
      out.activeText = Array.from(document.querySelectorAll("mark.active")).map((m) => m.textContent).join("|");
      const firstMark = document.querySelector("mark:not(.related)");
      firstMark.click();
      out.markSelects = document.querySelectorAll("#findings li.active").length;
    }
    out.foreignElements = report.querySelectorAll("script, img, iframe, object, svg").length;
    out.trends = trendsBox.querySelectorAll("svg").length;
    out.lines = report.querySelectorAll(".line").length;
    out.anchors = report.querySelectorAll(".line[id^='L']").length;
    out.reportWidth = Math.round(report.getBoundingClientRect().width);
    out.explanations = list.querySelectorAll("details.why").length;
    // The page's own words (not the report's or the messages'): the test
    // checks they are in the language asked for.
    out.lang = document.documentElement.lang;
    out.chrome = ["header h1", "#summary", "#download", ".filters", "#findings .sev", "#findings details.why summary", "#findings .review"]
      .map((q) => Array.from(document.querySelectorAll(q)).map((e) => e.textContent).join(" ")).join("|");
    if (items.length) {
      // The finding whose primary span is not its first mark in reading order.
      const late = data.findings.findIndex((f) => f.spans.length > 1 &&
        (f.spans[1].file < f.spans[0].file || (f.spans[1].file === f.spans[0].file && f.spans[1].line < f.spans[0].line)));
      if (late >= 0) {
        items[late].click();
        out.scrolledToPrimary = lastScrolled !== null && (primaryOf.get(late) || []).includes(lastScrolled);
      }
      // A page made with a baseline downloads it whole plus what is ticked.
      const box = items[0].querySelector(".review input");
      box.checked = true;
      box.dispatchEvent(new Event("change"));
      document.getElementById("download").click();
      out.downloaded = lastDownload.length;
      out.downloadedEarlier = (data.baseline || []).filter((e) => lastDownload.some((d) => d.fingerprint === e.fingerprint)).length;
      out.earlier = (data.baseline || []).length;
      document.querySelectorAll(".sev-filter").forEach((c) => { c.checked = false; });
      applyFilters();
      out.shownMarksWhenAllFiltered = document.querySelectorAll("mark:not(.filtered)").length;
      document.querySelectorAll(".sev-filter").forEach((c) => { c.checked = true; });
      applyFilters();
    }
    out.trendPoints = trendsBox.querySelectorAll("circle").length;
    out.injected = typeof window.__injected !== "undefined";
    const t = document.getElementById("selftest");
    t.textContent = "SELFTEST " + JSON.stringify(out);
    t.hidden = false;
  }
})();
</script>
</body>
</html>
)PAGE";

}  // namespace

std::string RenderHtml(const std::vector<Diagnostic>& diagnostics,
                       const std::vector<const SourceFile*>& files, const std::string& version,
                       const PageOptions& options) {
  Json data;
  Json file_list = Json::array();
  for (const SourceFile* f : files) file_list.push_back({{"path", f->path()}, {"text", f->text()}});
  data["version"] = version;
  data["files"] = file_list;
  Json findings = Json::array();
  int suppressed = 0;
  for (const Diagnostic& d : diagnostics) {
    if (d.suppressed) {
      ++suppressed;
      continue;
    }
    int file_index = 0;
    auto index_of = [&](const SourceFile* file) {
      for (size_t i = 0; i < files.size(); ++i)
        if (files[i] == file) return static_cast<int>(i);
      return 0;
    };
    file_index = index_of(d.span.file);
    Json spans = Json::array({SpanJson(d.span, file_index, true, d.message)});
    for (const Related& r : d.related)
      spans.push_back(SpanJson(r.span, index_of(r.span.file), false, r.message));
    findings.push_back({{"rule", d.rule},
                        {"severity", SeverityName(d.severity)},
                        {"message", d.message},
                        {"fingerprint", FingerprintHash(d)},
                        {"spans", spans}});
  }
  data["findings"] = findings;
  data["suppressed"] = suppressed;
  Json trend_list = Json::array();
  for (const Trend& t : options.trends) {
    Json points = Json::array();
    auto number = [](const std::optional<double>& v) { return v ? Json(*v) : Json(nullptr); };
    for (const Trend::Point& p : t.points)
      points.push_back({{"year", p.year},
                        {"target", number(p.target)},
                        {"actual", number(p.actual)},
                        {"targetText", p.target_text},
                        {"actualText", p.actual_text},
                        {"status", p.status}});
    trend_list.push_back({{"name", t.name}, {"points", points}});
  }
  if (!options.trends.empty()) data["trends"] = trend_list;
  Json rule_texts = Json::object();
  for (const RuleInfo& r : options.rules) {
    bool used = false;
    for (const Diagnostic& d : diagnostics) used = used || d.rule == r.id;
    if (used) rule_texts[r.id] = {{"summary", r.summary}, {"explanation", r.explanation}};
  }
  data["rules"] = rule_texts;
  Json earlier = Json::array();
  if (options.acknowledged != nullptr)
    for (const Baseline::Entry& e : options.acknowledged->entries)
      earlier.push_back({{"fingerprint", e.fingerprint}, {"rule", e.rule}, {"message", e.message}});
  data["baseline"] = earlier;
  const auto words = PageStrings(options.english);
  Json strings = Json::object();
  for (const auto& [key, text] : words) strings[key] = text;
  data["strings"] = strings;

  std::string raw = data.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  std::string safe;
  safe.reserve(raw.size());
  for (char c : raw) {
    if (c == '<')
      safe += "\\u003c";
    else if (c == '>')
      safe += "\\u003e";
    else if (c == '&')
      safe += "\\u0026";
    else
      safe += c;
  }
  std::string title = strings["heading"].get<std::string>();
  if (!files.empty()) title += " — " + files[0]->path();
  std::string page = kPage;
  page.replace(page.find("@TITLE@"), 7, EscapeHtml(title));
  for (const auto& [key, text] : words) {
    const std::string mark = "@T:" + key + "@";
    for (size_t at = page.find(mark); at != std::string::npos; at = page.find(mark, at))
      page.replace(at, mark.size(), EscapeHtml(text));
  }
  page.replace(page.find("@DATA@"), 6, safe);
  return page;
}

}  // namespace plancheck
