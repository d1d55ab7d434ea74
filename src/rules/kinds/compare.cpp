#include "rules/kinds/compare.h"

#include <unordered_map>

#include "rules/filter.h"

namespace plancheck {
namespace {

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
    // Bucket the candidates by the first equality join, when there is one.
    // Keys view the facts' own text: no string is built per fact.
    struct Key {
      Value::Type type;
      double number;
      std::string_view string;
      bool operator==(const Key& o) const {
        return type == o.type && number == o.number && string == o.string;
      }
    };
    struct KeyHash {
      size_t operator()(const Key& k) const {
        return std::hash<std::string_view>()(k.string) ^ (std::hash<double>()(k.number) * 31) ^
               static_cast<size_t>(k.type);
      }
    };
    auto key_of = [](const Value& v) { return Key{v.type, v.number, v.string}; };
    std::unordered_map<Key, std::vector<const Fact*>, KeyHash> buckets;
    int key_field = index_fields_.empty() ? -1 : index_fields_.front();
    static const Environment kNoEnv;
    const Environment& env = in.env ? *in.env : kNoEnv;
    if (key_field >= 0)
      for (const Fact* a : others) buckets[key_of(FieldValue(*a, key_field, env))].push_back(a);

    for (const Fact& t : facts) {
      b.facts[0] = &t;
      b.facts[1] = nullptr;
      if (!subject_->Test(b)) continue;
      static const std::vector<const Fact*> kNone;
      const std::vector<const Fact*>* candidates = &others;
      if (key_field >= 0) {
        auto it = buckets.find(key_of(FieldValue(t, key_field, env)));
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
