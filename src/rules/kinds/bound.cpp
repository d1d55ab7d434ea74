#include "rules/kinds/bound.h"

#include <set>

#include "rules/filter.h"

namespace plancheck {
namespace {

enum class SpanChoice { kFact, kList, kEnumeration, kIndicator };

class Bound : public RuleCheck {
 public:
  Bound(ExprPtr subject, ExprPtr assertion, SpanChoice span, bool once_per_list)
      : subject_(std::move(subject)),
        assert_(std::move(assertion)),
        span_(span),
        once_per_list_(once_per_list) {}

  void Check(const Rule& rule, const CheckInput& in, DiagnosticSink* sink) const override {
    Bindings b;
    b.env = in.env;
    std::set<int> lists_seen;
    for (const Fact& t : *in.facts) {
      b.facts[0] = &t;
      if (!subject_->Test(b) || assert_->Test(b)) continue;
      if (once_per_list_ && t.list.id >= 0 && !lists_seen.insert(t.list.id).second) continue;
      Span span = t.span;
      if (span_ == SpanChoice::kList && t.list.span.valid()) span = t.list.span;
      if (span_ == SpanChoice::kEnumeration && t.enumeration.span.valid())
        span = t.enumeration.span;
      if (span_ == SpanChoice::kIndicator && t.indicator_span.valid()) span = t.indicator_span;
      const Span* note = span.begin != t.span.begin || span.end != t.span.end ? &t.span : nullptr;
      if (rule.note.empty()) note = nullptr;
      sink->Report(rule.Make(in, b, span, {note}));
    }
  }

 private:
  ExprPtr subject_, assert_;
  SpanChoice span_;
  bool once_per_list_;
};

}  // namespace

std::unique_ptr<RuleCheck> CompileBound(TableReader& r, const ParseContext& context) {
  ExprPtr subject = CompileFilter(r, "subject", context.variables[0], context);
  const std::string fire = *r.Enum("fire", {"assert-fails", "match"}, "assert-fails");
  ExprPtr assertion = CompileAssertion(r, fire, context);
  std::string span = *r.Enum("span", {"fact", "list", "enumeration", "indicator"}, "fact");
  std::string once = *r.Enum("once_per", {"fact", "list"}, "fact");
  if (!subject || !assertion) return nullptr;
  SpanChoice choice = span == "list"          ? SpanChoice::kList
                      : span == "enumeration" ? SpanChoice::kEnumeration
                      : span == "indicator"   ? SpanChoice::kIndicator
                                              : SpanChoice::kFact;
  return std::make_unique<Bound>(subject, assertion, choice, once == "list");
}

}  // namespace plancheck
