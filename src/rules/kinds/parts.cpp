#include "rules/kinds/parts.h"

#include <map>

#include "rules/filter.h"

namespace plancheck {
namespace {

class Parts : public RuleCheck {
 public:
  Parts(ExprPtr whole, ExprPtr part, ExprPtr assertion, bool range, int min_parts)
      : whole_(std::move(whole)),
        part_(std::move(part)),
        assert_(std::move(assertion)),
        range_(range),
        min_parts_(min_parts) {}

  void Check(const Rule& rule, const CheckInput& in, DiagnosticSink* sink) const override {
    const std::vector<Fact>& facts = *in.facts;
    std::map<int, std::vector<const Fact*>> parts;
    Bindings b;
    b.env = in.env;
    for (const Fact& f : facts) {
      if (f.part_of < 0) continue;
      b.facts[0] = &facts[f.part_of];
      b.facts[1] = &f;
      if (part_->Test(b)) parts[f.part_of].push_back(&f);
    }
    for (const auto& [index, list] : parts) {
      const Fact& whole = facts[index];
      b.facts[0] = &whole;
      b.facts[1] = b.facts[2] = nullptr;
      if (!whole_->Test(b) || static_cast<int>(list.size()) < min_parts_) continue;
      if (range_) {
        const Fact* lo = list.front();
        const Fact* hi = list.front();
        for (const Fact* p : list) {
          if (p->value < lo->value) lo = p;
          if (p->value > hi->value) hi = p;
        }
        b.facts[1] = lo;
        b.facts[2] = hi;
        if (!assert_->Test(b)) sink->Report(rule.Make(in, b, whole.span, {&lo->span, &hi->span}));
        continue;
      }
      for (const Fact* p : list) {
        b.facts[1] = p;
        if (!assert_->Test(b)) sink->Report(rule.Make(in, b, p->span, {&whole.span}));
      }
    }
  }

 private:
  ExprPtr whole_, part_, assert_;
  bool range_;
  int min_parts_;
};

}  // namespace

std::unique_ptr<RuleCheck> CompileParts(TableReader& r, const ParseContext& context) {
  ExprPtr whole = CompileFilter(r, "subject", context.variables[0], context);
  ExprPtr part = CompileFilter(r, "part", context.variables[1], context);
  ExprPtr assertion = CompileAssertion(r, "assert-fails", context);
  std::string mode = *r.Enum("mode", {"each", "range"}, "each");
  int min_parts = static_cast<int>(r.Integer("min_parts").value_or(1));
  if (!whole || !part || !assertion) return nullptr;
  return std::make_unique<Parts>(whole, part, assertion, mode == "range", min_parts);
}

}  // namespace plancheck
