#include "extract/lexicon.h"

#include <re2/re2.h>

#include <algorithm>

#include "base/spell.h"
#include "base/status.h"
#include "base/utf8.h"
#include "extract/fact.h"

namespace plancheck {

void Lexicon::LoadUnits(std::string_view text, const std::string& path, ConfigErrors* errors) {
  std::optional<toml::table> doc = ParseToml(text, path, errors);
  if (!doc) return;
  TableReader top(*doc, path, errors, "units file");
  const toml::array* units = top.Array("unit");
  if (const toml::table* labels = top.Table("dimensions")) {
    for (const auto& [name, label] : *labels) {
      if (const auto* text = label.as_string()) {
        dimension_labels_[std::string(name.str())] = text->get();
      } else {
        errors->Add(path, LineOf(label),
                    "[dimensions]: '" + std::string(name.str()) + "' must be a string");
      }
    }
  }
  top.Finish();
  if (units == nullptr) return;
  for (const toml::node& node : *units) {
    const toml::table* table = node.as_table();
    if (table == nullptr) {
      errors->Add(path, LineOf(node), "[[unit]] must be a table");
      continue;
    }
    TableReader r(*table, path, errors, "[[unit]]");
    std::vector<std::string> names = r.Strings("names");
    if (std::optional<std::string> name = r.String("name")) names.push_back(*name);
    std::optional<std::string> dimension = r.String("dimension", /*required=*/true);
    std::optional<std::string> base = r.String("base");
    double factor = r.Number("factor").value_or(1.0);
    bool generic = r.Bool("generic").value_or(false);
    r.Finish();
    if (names.empty()) r.Error(r.line(), "[[unit]]: needs 'name' or 'names'");
    if (factor <= 0) r.Error(r.LineOfKey("factor"), "[[unit]]: 'factor' must be positive");
    for (const std::string& name : names) {
      units_.push_back(
          Unit{name, base.value_or(name), dimension.value_or("count"), factor, generic});
    }
  }
  // Longest first, so that 个百分点 wins over 个 and 平方公里 over 公里.
  std::stable_sort(units_.begin(), units_.end(),
                   [](const Unit& a, const Unit& b) { return a.name.size() > b.name.size(); });
}

namespace {

// Sorts entries by the length of their words, longest first (stable): a
// longer word must be tried before a prefix or suffix of it (将近 before 近).
template <typename T, typename WordsOf>
void SortLongestFirst(std::vector<T>* list, WordsOf words_of) {
  std::stable_sort(list->begin(), list->end(),
                   [&](const T& a, const T& b) { return words_of(a).size() > words_of(b).size(); });
}

// Reads [{ words = "…", KEY = … }, …] into `out`, longest words first;
// `fill` reads the table's other keys into the entry, or reports what is
// wrong and returns false.
template <typename Entry, typename Fill>
void ReadEntries(const toml::array* array, const std::string& path, const std::string& what,
                 ConfigErrors* errors, Fill fill, std::vector<Entry>* out) {
  if (array == nullptr) return;
  for (const toml::node& node : *array) {
    const toml::table* t = node.as_table();
    if (t == nullptr) {
      errors->Add(path, LineOf(node), what + ": each entry must be a table { words = \"…\", … }");
      continue;
    }
    TableReader r(*t, path, errors, what);
    Entry entry;
    entry.words = r.String("words", /*required=*/true).value_or("");
    const bool ok = fill(r, &entry);
    r.Finish();
    if (ok && !entry.words.empty()) out->push_back(std::move(entry));
  }
  SortLongestFirst(out, [](const Entry& e) -> const std::string& { return e.words; });
}

// The same for entries with one value: `value` turns the table's other key
// into it, or reports what is wrong and returns nullopt.
template <typename ValueOf>
void ReadValued(const toml::array* array, const std::string& path, const std::string& what,
                ConfigErrors* errors, ValueOf value, std::vector<ExtractWords::Valued>* out) {
  ReadEntries(
      array, path, what, errors,
      [&](TableReader& r, ExtractWords::Valued* entry) {
        std::optional<int> v = value(r);
        if (v) entry->value = *v;
        return v.has_value();
      },
      out);
}

// Appends the non-empty strings of `key` to `list`, longest first.
void AppendWords(TableReader& r, std::string_view key, std::vector<std::string>* list) {
  for (std::string& w : r.Strings(key))
    if (!w.empty()) list->push_back(std::move(w));
  SortLongestFirst(list, [](const std::string& w) -> const std::string& { return w; });
}

}  // namespace

void Lexicon::LoadPeriodWords(const toml::table& table, const std::string& path,
                              ConfigErrors* errors) {
  TableReader r(table, path, errors, "[period]");
  AppendWords(r, "leaders", &period_.leaders);
  if (const toml::array* openers = r.Array("openers")) {
    for (const toml::node& node : *openers) {
      const toml::table* t = node.as_table();
      if (t == nullptr) {
        errors->Add(path, LineOf(node),
                    "[period] openers: each must be { words = \"…\", from = N, to = N }");
        continue;
      }
      TableReader o(*t, path, errors, "[period] opener");
      PeriodWords::Opener opener;
      opener.words = o.String("words", /*required=*/true).value_or("");
      std::optional<int64_t> from = o.Integer("from"), to = o.Integer("to");
      o.Finish();
      if (!from || !to) {
        errors->Add(path, LineOf(node),
                    "[period] opener: 'from' and 'to' (years from the report's year) are required");
        continue;
      }
      opener.from = static_cast<int>(*from);
      opener.to = static_cast<int>(*to);
      if (!opener.words.empty()) period_.openers.push_back(std::move(opener));
    }
  }
  r.Finish();
  SortLongestFirst(&period_.openers,
                   [](const PeriodWords::Opener& o) -> const std::string& { return o.words; });
  period_.Index();
}

void Lexicon::LoadExtractWords(const toml::table& table, const std::string& path,
                               ConfigErrors* errors) {
  TableReader r(table, path, errors, "[extract]");
  ReadValued(
      r.Array("qualifiers"), path, "[extract] qualifiers", errors,
      [&](TableReader& e) -> std::optional<int> {
        std::optional<std::string> q = e.Enum("qualifier", {">", "<", "~"}, ">");
        if (!q) return std::nullopt;
        return static_cast<int>(*q == ">"   ? Qualifier::kGt
                                : *q == "<" ? Qualifier::kLt
                                            : Qualifier::kApprox);
      },
      &extract_.qualifiers);
  ReadValued(
      r.Array("directions"), path, "[extract] directions", errors,
      [&](TableReader& e) -> std::optional<int> {
        std::optional<int64_t> d = e.Integer("direction");
        bool net = e.Bool("net").value_or(false);
        if (!d || (*d != 1 && *d != -1)) {
          e.Error(e.line(), "[extract] directions: 'direction' must be 1 or -1");
          return std::nullopt;
        }
        return static_cast<int>(*d) * (net ? 2 : 1);
      },
      &extract_.directions);
  ReadValued(
      r.Array("stages"), path, "[extract] stages", errors,
      [&](TableReader& e) -> std::optional<int> {
        std::optional<int64_t> s = e.Integer("stage");
        if (!s || *s < 0 || *s > 2) {
          e.Error(e.line(), "[extract] stages: 'stage' must be 0 (签约), 1 (开工) or 2 (投产)");
          return std::nullopt;
        }
        return static_cast<int>(*s);
      },
      &extract_.stages);
  ReadEntries(
      r.Array("implicit"), path, "[extract] implicit", errors,
      [&](TableReader& e, ExtractWords::Implicit* entry) {
        std::optional<std::string> measure = e.Enum("measure", {"rate", "growth"}, "rate");
        std::optional<double> value = e.Number("value");
        std::optional<std::string> q = e.Enum("qualifier", {"=", ">", "<", "~"}, "=");
        if (!value) e.Error(e.line(), "[extract] implicit: 'value' is required");
        if (!measure || !value || !q) return false;
        entry->measure = *measure == "growth" ? Measure::kGrowth : Measure::kRate;
        entry->value = *value;
        entry->qualifier = *q == ">"   ? Qualifier::kGt
                           : *q == "<" ? Qualifier::kLt
                           : *q == "~" ? Qualifier::kApprox
                                       : Qualifier::kEq;
        return true;
      },
      &extract_.implicit);
  AppendWords(r, "fillers", &extract_.fillers);
  AppendWords(r, "leading_noise", &extract_.leading_noise);
  AppendWords(r, "trailing_noise", &extract_.trailing_noise);
  r.Finish();
}

void Lexicon::LoadWords(std::string_view text, const std::string& path, ConfigErrors* errors) {
  std::optional<toml::table> doc = ParseToml(text, path, errors);
  if (!doc) return;
  TableReader top(*doc, path, errors, "words file");
  const toml::table* identity = top.Table("identity");
  const toml::table* period = top.Table("period");
  const toml::table* extract = top.Table("extract");
  const toml::table* claims = top.Table("claims");
  top.Finish();
  if (period != nullptr) LoadPeriodWords(*period, path, errors);
  if (extract != nullptr) LoadExtractWords(*extract, path, errors);
  if (identity != nullptr) LoadIdentityWords(*identity, path, errors);
  if (claims != nullptr) LoadClaimWords(*claims, path, errors);
}

void Lexicon::LoadClaimWords(const toml::table& table, const std::string& path,
                             ConfigErrors* errors) {
  TableReader r(table, path, errors, "[claims]");
  for (const auto& [key, node] : table) {
    const std::string name(key.str());
    std::vector<std::string> patterns;
    for (std::string& p : r.Strings(name))
      if (!p.empty()) patterns.push_back(std::move(p));
    if (patterns.empty()) continue;
    const std::string problem = claims_.Add(name, patterns);
    if (!problem.empty()) r.Error(r.LineOfKey(name), "[claims] " + name + ": " + problem);
  }
  r.Finish();
}

std::string ClaimWords::Add(const std::string& name, const std::vector<std::string>& patterns) {
  auto it = std::find_if(lists_.begin(), lists_.end(),
                         [&](const auto& entry) { return entry.first == name; });
  List list = it == lists_.end() ? List() : it->second;
  list.patterns.insert(list.patterns.end(), patterns.begin(), patterns.end());
  std::string alternation;
  for (const std::string& p : list.patterns) alternation += (alternation.empty() ? "" : "|") + p;
  RE2::Options options;
  options.set_log_errors(false);
  options.set_max_mem(8 << 20);
  auto re = std::make_shared<const GuardedRegex>(alternation, options);
  if (!re->ok()) {
    // Name the pattern RE2 rejects, not the whole alternation.
    for (const std::string& p : patterns) {
      RE2 one(p, options);
      if (!one.ok()) return "RE2 rejects '" + p + "': " + one.error();
    }
    return "RE2 rejects the list";
  }
  list.re = std::move(re);
  if (it == lists_.end())
    lists_.emplace_back(name, std::move(list));
  else
    it->second = std::move(list);
  return "";
}

const GuardedRegex* ClaimWords::Find(std::string_view name) const {
  for (const auto& [n, list] : lists_)
    if (n == name) return list.re.get();
  return nullptr;
}

std::vector<std::string> ClaimWords::Names() const {
  std::vector<std::string> out;
  for (const auto& entry : lists_) out.push_back(entry.first);
  return out;
}

void Lexicon::LoadIdentityWords(const toml::table& table, const std::string& path,
                                ConfigErrors* errors) {
  TableReader r(table, path, errors, "[identity]");
  AppendWords(r, "actions", &identity_.actions);
  AppendWords(r, "states", &identity_.states);
  AppendWords(r, "manner", &identity_.manner);
  AppendWords(r, "scope", &identity_.scope);
  AppendWords(r, "tiers", &identity_.tiers);
  AppendWords(r, "noun_end", &identity_.noun_end);
  AppendWords(r, "generic", &identity_.generic);
  AppendWords(r, "stock", &identity_.stock);
  AppendWords(r, "starts", &identity_.starts);
  AppendWords(r, "finishes", &identity_.finishes);
  AppendWords(r, "lower_is_better", &identity_.lower_is_better);
  AppendWords(r, "examples_end", &identity_.examples_end);
  AppendWords(r, "not_examples_end", &identity_.not_examples_end);
  if (const toml::array* pairs = r.Array("synonyms")) {
    for (const toml::node& node : *pairs) {
      const toml::array* pair = node.as_array();
      if (pair == nullptr || pair->size() != 2 || !(*pair)[0].is_string() ||
          !(*pair)[1].is_string()) {
        errors->Add(path, LineOf(node),
                    "each synonym must be a pair of strings [\"as written\", \"read as\"]");
        continue;
      }
      identity_.synonyms.emplace_back(*(*pair)[0].value<std::string>(),
                                      *(*pair)[1].value<std::string>());
    }
  }
  r.Finish();
}

void Lexicon::LoadIndicators(std::string_view text, const std::string& path, ConfigErrors* errors) {
  std::optional<toml::table> doc = ParseToml(text, path, errors);
  if (doc) LoadIndicatorsTable(*doc, path, errors);
}

void Lexicon::LoadIndicatorsTable(const toml::table& doc, const std::string& path,
                                  ConfigErrors* errors) {
  TableReader top(doc, path, errors, "indicators file");
  const toml::array* indicators = top.Array("indicator");
  const toml::array* compounds = top.Array("compound");
  top.Finish();
  if (indicators != nullptr) {
    for (const toml::node& node : *indicators) {
      const toml::table* table = node.as_table();
      if (table == nullptr) {
        errors->Add(path, LineOf(node), "[[indicator]] must be a table");
        continue;
      }
      TableReader r(*table, path, errors, "[[indicator]]");
      auto ind = std::make_unique<Indicator>();
      ind->name = r.String("name", /*required=*/true).value_or("");
      ind->aliases = r.Strings("aliases");
      if (!ind->name.empty() &&
          std::find(ind->aliases.begin(), ind->aliases.end(), ind->name) == ind->aliases.end())
        ind->aliases.push_back(ind->name);
      for (const std::string& pattern : r.Strings("patterns")) {
        RE2::Options options;
        options.set_log_errors(false);
        auto re = std::make_shared<GuardedRegex>(pattern, options);
        if (!re->ok()) {
          r.Error(r.LineOfKey("patterns"), "[[indicator]] '" + ind->name + "': bad pattern '" +
                                               pattern + "': " + re->re().error());
          continue;
        }
        ind->patterns.push_back(re);
      }
      ind->dimension = r.String("dimension").value_or("any");
      ind->dimension_label = DimensionLabel(ind->dimension);
      ind->units = r.Strings("units");
      std::string polarity = *r.Enum("polarity", {"higher", "lower", "band"}, "higher");
      ind->polarity = polarity == "lower"  ? Polarity::kLower
                      : polarity == "band" ? Polarity::kBand
                                           : Polarity::kHigher;
      std::string growth = *r.Enum("growth", {"real", "nominal", "none"}, "none");
      ind->growth = growth == "real"      ? GrowthBasis::kReal
                    : growth == "nominal" ? GrowthBasis::kNominal
                                          : GrowthBasis::kNone;
      std::string kind = *r.Enum("kind", {"level", "rate", "index"}, "level");
      ind->kind = kind == "rate"    ? IndicatorKind::kRate
                  : kind == "index" ? IndicatorKind::kIndex
                                    : IndicatorKind::kLevel;
      ind->growth_is_name = r.String("growth_is").value_or("");
      ind->growth_is_line = r.LineOfKey("growth_is");
      r.Finish();
      if (Indicator* same = const_cast<Indicator*>(FindByName(ind->name))) {
        if (!same->builtin) {
          r.Error(r.LineOfKey("name"), "[[indicator]]: duplicate name '" + ind->name + "'");
          continue;
        }
        // A copy of the built-in lexicon given with --rules redefines it in
        // place (facts and the alias index keep pointing at one indicator).
        std::vector<std::string> added;
        for (const std::string& alias : ind->aliases)
          if (std::find(same->aliases.begin(), same->aliases.end(), alias) == same->aliases.end())
            added.push_back(alias);
        *same = std::move(*ind);
        for (const std::string& alias : added) AddToTrie(alias, same);
        continue;
      }
      for (const std::string& alias : ind->aliases) AddToTrie(alias, ind.get());
      indicators_.push_back(std::move(ind));
    }
  }
  ResolveGrowthIs(path, errors);
  if (compounds != nullptr) {
    for (const toml::node& node : *compounds) {
      const toml::table* table = node.as_table();
      if (table == nullptr) continue;
      TableReader r(*table, path, errors, "[[compound]]");
      Compound c;
      c.word = r.String("word", true).value_or("");
      c.parts = r.Strings("parts");
      r.Finish();
      if (!c.word.empty() && c.parts.size() >= 2) compounds_.push_back(std::move(c));
    }
  }
}

void Lexicon::ResolveGrowthIs(const std::string& path, ConfigErrors* errors) {
  std::vector<std::string> names;
  for (const auto& ind : indicators_) names.push_back(ind->name);
  for (auto& ind : indicators_) {
    if (ind->growth_is_name.empty() || ind->growth_is != nullptr) continue;
    ind->growth_is = FindByName(ind->growth_is_name);
    if (ind->growth_is == nullptr)
      errors->Add(path, ind->growth_is_line,
                  "[[indicator]] '" + ind->name + "': growth_is names no indicator: '" +
                      ind->growth_is_name + "'" + DidYouMean(ind->growth_is_name, names));
  }
}

const Unit* Lexicon::MatchUnit(std::string_view text) const {
  for (const Unit& unit : units_) {
    if (text.substr(0, unit.name.size()) == unit.name) return &unit;
  }
  return nullptr;
}

const Unit* Lexicon::FindUnit(std::string_view name) const {
  for (const Unit& unit : units_)
    if (unit.name == name) return &unit;
  return nullptr;
}

std::string Lexicon::DimensionLabel(const std::string& dimension) const {
  auto it = dimension_labels_.find(dimension);
  return it == dimension_labels_.end() ? dimension : it->second;
}

const Indicator* Lexicon::FindByName(std::string_view name) const {
  for (const auto& ind : indicators_)
    if (ind->name == name) return ind.get();
  return nullptr;
}

void Lexicon::MarkBuiltin() {
  for (auto& ind : indicators_) ind->builtin = true;
}

void Lexicon::AddToTrie(const std::string& alias, const Indicator* indicator) {
  int node = 0;
  for (size_t i = alias.size(); i-- > 0;) {
    unsigned char c = static_cast<unsigned char>(alias[i]);
    auto& next = trie_[node].next;
    auto it = std::lower_bound(next.begin(), next.end(), std::make_pair(c, 0),
                               [](const auto& a, const auto& b) { return a.first < b.first; });
    if (it != next.end() && it->first == c) {
      node = it->second;
      continue;
    }
    int child = static_cast<int>(trie_.size());
    next.insert(it, {c, child});
    trie_.emplace_back();
    node = child;
  }
  trie_[node].ends.push_back(indicator);
  root_.fill(0);
  for (const auto& [byte, child] : trie_[0].next) root_[byte] = child;
}

std::optional<IndicatorMatch> Lexicon::FindIndicator(std::string_view context,
                                                     std::string_view dimension,
                                                     std::string_view unit) const {
  auto fits = [&](const Indicator* ind) {
    if (!dimension.empty() && ind->dimension != "any" && ind->dimension != dimension) return false;
    if (!unit.empty() && !ind->units.empty() &&
        std::find(ind->units.begin(), ind->units.end(), unit) == ind->units.end())
      return false;
    return true;
  };
  std::optional<IndicatorMatch> best;
  // Aliases: the first end position from the right where one fits; the
  // longest there.
  for (size_t end = context.size(); end > 0 && !best; --end) {
    // Aliases end on a character boundary.
    if (end < context.size() && IsTrailByte(context[end])) continue;
    int node = root_[static_cast<unsigned char>(context[end - 1])];
    if (node == 0) continue;
    for (const Indicator* ind : trie_[node].ends)
      if (fits(ind)) best = IndicatorMatch{ind, end - 1, end};
    for (size_t i = end - 1; i-- > 0;) {
      unsigned char c = static_cast<unsigned char>(context[i]);
      const auto& next = trie_[node].next;
      auto it = std::lower_bound(next.begin(), next.end(), std::make_pair(c, 0),
                                 [](const auto& a, const auto& b) { return a.first < b.first; });
      if (it == next.end() || it->first != c) break;
      node = it->second;
      for (const Indicator* ind : trie_[node].ends) {
        if (fits(ind)) best = IndicatorMatch{ind, i, end};  // later i-- gives longer ones
      }
    }
  }
  // Patterns: the last match of each; a pattern wins when it ends later, or
  // at the same place and starts earlier.
  for (const auto& ind : indicators_) {
    if (ind->patterns.empty() || !fits(ind.get())) continue;
    for (const auto& guarded : ind->patterns) {
      if (!guarded->MayMatch(context)) continue;
      const RE2* re = &guarded->re();
      re2::StringPiece match;
      size_t pos = 0;
      while (pos <= context.size() &&
             re->Match(context, pos, context.size(), RE2::UNANCHORED, &match, 1)) {
        size_t begin = static_cast<size_t>(match.data() - context.data());
        size_t end = begin + match.size();
        if (!best || end > best->end || (end == best->end && begin < best->begin))
          best = IndicatorMatch{ind.get(), begin, end};
        pos = end > begin ? end : begin + 1;
      }
    }
  }
  return best;
}

}  // namespace plancheck

#include "base/embedded.h"

namespace plancheck {

void LoadDefaultLexicon(Lexicon* lexicon, ConfigErrors* errors) {
  for (const EmbeddedFile& f : EmbeddedFiles()) {
    if (f.path == "rules/units.toml") lexicon->LoadUnits(f.text, std::string(f.path), errors);
  }
  for (const EmbeddedFile& f : EmbeddedFiles()) {
    if (f.path == "rules/words.toml") lexicon->LoadWords(f.text, std::string(f.path), errors);
  }
  for (const EmbeddedFile& f : EmbeddedFiles()) {
    if (f.path == "rules/indicators.toml")
      lexicon->LoadIndicators(f.text, std::string(f.path), errors);
  }
}

const Lexicon& DefaultLexicon() {
  static const Lexicon* lexicon = [] {
    auto* l = new Lexicon();
    ConfigErrors errors;
    LoadDefaultLexicon(l, &errors);
    PLANCHECK_CHECK(errors.empty());
    return l;
  }();
  return *lexicon;
}

std::string TrimNoise(std::string_view s, const ExtractWords& words) {
  auto strip_one = [&s](const std::vector<std::string>& list, bool front) {
    for (std::string_view w : list) {
      if (front ? StartsWith(s, w) : EndsWith(s, w)) {
        if (front)
          s.remove_prefix(w.size());
        else
          s.remove_suffix(w.size());
        return true;
      }
    }
    return false;
  };
  while (!s.empty() &&
         (strip_one(words.leading_noise, true) || strip_one(words.trailing_noise, false))) {
  }
  return std::string(s);
}

}  // namespace plancheck
