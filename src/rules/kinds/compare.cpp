#include "rules/kinds/compare.h"

#include <algorithm>
#include <array>
#include <unordered_map>

#include "rules/filter.h"

namespace plancheck {
namespace {

// A fact's values of the join's equality fields (the first kParts of them).
struct Key {
  static constexpr size_t kParts = 8;
  struct Part {
    Value::Type type = Value::Type::kNull;
    double number = 0;
    std::string_view string;
    bool operator==(const Part& o) const {
      return type == o.type && number == o.number && string == o.string;
    }
  };
  std::array<Part, kParts> parts;
  bool operator==(const Key& o) const { return parts == o.parts; }
};
size_t HashParts(const Key::Part* begin, const Key::Part* end) {
  size_t h = 0;
  for (const Key::Part* p = begin; p != end; ++p)
    h = h * 1000003 ^ std::hash<std::string_view>()(p->string) ^
        (std::hash<double>()(p->number) * 31) ^ static_cast<size_t>(p->type);
  return h;
}
struct KeyHash {
  size_t operator()(const Key& k) const {
    return HashParts(k.parts.data(), k.parts.data() + k.parts.size());
  }
};

// The values of some fields of a fact, hashed: what tells candidates apart.
struct Signature {
  std::vector<Key::Part> parts;
  bool operator==(const Signature& o) const { return parts == o.parts; }
};
struct SignatureHash {
  size_t operator()(const Signature& s) const {
    return HashParts(s.parts.data(), s.parts.data() + s.parts.size());
  }
};

// Candidates the join and the assertion cannot tell apart — equal in every
// field of `a` they read, but for one ordering field (a.sentence <
// t.sentence) — are one class: a report with the same statement a thousand
// times is checked in linear time, not quadratic. A class is tried through
// its member that comes first by that field (the earliest sentence), and
// through the next one when the first is the subject itself.
struct Class {
  const Fact* first = nullptr;
  const Fact* second = nullptr;
};

class Compare : public RuleCheck {
 public:
  Compare(ExprPtr subject, ExprPtr other, ExprPtr join, ExprPtr assertion, bool no_match)
      : subject_(std::move(subject)),
        other_(std::move(other)),
        join_(std::move(join)),
        assert_(std::move(assertion)),
        no_match_(no_match) {
    join_->EqualityJoins(&index_fields_);
    // What tells two candidates (variable 1, `a`) apart.
    bool opaque = false;
    std::vector<int> read, in_assert, ordering;
    join_->References(1, &read, &opaque);
    assert_->References(1, &in_assert, &opaque);
    join_->OrderingJoins(1, &ordering);
    std::sort(ordering.begin(), ordering.end());
    ordering.erase(std::unique(ordering.begin(), ordering.end()), ordering.end());
    read.insert(read.end(), in_assert.begin(), in_assert.end());
    std::sort(read.begin(), read.end());
    read.erase(std::unique(read.begin(), read.end()), read.end());
    const bool ordered_once = ordering.size() == 1 && std::find(in_assert.begin(), in_assert.end(),
                                                                ordering[0]) == in_assert.end();
    classes_ = !opaque && ordering.size() <= 1 && (ordering.empty() || ordered_once);
    if (!ordering.empty()) order_field_ = ordering[0];
    for (int f : read)
      if (f != order_field_) signature_fields_.push_back(f);
  }

  void Check(const Rule& rule, const CheckInput& in, DiagnosticSink* sink) const override {
    const std::vector<Fact>& facts = *in.facts;
    Bindings b;
    b.env = in.env;
    std::vector<const Fact*> others;
    for (const Fact& a : facts) {
      b.facts[0] = nullptr;
      b.facts[1] = &a;
      if (other_->Test(b)) others.push_back(&a);
    }
    // Bucket the candidates by the join's equalities ("a.indicator ==
    // t.indicator && a.year == t.year ..."): a fact is then joined only
    // with the facts that agree on all of them. Keys view the facts' own
    // text: no string is built per fact. The join itself is still evaluated
    // on every pair (nulls never compare equal there).
    static const Environment kNoEnv;
    const Environment& env = in.env ? *in.env : kNoEnv;
    auto key_of = [&](const Fact& f) {
      Key k;
      for (size_t i = 0; i < index_fields_.size() && i < Key::kParts; ++i) {
        Value v = FieldValue(f, index_fields_[i], env);
        k.parts[i] = {v.type, v.number, v.string};
      }
      return k;
    };
    const bool indexed = !index_fields_.empty();
    std::unordered_map<Key, std::vector<const Fact*>, KeyHash> buckets;
    if (indexed)
      for (const Fact* a : others) buckets[key_of(*a)].push_back(a);

    // Each bucket (or all candidates) as classes, in the order of their
    // first members.
    std::unordered_map<const std::vector<const Fact*>*, std::vector<Class>> classes;
    auto classes_of = [&](const std::vector<const Fact*>* list) -> const std::vector<Class>& {
      auto it = classes.find(list);
      if (it == classes.end()) it = classes.emplace(list, Classify(*list, env)).first;
      return it->second;
    };
    for (const Fact& t : facts) {
      b.facts[0] = &t;
      b.facts[1] = nullptr;
      if (!subject_->Test(b)) continue;
      static const std::vector<const Fact*> kNone;
      const std::vector<const Fact*>* candidates = &others;
      if (indexed) {
        auto it = buckets.find(key_of(t));
        candidates = it == buckets.end() ? &kNone : &it->second;
      }
      bool matched = false;
      for (const Class& c : classes_of(candidates)) {
        const Fact* a = c.first == &t ? c.second : c.first;
        if (a == nullptr) continue;
        b.facts[1] = a;
        if (!join_->Test(b)) continue;
        matched = true;
        if (no_match_ || assert_->Test(b)) continue;
        sink->Report(rule.Make(in, b, t.span, {&a->span}));
        break;
      }
      if (no_match_ && !matched) {
        b.facts[1] = nullptr;
        sink->Report(rule.Make(in, b, t.span, {}));
      }
    }
  }

 private:
  // `list` as classes (one each when candidates cannot be classed), each
  // with its first two members by the ordering field, in the order of
  // their first members.
  std::vector<Class> Classify(const std::vector<const Fact*>& list, const Environment& env) const {
    std::vector<Class> out;
    if (!classes_) {
      for (const Fact* a : list) out.push_back(Class{a, nullptr});
      return out;
    }
    auto order = [&](const Fact* f) {
      return order_field_ < 0 ? 0.0 : FieldValue(*f, order_field_, env).number;
    };
    std::unordered_map<Signature, size_t, SignatureHash> index;
    for (const Fact* a : list) {
      Signature s;
      for (int field : signature_fields_) {
        Value v = FieldValue(*a, field, env);
        s.parts.push_back({v.type, v.number, v.string});
      }
      auto [it, added] = index.emplace(std::move(s), out.size());
      if (added) {
        out.push_back(Class{a, nullptr});
        continue;
      }
      Class& c = out[it->second];
      // Keep the two earliest by the ordering field (text order on ties).
      if (order(a) < order(c.first)) {
        c.second = c.first;
        c.first = a;
      } else if (c.second == nullptr || order(a) < order(c.second)) {
        c.second = a;
      }
    }
    std::stable_sort(out.begin(), out.end(), [&](const Class& x, const Class& y) {
      return order(x.first) < order(y.first);
    });
    return out;
  }

  ExprPtr subject_, other_, join_, assert_;
  bool no_match_;
  std::vector<int> index_fields_;
  bool classes_ = false;               // candidates may be classed
  int order_field_ = -1;               // the one ordering field, or −1
  std::vector<int> signature_fields_;  // the fields of a that tell candidates apart
};

}  // namespace

std::unique_ptr<RuleCheck> CompileCompare(TableReader& r, const ParseContext& context) {
  ExprPtr subject = CompileFilter(r, "subject", context.variables[0], context);
  ExprPtr other = CompileFilter(r, "other", context.variables[1], context);
  ExprPtr join = CompileJoin(r, context);
  const std::string fire = *r.Enum("fire", {"assert-fails", "match", "no-match"}, "assert-fails");
  const bool no_match = fire == "no-match";
  ExprPtr assertion = CompileAssertion(r, fire, context);
  if (!subject || !other || !join || !assertion) return nullptr;
  return std::make_unique<Compare>(subject, other, join, assertion, no_match);
}

}  // namespace plancheck
