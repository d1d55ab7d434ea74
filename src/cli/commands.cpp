#include "cli/commands.h"

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <boost/program_options.hpp>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <map>
#include <set>
#include <sstream>

#include "base/spell.h"
#include "cli/audit_table.h"
#include "cli/facts_output.h"
#include "cli/output.h"
#include "diag/formats.h"
#include "diag/render.h"
#include "engine/audit.h"
#include "engine/config.h"
#include "engine/engine.h"
#include "engine/fact_db.h"
#include "engine/rule_tests.h"
#include "engine/run.h"
#include "text/decode.h"

#ifndef PLANCHECK_VERSION
#define PLANCHECK_VERSION "0.0.0"
#endif

namespace po = boost::program_options;

namespace plancheck {
namespace {

struct Options {
  std::string command = "check";
  std::vector<std::string> args;
  std::string format;
  std::string output;
  std::vector<std::string> rule_dirs;
  bool no_default_rules = false;
  RuleSelection selection;
  std::string fail_on = "warning";
  std::string lang = "zh";
  std::string color = "auto";
  std::string encoding;
  InputFormat input_format = InputFormat::kAuto;  // --input-format
  int jobs = 1;
  size_t max_input_mb = 64;                   // --max-input-mb
  std::string config;                         // --config FILE
  std::string config_path;                    // the configuration read, if any
  std::map<std::string, int> severity_lines;  // its [severity] entries' lines
  std::string baseline;                       // --baseline FILE
  std::string write_baseline;
  bool fail_on_given = false;
  bool table = false;
  std::string db;  // --db FILE
  bool lang_given = false;
};

using CommandFn = int (*)(const Options&);

struct Command {
  const char* name;
  const char* usage;
  const char* summary;
  CommandFn run;
  // The options that apply to it (long names; --help and --version apply
  // everywhere). Any other option given is an error, not silently ignored.
  std::vector<std::string> options;
};

int CmdCheck(const Options& o);
int CmdFacts(const Options& o);
int CmdExplain(const Options& o);
int CmdRules(const Options& o);
int CmdTestRules(const Options& o);
int CmdAudit(const Options& o);
int CmdHelp(const Options& o);

// The one table that drives dispatch, help, option scope and "did you mean".
const Command kCommands[] = {
    {"check",
     "[check] FILE|DIR...",
     "diagnostics for each report (the default command)",
     &CmdCheck,
     {"format", "output", "rules", "no-default-rules", "enable", "disable", "strict", "fail-on",
      "lang", "color", "encoding", "input-format", "jobs", "max-input-mb", "config", "baseline",
      "write-baseline"}},
    {"facts",
     "facts FILE|DIR...",
     "the facts extracted from each report (table, jsonl, csv)",
     &CmdFacts,
     {"format", "output", "rules", "no-default-rules", "encoding", "input-format", "jobs",
      "max-input-mb", "db", "config"}},
    {"audit",
     "audit FILE|DIR...",
     "reports of a region across years: cross-report rules (--table: indicator by year)",
     &CmdAudit,
     {"format", "output", "rules", "no-default-rules", "enable", "disable", "fail-on", "lang",
      "color", "encoding", "input-format", "jobs", "max-input-mb", "table", "db", "config"}},
    {"explain",
     "explain RULE-ID",
     "what a rule checks, why, and its examples",
     &CmdExplain,
     {"output", "rules", "no-default-rules", "lang", "config"}},
    {"rules",
     "rules [--kinds|--fields]",
     "the loaded rules with group and severity (or the rule kinds, or the fields of facts)",
     &CmdRules,
     {"output", "rules", "no-default-rules", "enable", "disable", "strict", "lang", "kinds",
      "fields", "config"}},
    {"test-rules",
     "test-rules [DIR]",
     "run every rule's own test cases",
     &CmdTestRules,
     {"output", "rules", "no-default-rules"}},
    {"help", "help [COMMAND]", "this help, or a command's", &CmdHelp, {}},
};

const Command* FindCommand(const std::string& name) {
  for (const Command& c : kCommands)
    if (name == c.name) return &c;
  return nullptr;
}

std::vector<std::string> CommandNames() {
  std::vector<std::string> names;
  for (const Command& c : kCommands) names.push_back(c.name);
  return names;
}

int Fail(const std::string& message) {
  std::fprintf(stderr, "plancheck: error: %s\n", message.c_str());
  return 2;
}

// The option descriptions, shared by the parser and the help texts.
const po::options_description& VisibleOptions();

// One command's help: its usage, and only the options that apply to it.
std::string CommandHelp(const Command& c) {
  std::string out = std::string("usage: plancheck ") + c.usage + "\n\n" + c.summary + "\n";
  if (c.options.empty()) return out;
  po::options_description scoped("options");
  for (const std::string& name : c.options)
    if (const po::option_description* d = VisibleOptions().find_nothrow(name, false))
      scoped.add(boost::shared_ptr<po::option_description>(new po::option_description(*d)));
  std::ostringstream text;
  text << scoped;
  return out + "\n" + text.str();
}

std::string Help(const po::options_description& visible) {
  std::string out = "plancheck " PLANCHECK_VERSION
                    " — audits Chinese development plan reports and government work reports\n"
                    "for numeric and logical consistency.\n\nusage:\n";
  for (const Command& c : kCommands) {
    std::string usage = std::string("  plancheck ") + c.usage;
    out += usage + std::string(usage.size() < 36 ? 36 - usage.size() : 1, ' ') + c.summary + "\n";
  }
  out += "\n'plancheck COMMAND --help' (or 'plancheck help COMMAND') shows a command's options.\n";
  std::ostringstream s;
  s << visible;
  out += "\n" + s.str();
  out +=
      "\nFILE is a text, a Word document (.docx: a diagnostic's line is the paragraph number, its\n"
      "column the character in the paragraph) or a saved web page (.html: the line and column in\n"
      "the page's source); - is standard input; a DIR stands for the .txt, .docx, .docm, .html,\n"
      ".htm and .shtml files under it. Exit status: 0 no findings at or above --fail-on,\n"
      "1 findings at or above it, 2 usage, input or rule-file errors, 3 internal error.\n";
  return out;
}

// Reads the config file (--config, or the nearest .plancheck.toml above the
// first report) into `o`; command-line options keep precedence.
bool ApplyConfig(Options* o) {
  std::string path = o->config;
  if (path.empty()) {
    std::string start = ".";
    if (!o->args.empty() && o->args[0] != "-") {
      size_t slash = o->args[0].rfind('/');
      start = slash == std::string::npos ? "." : o->args[0].substr(0, slash + 1);
    }
    path = FindConfig(start);
    if (path.empty()) return true;
  }
  Result<std::string> text = ReadFileBytes(path);
  if (!text.ok()) {
    Fail(path + ": " + text.status().message());
    return false;
  }
  ConfigErrors errors;
  Config c = ParseConfig(*text, path, &errors);
  for (const ConfigError& e : errors.all()) std::fprintf(stderr, "%s\n", e.Format().c_str());
  if (!errors.empty()) return false;
  std::vector<std::string> enable = c.enable, disable = c.disable;
  enable.insert(enable.end(), o->selection.enable.begin(), o->selection.enable.end());
  disable.insert(disable.end(), o->selection.disable.begin(), o->selection.disable.end());
  // A rule named on the command line wins over the config's opposite list.
  for (const std::string& id : o->selection.enable)
    disable.erase(std::remove(disable.begin(), disable.end(), id), disable.end());
  for (const std::string& id : o->selection.disable)
    enable.erase(std::remove(enable.begin(), enable.end(), id), enable.end());
  o->selection.enable = enable;
  o->selection.disable = disable;
  o->selection.strict = o->selection.strict || c.strict;
  o->selection.severity = c.severity;
  o->config_path = path;
  o->severity_lines = c.severity_lines;
  std::vector<std::string> dirs = c.rule_dirs;
  dirs.insert(dirs.end(), o->rule_dirs.begin(), o->rule_dirs.end());
  o->rule_dirs = dirs;
  if (c.fail_on && !o->fail_on_given) o->fail_on = *c.fail_on;
  if (c.lang && !o->lang_given) o->lang = *c.lang;
  return true;
}

// Loads rules and lexicon as the options say; prints load errors.
bool LoadEngine(const Options& o, Engine* engine, bool load_rules = true) {
  ConfigErrors errors;
  engine->LoadDefaults(load_rules && !o.no_default_rules, &errors);
  for (const std::string& dir : o.rule_dirs) engine->LoadDirectory(dir, &errors);
  for (const ConfigError& e : errors.all()) std::fprintf(stderr, "%s\n", e.Format().c_str());
  if (!errors.empty()) return false;
  RuleSelection selection = o.selection;
  if (!load_rules) selection = RuleSelection();
  // A [severity] entry of the configuration naming no rule: its file and line.
  bool unknown = false;
  for (const auto& [id, line] : o.severity_lines) {
    if (!load_rules || engine->rules().Find(id) != nullptr) continue;
    std::fprintf(stderr, "%s:%d: error: [severity]: unknown rule '%s'%s\n", o.config_path.c_str(),
                 line, id.c_str(), DidYouMean(id, engine->rules().Ids()).c_str());
    unknown = true;
  }
  if (unknown) return false;
  Status s = engine->Select(selection);
  if (!s.ok()) {
    Fail(s.message());
    return false;
  }
  engine->Prepare();
  return true;
}

// What SARIF says of every loaded rule.
std::vector<RuleInfo> RuleInfos(const Engine& engine, bool english) {
  std::vector<RuleInfo> infos;
  for (const auto& r : engine.rules().rules())
    infos.push_back(RuleInfo{r->id, r->Summary(english), r->Explanation(english), r->severity});
  return infos;
}

// Writes a result to -o (or a baseline to its path), never over one of the
// run's reports; prints the error and returns false when it cannot.
bool Write(const Options& o, const std::string& path, const std::string& content) {
  Status s = WriteOutput(path, content, o.args);
  if (!s.ok()) Fail(s.message());
  return s.ok();
}

// How the options say to read files.
ReadOptions Reading(const Options& o) {
  ReadOptions r;
  r.encoding = o.encoding;
  r.format = o.input_format;
  r.max_bytes = o.max_input_mb << 20;
  r.jobs = o.jobs;
  return r;
}

// How reading the given reports went: the reports read, and whether any
// could not be (each got one error line). A run goes on with the reports
// it could read and exits 2 at the end.
struct Loaded {
  std::vector<Report> reports;
  bool failed = false;
};

// Loads every report; prints one error line for each that cannot be read.
// False only when there is nothing to read at all.
bool LoadReports(const Options& o, const Engine& engine, Loaded* loaded) {
  if (o.args.empty()) {
    Fail(std::string("no input files (see 'plancheck --help')"));
    return false;
  }
  const std::vector<InputFile> files = InputFiles(o.args);
  std::vector<Result<Report>> read = LoadAll(engine, files, Reading(o));
  for (size_t i = 0; i < files.size(); ++i) {
    if (!read[i].ok()) {
      Fail(files[i].display + ": " + read[i].status().message());
      loaded->failed = true;
    } else {
      loaded->reports.push_back(std::move(read[i].value()));
    }
  }
  return true;
}

bool UseColor(const Options& o) {
  if (o.color == "always") return true;
  if (o.color == "never") return false;
  const char* no_color = std::getenv("NO_COLOR");
  if (no_color != nullptr && *no_color != '\0') return false;
  const char* term = std::getenv("TERM");
  if (term != nullptr && std::string(term) == "dumb") return false;
  return o.output.empty() && isatty(STDOUT_FILENO);
}

// Rules asked for by --enable that compare consecutive reports cannot run in
// check, which reads one report at a time: one line says so and where they run.
void WarnSeriesRules(const Options& o, const Engine& engine) {
  const auto& asked = o.selection.enable;
  std::string ids;
  int n = 0;
  for (const Rule* r : engine.enabled()) {
    const bool named = std::find(asked.begin(), asked.end(), r->id) != asked.end() ||
                       std::find(asked.begin(), asked.end(), r->group) != asked.end();
    if (named && r->scope == Rule::Scope::kSeries) ids += (n++ ? ", " : "") + r->id;
  }
  if (n > 0)
    std::fprintf(
        stderr,
        "plancheck: warning: %s %s compare%s a report with the next year's, and check reads one "
        "report at a time: run %s with 'plancheck audit'\n",
        n == 1 ? "rule" : "rules", ids.c_str(), n == 1 ? "s" : "", n == 1 ? "it" : "them");
}

// The findings of check or audit (all of them, sorted, the baseline applied)
// in one of the formats that need them all at once. `page` carries what only
// the review page shows; its rules and language are filled in here.
// What the renderers need of this run: the rules' words, the version, the
// language and colour the options ask for.
RenderContext ContextOf(const Options& o, const Engine& engine) {
  RenderContext c;
  c.english = o.lang == "en";
  c.color = UseColor(o);
  c.rules = RuleInfos(engine, c.english);
  c.version = PLANCHECK_VERSION;
  return c;
}

// check for the formats that can be written one report at a time (text,
// json, github): reports are read, checked and rendered on -j workers and
// freed at once, so memory stays that of a few reports however many are
// given. Files are taken in path order, which is the order of the output.
int CheckStreaming(const Options& o, const Engine& engine, const Renderer& renderer,
                   const Baseline& baseline, Severity fail_on) {
  if (o.args.empty()) return Fail("no input files (see 'plancheck --help')");
  std::vector<InputFile> files = InputFiles(o.args);
  std::stable_sort(files.begin(), files.end(),
                   [](const InputFile& a, const InputFile& b) { return a.display < b.display; });
  const RenderContext context = ContextOf(o, engine);
  CheckOptions check;
  check.english = context.english;
  check.baseline = &baseline;
  check.fail_on = fail_on;
  const std::vector<CheckedFile> results =
      CheckEach(engine, files, Reading(o), check, [&](const std::vector<Diagnostic>& diagnostics) {
        return renderer.part(diagnostics, context);
      });
  // A file that cannot be read gets its error line; the others are still
  // reported, and the run exits 2.
  bool unreadable = false;
  for (size_t k = 0; k < files.size(); ++k) {
    if (!results[k].status.ok()) {
      Fail(files[k].display + ": " + results[k].status.message());
      unreadable = true;
    }
  }
  SeverityCounts total;
  bool fails = false;
  std::vector<std::string> parts;
  for (const CheckedFile& r : results) {
    total.Add(r.counts);
    fails = fails || r.fails;
    parts.push_back(r.rendered);
  }
  const int read = static_cast<int>(std::count_if(
      results.begin(), results.end(), [](const CheckedFile& r) { return r.status.ok(); }));
  if (!Write(o, o.output, renderer.join(parts, total, read, context)) || unreadable) return 2;
  return fails ? 1 : 0;
}

// The renderer --format names (`fallback` when none), or null after saying
// which formats `command` has.
const Renderer* ChooseRenderer(const Options& o, const char* command) {
  const std::string format = o.format.empty() ? "text" : o.format;
  const Renderer* renderer = FindRenderer(format);
  if (renderer == nullptr)
    Fail("unknown format '" + format + "' for " + command + DidYouMean(format, RendererNames()));
  return renderer;
}

int CmdCheck(const Options& o) {
  const Renderer* renderer = ChooseRenderer(o, "check");
  if (renderer == nullptr) return 2;
  Baseline baseline;
  if (!o.baseline.empty()) {
    Result<std::string> text = ReadFileBytes(o.baseline);
    if (!text.ok()) return Fail(o.baseline + ": " + text.status().message());
    Result<Baseline> parsed = ParseBaseline(*text);
    if (!parsed.ok()) return Fail(o.baseline + ": " + parsed.status().message());
    baseline = std::move(parsed.value());
  }
  Severity fail_on;
  if (!ParseSeverity(o.fail_on, &fail_on))
    return Fail("--fail-on must be error, warning or note, not '" + o.fail_on + "'");
  Engine engine;
  if (!LoadEngine(o, &engine)) return 2;
  WarnSeriesRules(o, engine);
  if (renderer->part != nullptr && o.write_baseline.empty())
    return CheckStreaming(o, engine, *renderer, baseline, fail_on);
  Loaded loaded;
  if (!LoadReports(o, engine, &loaded)) return 2;
  const std::vector<Report>& reports = loaded.reports;
  std::vector<Diagnostic> diagnostics;
  for (const Report& r : reports) engine.Check(r, o.lang == "en", &diagnostics);
  SortDiagnostics(&diagnostics);
  if (!o.write_baseline.empty()) {
    // Writing a baseline acknowledges this run's findings: they are shown
    // as suppressed and do not fail the run.
    if (!Write(o, o.write_baseline, RenderBaseline(diagnostics))) return 2;
    for (Diagnostic& d : diagnostics) d.suppressed = true;
  }
  ApplyBaseline(baseline, &diagnostics);
  RenderContext context = ContextOf(o, engine);
  for (const Report& r : reports) context.files.push_back(r.file.get());
  context.page.acknowledged = o.baseline.empty() ? nullptr : &baseline;
  if (!Write(o, o.output, renderer->whole(diagnostics, context)) || loaded.failed) return 2;
  return Fails(diagnostics, fail_on) ? 1 : 0;
}

int CmdFacts(const Options& o) {
  std::string format = o.format.empty() ? "table" : o.format;
  if (format != "table" && format != "jsonl" && format != "csv")
    return Fail("unknown format '" + format + "' for facts" +
                DidYouMean(format, {"table", "jsonl", "csv"}));
  Engine engine;
  if (!LoadEngine(o, &engine, /*load_rules=*/false)) return 2;
  Loaded loaded;
  if (!LoadReports(o, engine, &loaded)) return 2;
  // The database is changed only by a run that read every report.
  if (loaded.failed && !o.db.empty()) return 2;
  std::vector<const Report*> list;
  for (const Report& r : loaded.reports) list.push_back(&r);
  if (!o.db.empty()) {
    Result<std::unique_ptr<FactDb>> db = FactDb::Open(o.db);
    if (!db.ok()) return Fail(o.db + ": " + db.status().message());
    Status stored = (*db)->Store(list);
    if (!stored.ok()) return Fail(o.db + ": " + stored.message());
    size_t n = 0;
    for (const Report* r : list) n += r->facts.size();
    std::fprintf(stderr, "plancheck: stored %zu facts of %zu report(s) in %s\n", n, list.size(),
                 o.db.c_str());
    return 0;
  }
  std::string out = format == "jsonl" ? RenderFactsJsonl(list)
                    : format == "csv" ? RenderFactsCsv(list)
                                      : RenderFactsTable(list);
  return Write(o, o.output, out) && !loaded.failed ? 0 : 2;
}

int CmdAudit(const Options& given) {
  Options o = given;
  const std::string format = o.format.empty() ? "text" : o.format;
  const Renderer* renderer = nullptr;
  if (o.table) {
    const std::vector<std::string> kFormats = {"text", "csv", "markdown", "json"};
    if (std::find(kFormats.begin(), kFormats.end(), format) == kFormats.end())
      return Fail("unknown format '" + format + "' for audit --table" +
                  DidYouMean(format, kFormats));
  } else if ((renderer = ChooseRenderer(o, "audit")) == nullptr) {
    return 2;
  }
  Severity fail_on;
  if (!ParseSeverity(o.fail_on, &fail_on))
    return Fail("--fail-on must be error, warning or note, not '" + o.fail_on + "'");
  // The audit group, unless rules are named.
  o.selection.enable.push_back("audit");
  Engine engine;
  if (!LoadEngine(o, &engine)) return 2;
  Loaded loaded;
  if (o.args.empty() && !o.db.empty()) {
    // Only the stored history.
  } else if (!LoadReports(o, engine, &loaded)) {
    return 2;
  }
  const std::vector<Report>& reports = loaded.reports;
  // With --db, the stored reports join the ones given.
  std::vector<Report> stored;
  if (!o.db.empty()) {
    Result<std::vector<Report>> history = StoredReports(engine, o.db, reports);
    if (!history.ok()) return Fail(o.db + ": " + history.status().message());
    stored = std::move(*history);
  }
  std::vector<const Report*> list;
  for (const Report& r : reports) list.push_back(&r);
  for (const Report& r : stored) list.push_back(&r);
  std::vector<std::vector<const Report*>> series = Engine::GroupSeries(list);
  // Nothing to compare: say so rather than print nothing and pass.
  if (!AnyConsecutive(series) && !list.empty()) {
    const std::string why = "audit: nothing to compare: " + std::to_string(list.size()) +
                            " report(s) of " + std::to_string(series.size()) +
                            " region(s), and no two of one region for consecutive years (an audit "
                            "needs report N and report N+1 of the same region)";
    if (!o.table) return Fail(why);
    std::fprintf(stderr, "plancheck: note: %s; the table shows the targets alone\n", why.c_str());
  }
  // The table decides met or missed itself (TargetOutcome): the rules run
  // only for the findings.
  std::vector<Diagnostic> diagnostics;
  if (!o.table)
    for (const auto& s : series) engine.CheckSeries(s, o.lang == "en", &diagnostics);
  SortDiagnostics(&diagnostics);
  std::string out;
  if (o.table) {
    out = RenderAuditTable(BuildAuditTable(series, engine.OutcomeFields()), format);
  } else {
    RenderContext context = ContextOf(o, engine);
    for (const auto& s : series)
      for (const Report* r : s) context.files.push_back(r->file.get());
    if (format == "html")
      context.page.trends = AuditTrends(BuildAuditTable(series, engine.OutcomeFields()));
    out = renderer->whole(diagnostics, context);
  }
  if (!Write(o, o.output, out) || loaded.failed) return 2;
  return !o.table && Fails(diagnostics, fail_on) ? 1 : 0;
}

int CmdExplain(const Options& o) {
  if (o.args.size() != 1) return Fail("usage: plancheck explain RULE-ID");
  Engine engine;
  if (!LoadEngine(o, &engine)) return 2;
  const Rule* rule = engine.rules().Find(o.args[0]);
  if (rule == nullptr)
    return Fail("unknown rule '" + o.args[0] + "'" + DidYouMean(o.args[0], engine.rules().Ids()));
  const bool en = o.lang == "en";
  std::string out = rule->id + " — " + rule->Summary(en) + "\n";
  const std::string where = rule->path + ":" + std::to_string(rule->line);
  out += en ? "group: " + rule->group + ", severity: " + SeverityName(rule->severity) +
                  ", kind: " + rule->kind + ", defined at " + where + "\n"
            : "规则组：" + rule->group + "，严重程度：" + SeverityWord(rule->severity, false) +
                  "，类型：" + rule->kind + "，定义于 " + where + "\n";
  std::string text = rule->Explanation(en);
  while (!text.empty() && text.front() == '\n') text.erase(0, 1);
  out += "\n" + text;
  if (!text.empty() && text.back() != '\n') out += "\n";
  bool header = false;
  for (const RuleTestCase& tc : rule->tests) {
    if (!header) out += en ? "\nExamples:\n" : "\n示例：\n";
    header = true;
    out += tc.expect.empty() ? (en ? "\n  not flagged:\n" : "\n  不报告：\n")
                             : (en ? "\n  flagged:\n" : "\n  报告：\n");
    std::string body = tc.text;
    size_t pos = 0;
    while (pos < body.size()) {
      size_t nl = body.find('\n', pos);
      std::string line = body.substr(pos, nl == std::string::npos ? std::string::npos : nl - pos);
      if (!line.empty()) out += "    " + line + "\n";
      if (nl == std::string::npos) break;
      pos = nl + 1;
    }
    for (const auto& e : tc.expect) {
      out += "    → 「" + e.span + "」";
      for (const auto& n : e.notes)
        out += en ? " (note at 「" + n + "」)" : "（注释位于「" + n + "」）";
      out += "\n";
    }
  }
  return Write(o, o.output, out) ? 0 : 2;
}

int CmdRules(const Options& o) {
  Engine engine;
  if (!LoadEngine(o, &engine)) return 2;
  std::string out;
  if (!o.args.empty() && o.args[0] == "--kinds") {
    for (const RuleKindInfo& k : RuleKinds()) out += std::string(k.name) + "\t" + k.summary + "\n";
    return Write(o, o.output, out) ? 0 : 2;
  }
  if (!o.args.empty() && o.args[0] == "--fields") {
    for (const FieldInfo& f : FieldTable()) {
      const char* type = f.type == FieldInfo::Type::kNumber   ? "number"
                         : f.type == FieldInfo::Type::kString ? "string"
                                                              : "bool";
      std::string values;
      for (const std::string& v : f.values)
        values += (values.empty() ? " (" : ", ") + (v.empty() ? "\"\"" : v);
      out += std::string(f.name) + "\t" + type + values + (values.empty() ? "" : ")") + "\t" +
             f.doc + "\n";
    }
    return Write(o, o.output, out) ? 0 : 2;
  }
  std::vector<const Rule*> enabled = engine.enabled();
  for (const auto& r : engine.rules().rules()) {
    bool on = std::find(enabled.begin(), enabled.end(), r.get()) != enabled.end();
    char line[512];
    std::snprintf(line, sizeof line, "%-34s %-8s %-8s %-4s %s\n", r->id.c_str(), r->group.c_str(),
                  SeverityName(r->severity), on ? "on" : "off", r->Summary(o.lang == "en").c_str());
    out += line;
  }
  return Write(o, o.output, out) ? 0 : 2;
}

int CmdTestRules(const Options& o) {
  Options opts = o;
  for (const std::string& dir : o.args) opts.rule_dirs.push_back(dir);
  Engine engine;
  if (!LoadEngine(opts, &engine)) return 2;
  RuleTestSummary s = RunRuleTests(&engine);
  std::fputs(s.report.c_str(), stdout);
  std::printf("%d passed, %d failed\n",
              s.cases + static_cast<int>(engine.rules().rules().size()) - s.failed -
                  static_cast<int>(engine.rules().rules().size()),
              s.failed);
  return s.failed == 0 ? 0 : 1;
}

std::vector<std::string> SplitCommas(const std::vector<std::string>& values) {
  std::vector<std::string> out;
  for (const std::string& v : values) {
    size_t start = 0;
    while (start <= v.size()) {
      size_t comma = v.find(',', start);
      std::string part =
          v.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
      if (!part.empty()) out.push_back(part);
      if (comma == std::string::npos) break;
      start = comma + 1;
    }
  }
  return out;
}

}  // namespace

namespace {

int CmdHelp(const Options& o) {
  if (o.args.empty()) {
    std::fputs(Help(VisibleOptions()).c_str(), stdout);
    return 0;
  }
  const Command* c = FindCommand(o.args[0]);
  if (c == nullptr)
    return Fail("unknown command '" + o.args[0] + "'" + DidYouMean(o.args[0], CommandNames()));
  std::fputs(CommandHelp(*c).c_str(), stdout);
  return 0;
}

const po::options_description& VisibleOptions() {
  static const po::options_description* visible = [] {
    auto* options = new po::options_description("options");
    po::options_description& visible = *options;
    visible.add_options()("help,h", "show this help")("version", "show the version")(
        "format,f", po::value<std::string>(),
        "check and audit: text (default), json, sarif, github, html (audit: with a chart of "
        "targets and results) or markdown (a job summary); facts: table (default), jsonl or csv; "
        "audit --table: text, csv, markdown or json")(
        "output,o", po::value<std::string>(),
        "write to FILE (through a temporary file) instead of standard output")(
        "rules", po::value<std::vector<std::string>>()->composing(),
        "add the rule files (and units/indicators/regions/words/identities.toml) in DIR")(
        "no-default-rules", "do not load the rules compiled into the binary")(
        "enable", po::value<std::vector<std::string>>()->composing(),
        "enable a rule id or group (strict, audit)")(
        "disable", po::value<std::vector<std::string>>()->composing(),
        "disable a rule id or group")("strict", "enable the strict group")(
        "fail-on", po::value<std::string>(),
        "exit 1 on findings of this severity or above: error, warning (default), note")(
        "lang", po::value<std::string>(), "message language: zh (default) or en")(
        "color", po::value<std::string>(),
        "auto (default: on a terminal, unless NO_COLOR is set), always, never")(
        "encoding", po::value<std::string>(),
        "decode input as NAME (GB18030, UTF-16LE ...) instead of detecting")(
        "input-format", po::value<std::string>(),
        "read input as txt, docx or html instead of telling by content")(
        "jobs,j", po::value<int>(), "read and analyze N reports at once")(
        "max-input-mb", po::value<size_t>(), "refuse a report larger than N MB (default 64)")(
        "kinds", "with rules: list the rule kinds instead of the rules")(
        "fields", "with rules: list the fields of a fact that expressions read, with their types")(
        "table",
        "with audit: print the indicator-by-year table (--format text, csv, markdown or json)")(
        "db", po::value<std::string>(),
        "facts: store the reports and their facts in this SQLite FILE; audit: add the reports "
        "stored there")("config", po::value<std::string>(),
                        "read FILE instead of the nearest .plancheck.toml above the first report")(
        "baseline", po::value<std::string>(),
        "report only findings not acknowledged in FILE (a baseline)")(
        "write-baseline", po::value<std::string>(),
        "write every finding of this run to FILE as a baseline (and take them as acknowledged)");
    return options;
  }();
  return *visible;
}

}  // namespace

int RunCli(int argc, char** argv) {
  const po::options_description& visible = VisibleOptions();
  po::options_description hidden;
  hidden.add_options()("args", po::value<std::vector<std::string>>());
  po::options_description all;
  all.add(visible).add(hidden);
  po::positional_options_description positional;
  positional.add("args", -1);

  // Options known to the parser, for "did you mean".
  std::vector<std::string> option_names;
  for (const auto& opt : visible.options()) option_names.push_back("--" + opt->long_name());

  po::variables_map vm;
  try {
    po::store(
        po::command_line_parser(argc, argv)
            .options(all)
            .positional(positional)
            .style(po::command_line_style::default_style & ~po::command_line_style::allow_guessing)
            .run(),
        vm);
    po::notify(vm);
  } catch (const po::unknown_option& e) {
    std::string name = e.get_option_name();
    return Fail("unknown option '" + name + "'" + DidYouMean(name, option_names));
  } catch (const po::error& e) {
    return Fail(e.what());
  }
  if (vm.count("version")) {
    std::printf("plancheck %s\n", PLANCHECK_VERSION);
    return 0;
  }

  Options o;
  if (vm.count("args")) o.args = vm["args"].as<std::vector<std::string>>();
  bool named = false;  // the command was given by name
  if (!o.args.empty()) {
    if (const Command* c = FindCommand(o.args[0])) {
      o.command = c->name;
      o.args.erase(o.args.begin());
      named = true;
    }
  }
  const Command& command = *FindCommand(o.command);
  if (vm.count("help")) {
    std::fputs((named ? CommandHelp(command) : Help(visible)).c_str(), stdout);
    return 0;
  }
  // A first word that is neither a command nor a file may be a misspelt
  // command; after a command given by name it is only a missing file.
  if (!named && !o.args.empty() && o.args[0] != "-" && access(o.args[0].c_str(), F_OK) != 0) {
    std::string guess = ClosestMatch(o.args[0], CommandNames());
    if (!guess.empty())
      return Fail("unknown command '" + o.args[0] + "' (did you mean '" + guess + "'?)");
  }
  // An option that does not apply to the command is an error, not ignored.
  for (const auto& [name, value] : vm) {
    if (name == "args" || name == "help" || name == "version" || value.defaulted()) continue;
    if (std::find(command.options.begin(), command.options.end(), name) == command.options.end())
      return Fail("--" + name + " does not apply to '" + command.name + "' (see 'plancheck " +
                  command.name + " --help')");
  }
  if (vm.count("format")) o.format = vm["format"].as<std::string>();
  if (vm.count("output")) o.output = vm["output"].as<std::string>();
  if (vm.count("rules")) o.rule_dirs = vm["rules"].as<std::vector<std::string>>();
  o.no_default_rules = vm.count("no-default-rules") > 0;
  if (vm.count("enable"))
    o.selection.enable = SplitCommas(vm["enable"].as<std::vector<std::string>>());
  if (vm.count("disable"))
    o.selection.disable = SplitCommas(vm["disable"].as<std::vector<std::string>>());
  o.selection.strict = vm.count("strict") > 0;
  if (vm.count("fail-on")) o.fail_on = vm["fail-on"].as<std::string>();
  o.fail_on_given = vm.count("fail-on") > 0;
  if (vm.count("lang")) o.lang = vm["lang"].as<std::string>();
  o.lang_given = vm.count("lang") > 0;
  if (vm.count("config")) o.config = vm["config"].as<std::string>();
  if (vm.count("baseline")) o.baseline = vm["baseline"].as<std::string>();
  if (vm.count("write-baseline")) o.write_baseline = vm["write-baseline"].as<std::string>();
  if (o.command != "test-rules" && !ApplyConfig(&o)) return 2;
  if (o.lang != "zh" && o.lang != "en")
    return Fail("--lang must be zh or en, not '" + o.lang + "'");
  if (vm.count("color")) o.color = vm["color"].as<std::string>();
  if (o.color != "auto" && o.color != "always" && o.color != "never")
    return Fail("--color must be auto, always or never, not '" + o.color + "'");
  if (vm.count("encoding")) o.encoding = vm["encoding"].as<std::string>();
  if (vm.count("input-format")) {
    Result<InputFormat> format = ParseInputFormat(vm["input-format"].as<std::string>());
    if (!format.ok()) return Fail(format.status().message());
    o.input_format = *format;
  }
  if (vm.count("jobs")) o.jobs = vm["jobs"].as<int>();
  if (vm.count("max-input-mb")) o.max_input_mb = vm["max-input-mb"].as<size_t>();
  if (o.jobs < 1) return Fail("--jobs must be at least 1");
  if (vm.count("kinds")) o.args = {"--kinds"};
  if (vm.count("fields")) o.args = {"--fields"};
  o.table = vm.count("table") > 0;
  if (vm.count("db")) o.db = vm["db"].as<std::string>();
  if (o.command == "check" || o.command == "facts" || o.command == "audit")
    o.args = ExpandInputs(o.args);
  for (const Command& c : kCommands)
    if (o.command == c.name) return c.run(o);
  return Fail("unknown command '" + o.command + "'");
}

}  // namespace plancheck
