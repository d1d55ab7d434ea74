#include "rules/kinds/pattern.h"

#include <re2/re2.h>

#include "extract/lexicon.h"
#include "text/guarded_regex.h"
#include "text/normalize.h"
#include "text/source_file.h"

namespace plancheck {
namespace {

// A pattern written in the rule, or a list of words.toml [claims] named
// there and looked up in the lexicon the report is read with.
struct Wording {
  std::unique_ptr<GuardedRegex> own;
  std::string claims;
  bool given() const { return own != nullptr || !claims.empty(); }
  const GuardedRegex* Get(const CheckInput& in) const {
    if (own) return own.get();
    if (claims.empty() || in.lexicon == nullptr) return nullptr;
    return in.lexicon->claim_words().Find(claims);
  }
};

// A match as a fact: its span and text, and the period of its paragraph.
Fact MatchFact(const SourceFile& file, const Paragraph& para, size_t b, size_t e) {
  Fact f;
  f.span = file.MakeSpan(para.normalized.ToSource(b), para.normalized.ToSource(e));
  f.text = std::string(file.Slice(f.span));
  f.role = para.role;
  f.year = para.year();
  return f;
}

// The report's first match of `re`, if any.
std::optional<Fact> FirstMatch(const Document& doc, const GuardedRegex& re) {
  for (const Paragraph& para : doc.paragraphs) {
    const std::string& t = para.normalized.text();
    if (para.span.size() == 0 || !re.MayMatch(t)) continue;
    re2::StringPiece m;
    if (re.re().Match(t, 0, t.size(), RE2::UNANCHORED, &m, 1)) {
      const size_t b = static_cast<size_t>(m.data() - t.data());
      return MatchFact(*doc.file, para, b, b + m.size());
    }
  }
  return std::nullopt;
}

class Pattern : public RuleCheck {
 public:
  Pattern(Wording pattern, Wording after, bool anywhere, std::optional<Role> role)
      : pattern_(std::move(pattern)), after_(std::move(after)), anywhere_(anywhere), role_(role) {}

  void Check(const Rule& rule, const CheckInput& in, DiagnosticSink* sink) const override {
    const GuardedRegex* pattern = pattern_.Get(in);
    const GuardedRegex* after = after_.Get(in);
    if (pattern == nullptr || (after_.given() && after == nullptr)) return;
    if (after != nullptr && anywhere_) {
      // order = "anywhere": every match counts once the other wording is
      // anywhere in the report; the note points at its first match.
      const std::optional<Fact> other = FirstMatch(*in.document, *after);
      if (other) Scan(rule, in, *pattern, nullptr, other, sink);
      return;
    }
    Scan(rule, in, *pattern, after, std::nullopt, sink);
  }

 private:
  // Reports the matches of `pattern` in text order: all of them without
  // `after`, else those after its first match; the note at `prior` (the
  // first match of `after`, found here or given).
  void Scan(const Rule& rule, const CheckInput& in, const GuardedRegex& pattern,
            const GuardedRegex* after, std::optional<Fact> prior, DiagnosticSink* sink) const {
    const Document& doc = *in.document;
    const SourceFile& file = *doc.file;
    for (const Paragraph& para : doc.paragraphs) {
      if (para.span.size() == 0) continue;
      const NormalizedText& nt = para.normalized;
      const std::string& t = nt.text();
      // A paragraph without the words a match needs is not searched.
      const bool search_m = (!role_ || para.role == *role_) && pattern.MayMatch(t);
      const bool search_p = after && !prior && after->MayMatch(t);
      if (!search_m && !search_p) continue;
      // Matches of both patterns in text order within the paragraph; each
      // pattern's next match is kept until the scan passes it.
      struct Next {
        bool searched = false, found = false;
        re2::StringPiece m;
      } next_m, next_p;
      auto advance = [&](const GuardedRegex& re, Next* n, size_t pos) {
        if (n->searched && (!n->found || static_cast<size_t>(n->m.data() - t.data()) >= pos))
          return;
        n->searched = true;
        n->found = re.re().Match(t, pos, t.size(), RE2::UNANCHORED, &n->m, 1);
      };
      size_t pos = 0;
      while (pos <= t.size()) {
        if (search_m) advance(pattern, &next_m, pos);
        if (search_p && !prior) advance(*after, &next_p, pos);
        bool has_m = search_m && next_m.found;
        bool has_p = search_p && !prior && next_p.found;
        if (!has_m && !has_p) break;
        bool take_prior = has_p && (!has_m || next_p.m.data() < next_m.m.data());
        re2::StringPiece hit = take_prior ? next_p.m : next_m.m;
        size_t b = static_cast<size_t>(hit.data() - t.data());
        size_t e = b + hit.size();
        Fact f = MatchFact(file, para, b, e);
        if (take_prior) {
          prior = f;
        } else if (!after || prior) {
          Bindings bind;
          bind.env = in.env;
          bind.facts[0] = &f;
          bind.facts[1] = prior ? &*prior : nullptr;
          sink->Report(rule.Make(in, bind, f.span, {prior ? &prior->span : nullptr}));
        }
        pos = e > b ? e : b + 1;
      }
    }
  }

  Wording pattern_, after_;
  bool anywhere_;
  std::optional<Role> role_;
};

std::unique_ptr<GuardedRegex> CompileRe(TableReader& r, const char* key) {
  std::optional<std::string> source = r.String(key);
  if (!source) return nullptr;
  RE2::Options options;
  options.set_log_errors(false);
  options.set_max_mem(8 << 20);
  auto re = std::make_unique<GuardedRegex>(*source, options);
  if (!re->ok()) {
    r.Error(r.LineOfKey(key), std::string(key) + ": RE2 rejects the pattern: " + re->re().error());
    return nullptr;
  }
  return re;
}

// `key` (an RE2 pattern) or `claims_key` (a words.toml [claims] list; its
// name checked when the lexicon's names are given), not both. False after
// reporting an error.
bool ReadWording(TableReader& r, const char* key, const char* claims_key,
                 const ParseContext& context, Wording* out) {
  const bool has_pattern = r.table().contains(key), has_claims = r.table().contains(claims_key);
  if (has_pattern && has_claims) {
    r.Error(r.LineOfKey(claims_key),
            std::string(claims_key) + ": give " + key + " or " + claims_key + ", not both");
    return false;
  }
  if (has_pattern) {
    out->own = CompileRe(r, key);
    return out->own != nullptr;
  }
  out->claims = r.String(claims_key).value_or("");
  if (out->claims.empty() || context.vocabulary == nullptr) return true;
  const std::string unknown = context.vocabulary->Unknown(claims_key, out->claims);
  if (!unknown.empty()) r.Error(r.LineOfKey(claims_key), std::string(claims_key) + ": " + unknown);
  return unknown.empty();
}

}  // namespace

std::unique_ptr<RuleCheck> CompilePattern(TableReader& r, const ParseContext& context) {
  Wording pattern, after;
  bool ok = ReadWording(r, "pattern", "claims", context, &pattern);
  ok = ReadWording(r, "after", "after_claims", context, &after) && ok;
  if (ok && !pattern.given()) {
    r.Error(r.line(),
            "a pattern rule needs 'pattern' (an RE2 pattern) or 'claims' (a list of "
            "words.toml [claims])");
    ok = false;
  }
  const bool anywhere = *r.Enum("order", {"after", "anywhere"}, "after") == "anywhere";
  std::optional<std::string> role = r.Enum("role", {"actual", "target", "other"}, std::nullopt);
  if (!ok) return nullptr;
  std::optional<Role> want;
  if (role)
    want = *role == "actual" ? Role::kActual : *role == "target" ? Role::kTarget : Role::kOther;
  return std::make_unique<Pattern>(std::move(pattern), std::move(after), anywhere, want);
}

}  // namespace plancheck
