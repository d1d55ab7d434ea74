#include "rules/rule.h"

#include <algorithm>
#include <set>

#include "base/spell.h"

namespace plancheck {

const std::string& Rule::Summary(bool english) const {
  return english && !summary_en.empty() ? summary_en : summary;
}

const std::string& Rule::Explanation(bool english) const {
  return english && !explanation_en.empty() ? explanation_en : explanation;
}

Diagnostic Rule::Make(const CheckInput& input, const Bindings& b, const Span& primary,
                      std::initializer_list<const Span*> notes) const {
  Diagnostic d;
  d.rule = id;
  d.severity = severity;
  const Template& msg = input.english && !message_en.empty() ? message_en : message;
  d.message = msg.Render(b);
  d.span = primary;
  const Template& n = input.english && !note_en.empty() ? note_en : note;
  for (const Span* note : notes) {
    if (note == nullptr || !note->valid()) continue;
    const bool repeated = std::any_of(d.related.begin(), d.related.end(), [&](const Related& r) {
      return r.span.begin == note->begin;
    });
    if (!repeated) d.related.push_back(Related{*note, n.Render(b)});
  }
  // Fingerprint: rule id and the identity of the facts involved.
  std::string print = id;
  for (const Fact* f : b.facts) {
    if (f == nullptr) continue;
    print += "|" + f->indicator_name() + "/" + (f->indicator ? "" : f->subject) + "/" +
             RoleName(f->role) + "/" + (f->year ? std::to_string(*f->year) : "") + "/" + f->text;
  }
  d.fingerprint = print;
  return d;
}

void RuleSet::Append(RuleSet&& other) {
  for (auto& rule : other.rules_) {
    PLANCHECK_CHECK(Find(rule->id) == nullptr);
    rules_.push_back(std::move(rule));
  }
  other.rules_.clear();
}

void RuleSet::MarkBuiltin() {
  for (auto& r : rules_) r->builtin = true;
}

const Rule* RuleSet::Find(const std::string& id) const {
  for (const auto& r : rules_)
    if (r->id == id) return r.get();
  return nullptr;
}

std::vector<std::string> RuleSet::Ids() const {
  std::vector<std::string> ids;
  for (const auto& r : rules_) ids.push_back(r->id);
  return ids;
}

std::vector<std::string> RuleSet::Groups() const {
  std::set<std::string> groups;
  for (const auto& r : rules_) groups.insert(r->group);
  return {groups.begin(), groups.end()};
}

namespace {

bool ValidId(const std::string& id) {
  if (id.empty() || id.front() == '-' || id.back() == '-') return false;
  for (char c : id)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
  return true;
}

}  // namespace

void RuleSet::LoadFile(std::string_view text, const std::string& path, ConfigErrors* errors) {
  std::optional<toml::table> doc = ParseToml(text, path, errors);
  if (doc) LoadTable(*doc, path, errors);
}

void RuleSet::LoadTable(const toml::table& doc, const std::string& path, ConfigErrors* errors) {
  TableReader top(doc, path, errors, "rule file");
  const toml::array* rules = top.Array("rule");
  top.Finish();
  if (rules == nullptr) {
    errors->Add(path, 1, "rule file has no [[rule]] tables");
    return;
  }
  std::vector<std::string> kind_names;
  for (const RuleKindInfo& k : RuleKinds()) kind_names.push_back(k.name);

  for (const toml::node& node : *rules) {
    const toml::table* table = node.as_table();
    if (table == nullptr) {
      errors->Add(path, LineOf(node), "[[rule]] must be a table");
      continue;
    }
    auto rule = std::make_unique<Rule>();
    rule->path = path;
    rule->line = LineOf(*table);
    const toml::node* id_node = table->get("id");
    std::string label = id_node && id_node->is_string()
                            ? "rule '" + id_node->as_string()->get() + "'"
                            : std::string("[[rule]]");
    TableReader rr(*table, path, errors, label);
    TableReader& r = rr;
    size_t before = errors->all().size();
    rule->id = r.String("id", true).value_or("");
    if (!rule->id.empty() && !ValidId(rule->id))
      r.Error(r.LineOfKey("id"), "rule id '" + rule->id + "' must be kebab-case ASCII");
    // A built-in rule of the same id is replaced (a copy of rules/ given
    // with --rules redefines, it does not duplicate); any other is an error.
    const Rule* same = rule->id.empty() ? nullptr : Find(rule->id);
    if (same != nullptr && same->builtin) {
      rules_.erase(std::remove_if(rules_.begin(), rules_.end(),
                                  [&](const std::unique_ptr<Rule>& x) { return x.get() == same; }),
                   rules_.end());
      same = nullptr;
    }
    if (same != nullptr)
      r.Error(r.LineOfKey("id"), "duplicate rule id '" + rule->id + "' (first at " +
                                     Find(rule->id)->path + ":" +
                                     std::to_string(Find(rule->id)->line) + ")");
    std::optional<std::string> kind = rr.String("kind", true);
    const RuleKindInfo* info = nullptr;
    if (kind) {
      for (const RuleKindInfo& k : RuleKinds())
        if (kind == k.name) info = &k;
      if (info == nullptr)
        rr.Error(rr.LineOfKey("kind"), "rule '" + rule->id + "': unknown kind '" + *kind + "'" +
                                           DidYouMean(*kind, kind_names));
      else
        rule->kind = *kind;
    }
    rule->group = *rr.Enum("group", {"default", "strict", "audit"}, "default");
    rule->scope = *rr.Enum("scope", {"report", "series"},
                           rule->group == "audit" ? "series" : "report") == "series"
                      ? Rule::Scope::kSeries
                      : Rule::Scope::kReport;
    std::string severity = *rr.Enum("severity", {"error", "warning", "note"}, "warning");
    ParseSeverity(severity, &rule->severity);
    rule->summary = rr.String("summary").value_or("");
    rule->summary_en = rr.String("summary_en").value_or("");
    rule->explanation = rr.String("explanation").value_or("");
    rule->explanation_en = rr.String("explanation_en").value_or("");
    std::vector<std::string> vars = info ? info->variables : std::vector<std::string>{"t", "a"};
    auto read_template = [&](const char* key, bool required, Template* out) {
      std::optional<std::string> s = rr.String(key, required);
      if (!s) return;
      Result<Template> t = Template::Parse(*s, vars);
      if (!t.ok()) {
        rr.Error(rr.LineOfKey(key),
                 "rule '" + rule->id + "': " + key + ": " + t.status().message());
        return;
      }
      *out = std::move(t.value());
    };
    read_template("message", true, &rule->message);
    read_template("message_en", false, &rule->message_en);
    read_template("note", false, &rule->note);
    read_template("note_en", false, &rule->note_en);
    if (info != nullptr)
      rule->check = info->compile(rr, ParseContext{vars, vocabulary_, identities_});

    if (const toml::array* tests = rr.Array("test")) {
      for (const toml::node& tn : *tests) {
        const toml::table* tt = tn.as_table();
        if (tt == nullptr) {
          rr.Error(LineOf(tn), "rule '" + rule->id + "': [[rule.test]] must be a table");
          continue;
        }
        TableReader tr(*tt, path, errors, "rule '" + rule->id + "' test");
        RuleTestCase tc;
        tc.line = LineOf(*tt);
        tc.reports = tr.Strings("reports");
        tc.text = tr.String("text", tc.reports.empty()).value_or("");
        if (const toml::array* expect = tr.Array("expect")) {
          for (const toml::node& en : *expect) {
            const toml::table* et = en.as_table();
            if (et == nullptr) {
              tr.Error(LineOf(en), "rule '" + rule->id + "' test: expect entries must be tables");
              continue;
            }
            TableReader er(*et, path, errors, "rule '" + rule->id + "' expected diagnostic");
            RuleTestCase::Expected e;
            e.span = er.String("span", true).value_or("");
            e.occurrence = static_cast<int>(er.Integer("occurrence").value_or(0));
            e.notes = er.Strings("notes");
            er.Finish();
            tc.expect.push_back(e);
          }
        }
        tr.Finish();
        rule->tests.push_back(std::move(tc));
      }
    }
    rr.Finish();
    if (errors->all().size() == before && rule->check) rules_.push_back(std::move(rule));
  }
}

}  // namespace plancheck
