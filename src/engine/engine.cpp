#include "engine/engine.h"

#include <sys/stat.h>

#include <algorithm>
#include <future>
#include <set>
#include <tuple>

#include "base/embedded.h"
#include "base/spell.h"
#include "engine/audit.h"
#include "extract/extractor.h"
#include "text/decode.h"

namespace plancheck {
namespace {

// The data files that are not rules: the lexicon, the regions, and the
// named identities rules join by. They load before any rule file.
bool IsLexiconFile(std::string_view name) {
  return name == "units.toml" || name == "indicators.toml" || name == "regions.toml" ||
         name == "words.toml" || name == "identities.toml";
}

std::string BaseName(std::string_view path) {
  size_t slash = path.rfind('/');
  return std::string(slash == std::string_view::npos ? path : path.substr(slash + 1));
}

// Collects diagnostics, applying the configured severity overrides.
class VectorSink : public DiagnosticSink {
 public:
  VectorSink(std::vector<Diagnostic>* out, const std::map<std::string, Severity>& severity)
      : out_(out), severity_(severity) {}
  void Report(Diagnostic d) override {
    auto it = severity_.find(d.rule);
    if (it != severity_.end()) d.severity = it->second;
    out_->push_back(std::move(d));
  }

 private:
  std::vector<Diagnostic>* out_;
  const std::map<std::string, Severity>& severity_;
};

}  // namespace

Engine::Engine() = default;
Engine::~Engine() = default;

void Engine::LoadRegions(std::string_view text, const std::string& path, ConfigErrors* errors) {
  std::optional<toml::table> doc = ParseToml(text, path, errors);
  if (!doc) return;
  TableReader top(*doc, path, errors, "regions file");
  for (std::string& word : top.Strings("peer_words")) peer_words_.push_back(std::move(word));
  const toml::array* regions = top.Array("region");
  top.Finish();
  if (regions == nullptr) return;
  for (const toml::node& node : *regions) {
    const toml::table* table = node.as_table();
    if (table == nullptr) continue;
    TableReader r(*table, path, errors, "[[region]]");
    Region region;
    r.String("name");  // names the entry for its reader
    region.peers = static_cast<int>(r.Integer("peers").value_or(0));
    region.members = r.Strings("members");
    r.Finish();
    regions_.push_back(region);
  }
}

void Engine::LoadDefaults(bool rules, ConfigErrors* errors) {
  // Start-up on three threads. One reads the rule files (TOML and rules;
  // they do not depend on the lexicon), then makes ICU build its Chinese
  // number parser (its first parse costs ~9M instructions); the engine's
  // destructor waits for it. One parses the indicator lexicon's TOML, the
  // largest lexicon file. This one reads units and regions, then the
  // indicators, then takes the rules.
  auto embedded = [](std::string_view name) -> const EmbeddedFile* {
    for (const EmbeddedFile& f : EmbeddedFiles())
      if (BaseName(f.path) == name) return &f;
    return nullptr;
  };
  struct Loaded {
    RuleSet rules;
    ConfigErrors errors;
  };
  std::vector<const EmbeddedFile*> rule_files;
  for (const EmbeddedFile& f : EmbeddedFiles())
    if (rules && !IsLexiconFile(BaseName(f.path))) rule_files.push_back(&f);
  // The identities first (a few lines): the rules resolve `same` by them.
  if (const EmbeddedFile* f = embedded("identities.toml"))
    identities_.Load(f->text, std::string(f->path), errors);
  identities_.MarkBuiltin();
  if (rules && identities_.Find(Identities::kOutcome) == nullptr)
    errors->Add("identities.toml", 0,
                std::string("the identity '") + Identities::kOutcome + "' is missing");
  std::promise<Loaded> promise;
  std::future<Loaded> loaded = promise.get_future();
  warm_up_ =
      std::async(std::launch::async, [this, rule_files, promise = std::move(promise)]() mutable {
        Loaded out;
        out.rules.set_identities(&identities_);
        for (const EmbeddedFile* f : rule_files)
          out.rules.LoadFile(f->text, std::string(f->path), &out.errors);
        promise.set_value(std::move(out));
        WarmUpNumberParsing();
      });
  struct ParsedFile {
    std::optional<toml::table> table;
    ConfigErrors errors;
  };
  const EmbeddedFile* indicators = embedded("indicators.toml");
  std::future<ParsedFile> parsed_indicators;
  if (indicators != nullptr) {
    parsed_indicators = std::async(std::launch::async, [indicators] {
      ParsedFile out;
      out.table = ParseToml(indicators->text, std::string(indicators->path), &out.errors);
      return out;
    });
  }
  if (const EmbeddedFile* f = embedded("units.toml"))
    lexicon_.LoadUnits(f->text, std::string(f->path), errors);
  if (const EmbeddedFile* f = embedded("words.toml"))
    lexicon_.LoadWords(f->text, std::string(f->path), errors);
  if (const EmbeddedFile* f = embedded("regions.toml"))
    LoadRegions(f->text, std::string(f->path), errors);
  if (indicators != nullptr) {
    ParsedFile parsed = parsed_indicators.get();
    for (const ConfigError& e : parsed.errors.all()) errors->Add(e.path, e.line, e.message);
    if (parsed.table)
      lexicon_.LoadIndicatorsTable(*parsed.table, std::string(indicators->path), errors);
  }
  Loaded defaults = loaded.get();
  for (const ConfigError& e : defaults.errors.all()) errors->Add(e.path, e.line, e.message);
  rules_.Append(std::move(defaults.rules));
  rules_.set_identities(&identities_);
  // What --rules directories load later may redefine these.
  rules_.MarkBuiltin();
  lexicon_.MarkBuiltin();
}

const std::vector<int>& Engine::OutcomeFields() const {
  const std::vector<int>* fields = identities_.Find(Identities::kOutcome);
  PLANCHECK_CHECK(fields != nullptr);
  return *fields;
}

void Engine::LoadRuleText(std::string_view text, const std::string& path, ConfigErrors* errors) {
  RefreshVocabulary();
  rules_.LoadFile(text, path, errors);
}

void Engine::LoadDirectory(const std::string& dir, ConfigErrors* errors) {
  Result<std::vector<std::string>> listed = ListFiles(dir, ".toml");
  if (!listed.ok()) {
    errors->Add(dir, 0, "cannot open rule directory");
    return;
  }
  std::vector<std::string> names = std::move(listed.value());
  // Lexicon first, so that rules can name indicators it adds.
  std::stable_partition(names.begin(), names.end(),
                        [](const std::string& n) { return IsLexiconFile(n); });
  for (const std::string& name : names) {
    std::string path = dir + (dir.back() == '/' ? "" : "/") + name;
    Result<std::string> bytes = ReadFileBytes(path);
    if (!bytes.ok()) {
      errors->Add(path, 0, bytes.status().message());
      continue;
    }
    if (name == "units.toml")
      lexicon_.LoadUnits(*bytes, path, errors);
    else if (name == "indicators.toml")
      lexicon_.LoadIndicators(*bytes, path, errors);
    else if (name == "regions.toml")
      LoadRegions(*bytes, path, errors);
    else if (name == "words.toml")
      lexicon_.LoadWords(*bytes, path, errors);
    else if (name == "identities.toml")
      identities_.Load(*bytes, path, errors);
    else {
      RefreshVocabulary();
      rules_.LoadFile(*bytes, path, errors);
    }
  }
}

void Engine::RefreshVocabulary() {
  // Without a lexicon there is nothing to check against.
  if (lexicon_.indicators().empty()) {
    rules_.set_vocabulary(nullptr);
    return;
  }
  vocabulary_ = Vocabulary();
  for (const auto& indicator : lexicon_.indicators())
    vocabulary_.indicators.push_back(indicator->name);
  vocabulary_.claims = lexicon_.claim_words().Names();
  vocabulary_.units.push_back("rank");
  for (const Unit& unit : lexicon_.units()) {
    vocabulary_.units.push_back(unit.name);
    vocabulary_.units.push_back(unit.base);
  }
  for (auto* names : {&vocabulary_.indicators, &vocabulary_.units}) {
    std::sort(names->begin(), names->end());
    names->erase(std::unique(names->begin(), names->end()), names->end());
  }
  rules_.set_vocabulary(&vocabulary_);
}

Status Engine::Select(const RuleSelection& selection) {
  std::vector<std::string> names = rules_.Ids();
  for (const std::string& g : rules_.Groups()) names.push_back(g);
  for (const char* g : {"default", "strict", "audit"}) names.push_back(g);
  for (const auto* list : {&selection.enable, &selection.disable}) {
    for (const std::string& name : *list) {
      if (std::find(names.begin(), names.end(), name) == names.end()) {
        return Status::Error("unknown rule or group '" + name + "'" + DidYouMean(name, names));
      }
    }
  }
  for (const auto& [id, severity] : selection.severity) {
    if (rules_.Find(id) == nullptr)
      return Status::Error("unknown rule '" + id + "'" + DidYouMean(id, rules_.Ids()));
  }
  severity_ = selection.severity;
  auto named = [](const std::vector<std::string>& list, const Rule& r) {
    return std::find(list.begin(), list.end(), r.id) != list.end() ||
           std::find(list.begin(), list.end(), r.group) != list.end();
  };
  enabled_.clear();
  for (const auto& r : rules_.rules()) {
    bool on = r->group == "default" || (selection.strict && r->group == "strict");
    if (named(selection.enable, *r)) on = true;
    if (std::find(selection.disable.begin(), selection.disable.end(), r->id) !=
            selection.disable.end() ||
        (std::find(selection.disable.begin(), selection.disable.end(), r->group) !=
             selection.disable.end() &&
         std::find(selection.enable.begin(), selection.enable.end(), r->id) ==
             selection.enable.end()))
      on = false;
    if (on) enabled_.push_back(r.get());
  }
  return Status::Ok();
}

void Engine::SelectOnly(const std::vector<const Rule*>& rules) { enabled_ = rules; }

void Engine::Prepare() { extractor_ = std::make_unique<Extractor>(lexicon_); }

Result<Report> Engine::Load(const std::string& path, const std::string& display,
                            const std::string& encoding, size_t max_bytes,
                            InputFormat format) const {
  Result<std::string> bytes = ReadFileBytes(path, max_bytes);
  if (!bytes.ok()) return bytes.status();
  Result<std::unique_ptr<SourceFile>> file =
      ReadInput(std::move(*bytes), display, format, encoding, max_bytes);
  if (!file.ok()) return file.status();
  return Analyze(std::move(*file));
}

Report Engine::Analyze(std::unique_ptr<SourceFile> file) const {
  PLANCHECK_CHECK(extractor_ != nullptr);
  Report report;
  report.file = std::move(file);
  report.document = Segment(*report.file, lexicon_.period_words());
  report.facts = extractor_->Extract(report.document);
  // Peers for ranks: the city whose member the report's region is.
  report.env.peer_words = &peer_words_;
  for (const Region& region : regions_) {
    for (const std::string& member : region.members) {
      if (!report.document.region.empty() &&
          report.document.region.find(member) != std::string::npos)
        report.env.peers = region.peers;
    }
  }
  return report;
}

namespace {

// One diagnostic per rule, span and message: a fact read twice (a list's
// items sharing one span) must not repeat a finding.
void DropRepeats(size_t from, std::vector<Diagnostic>* out) {
  std::set<std::tuple<std::string, uint32_t, uint32_t, std::string>> seen;
  size_t kept = from;
  for (size_t i = from; i < out->size(); ++i) {
    Diagnostic& d = (*out)[i];
    if (!seen.emplace(d.rule, d.span.begin, d.span.end, d.message).second) continue;
    if (kept != i) (*out)[kept] = std::move(d);
    ++kept;
  }
  out->resize(kept);
}

}  // namespace

void Engine::Check(const Report& report, bool english, std::vector<Diagnostic>* out) const {
  const size_t first = out->size();
  CheckInput input;
  input.document = &report.document;
  input.facts = &report.facts;
  input.env = &report.env;
  input.lexicon = &lexicon_;
  input.english = english;
  {
    VectorSink sink(out, severity_);
    for (const Rule* rule : enabled_)
      if (rule->scope == Rule::Scope::kReport) rule->check->Check(*rule, input, &sink);
  }
  DropRepeats(first, out);
}

std::vector<std::vector<const Report*>> Engine::GroupSeries(
    const std::vector<const Report*>& reports) {
  std::map<std::string, std::vector<const Report*>> by_region;
  for (const Report* r : reports) by_region[r->document.region].push_back(r);
  std::vector<std::vector<const Report*>> series;
  for (auto& [region, list] : by_region) {
    std::stable_sort(list.begin(), list.end(), [](const Report* a, const Report* b) {
      return a->document.target_year.value_or(0) < b->document.target_year.value_or(0);
    });
    series.push_back(list);
  }
  return series;
}

void Engine::CheckSeries(const std::vector<const Report*>& series, bool english,
                         std::vector<Diagnostic>* out) const {
  const size_t first = out->size();
  VectorSink sink(out, severity_);
  for (size_t i = 0; i + 1 < series.size(); ++i) {
    const Report& earlier = *series[i];
    const Report& later = *series[i + 1];
    if (!Consecutive(earlier, later)) continue;
    std::vector<Fact> facts = JoinedFacts(earlier, later);
    CheckInput input;
    input.document = &later.document;
    input.facts = &facts;
    input.env = &later.env;
    input.lexicon = &lexicon_;
    input.english = english;
    for (const Rule* rule : enabled_)
      if (rule->scope == Rule::Scope::kSeries) rule->check->Check(*rule, input, &sink);
  }
  DropRepeats(first, out);
}

}  // namespace plancheck
