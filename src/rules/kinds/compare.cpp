#include "rules/kinds/compare.h"

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
struct KeyHash {
  size_t operator()(const Key& k) const {
    size_t h = 0;
    for (const Key::Part& p : k.parts)
      h = h * 1000003 ^ std::hash<std::string_view>()(p.string) ^
          (std::hash<double>()(p.number) * 31) ^ static_cast<size_t>(p.type);
    return h;
  }
};

class Compare : public RuleCheck {
 public:
  Compare(ExprPtr subject, ExprPtr other, ExprPtr join, ExprPtr assertion, bool no_match)
      : subject_(std::move(subject)), other_(std::move(other)), join_(std::move(join)),
        assert_(std::move(assertion)), no_match_(no_match) {
    join_->EqualityJoins(&index_fields_);
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
      for (const Fact* a : *candidates) {
        if (a == &t) continue;
        b.facts[1] = a;
        if (!join_->Test(b)) continue;
        matched = true;
        if (no_match_ || assert_->Test(b)) continue;
        sink->Report(rule.Make(in, b, t.span, &a->span));
        break;
      }
      if (no_match_ && !matched) {
        b.facts[1] = nullptr;
        sink->Report(rule.Make(in, b, t.span, nullptr));
      }
    }
  }

 private:
  ExprPtr subject_, other_, join_, assert_;
  bool no_match_;
  std::vector<int> index_fields_;
};

}  // namespace

std::unique_ptr<RuleCheck> CompileCompare(TableReader& r, const std::vector<std::string>& vars) {
  ExprPtr subject = CompileFilter(r, "subject", vars[0], vars);
  ExprPtr other = CompileFilter(r, "other", vars[1], vars);
  ExprPtr join = CompileExpression(r, "join", false, vars);
  std::string fire = *r.Enum("fire", {"assert-fails", "no-match"}, "assert-fails");
  bool no_match = fire == "no-match";
  ExprPtr assertion = CompileExpression(r, "assert", !no_match, vars);
  if (!subject || !other || !join || !assertion) return nullptr;
  return std::make_unique<Compare>(subject, other, join, assertion, no_match);
}

}  // namespace plancheck
