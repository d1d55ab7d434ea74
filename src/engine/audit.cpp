#include "engine/audit.h"

#include <unordered_map>
#include <unordered_set>

#include "base/utf8.h"
#include "rules/expr.h"

namespace plancheck {

namespace {

bool Comparable(const Fact& f) {
  return (f.measure == Measure::kLevel || f.measure == Measure::kRate ||
          f.measure == Measure::kGrowth) &&
         !f.multi_year && !f.cumulative && !f.key.empty() && f.year.has_value();
}

// Whether two facts agree on every field of an identity (null agrees with
// nothing, as in the rules' ==).
bool SameBy(const std::vector<int>& identity, const Fact& x, const Fact& y) {
  static const Environment kNoEnv;
  for (int field : identity) {
    const Value a = FieldValue(x, field, kNoEnv), b = FieldValue(y, field, kNoEnv);
    if (a.type == Value::Type::kNull || a.type != b.type || a.number != b.number ||
        a.string != b.string)
      return false;
  }
  return true;
}

// "今年新开工700万套以上" names no object, "新开工保障性安居工程740万套" does:
// a fact whose words are only a verb phrase (its key is empty) takes the key
// of the one fact of `other` whose words begin with that phrase, in the
// same unit.
void MatchVerbOnly(std::vector<Fact>::iterator begin, std::vector<Fact>::iterator end,
                   const std::vector<Fact>& other) {
  constexpr size_t kShortestPhrase = 3;  // characters: 新开工, 基本建成
  for (auto f = begin; f != end; ++f) {
    if (!f->key.empty() || CountCodePoints(f->subject) < kShortestPhrase) continue;
    const std::string* found = nullptr;
    bool several = false;
    for (const Fact& o : other) {
      if (o.key.empty() || o.unit != f->unit || !StartsWith(o.subject, f->subject)) continue;
      several = several || (found != nullptr && *found != o.key);
      found = &o.key;
    }
    if (found != nullptr && !several) f->key = *found;
  }
}

}  // namespace

bool Consecutive(const Report& earlier, const Report& later) {
  return earlier.document.target_year && later.document.target_year &&
         *later.document.target_year == *earlier.document.target_year + 1;
}

bool AnyConsecutive(const std::vector<std::vector<const Report*>>& series) {
  for (const auto& s : series)
    for (size_t i = 0; i + 1 < s.size(); ++i)
      if (Consecutive(*s[i], *s[i + 1])) return true;
  return false;
}

std::vector<Fact> JoinedFacts(const Report& earlier, const Report& later) {
  std::vector<Fact> facts = earlier.facts;
  facts.insert(facts.end(), later.facts.begin(), later.facts.end());
  for (Fact& f : facts) f.part_of = -1;
  // Only keys the later report does not name exactly are free to match.
  std::unordered_set<std::string> later_keys;
  for (const Fact& f : later.facts)
    if (!f.key.empty()) later_keys.insert(f.key);
  std::unordered_set<std::string> earlier_keys, unmatched;
  for (const Fact& f : earlier.facts) {
    if (f.key.empty()) continue;
    earlier_keys.insert(f.key);
    if (!later_keys.count(f.key)) unmatched.insert(f.key);
  }
  std::unordered_map<std::string, std::string> matched;
  for (size_t i = earlier.facts.size(); i < facts.size(); ++i) {
    std::string& key = facts[i].key;
    if (key.empty() || earlier_keys.count(key)) continue;
    auto it = matched.find(key);
    if (it == matched.end())
      it = matched.emplace(key, MatchingKey(key, unmatched, KeyMatch::kEitherWay)).first;
    if (!it->second.empty()) key = it->second;
  }
  const auto later_begin = facts.begin() + static_cast<std::ptrdiff_t>(earlier.facts.size());
  MatchVerbOnly(facts.begin(), later_begin, later.facts);
  MatchVerbOnly(later_begin, facts.end(), earlier.facts);
  return facts;
}

std::vector<TargetPair> TargetPairs(const std::vector<Fact>& joined, size_t later_begin,
                                    const std::vector<int>& outcome) {
  // The later report's results by year, in text order.
  std::unordered_map<int, std::vector<const Fact*>> results;
  for (size_t i = later_begin; i < joined.size(); ++i) {
    const Fact& f = joined[i];
    if (f.role == Role::kActual && Comparable(f)) results[*f.year].push_back(&f);
  }
  std::vector<TargetPair> pairs;
  for (size_t i = 0; i < later_begin; ++i) {
    const Fact& t = joined[i];
    if (t.role != Role::kTarget || !Comparable(t) || !t.period.single_year() ||
        t.year != t.report_year)
      continue;
    TargetPair pair;
    pair.target = &t;
    auto it = results.find(*t.year);
    if (it != results.end()) {
      for (const Fact* a : it->second) {
        if (SameBy(outcome, t, *a)) {
          pair.actual = a;
          pair.outcome = TargetOutcome(t, *a);
          break;
        }
      }
    }
    pairs.push_back(pair);
  }
  return pairs;
}

}  // namespace plancheck
