// GuardedRegex: an RE2 pattern with the words every match must contain.
//
// RE2's FilteredRE2 reduces a pattern to an AND/OR tree of literal atoms
// ("执行情况(相对|总体)?较好|全面完成…" needs 执行情况 and 较好, or 全面 and
// 完成 …). A text that holds too few of them cannot match, and finding the
// atoms with memchr-driven word search (FindText) is several times cheaper
// than running the DFA over every byte of a Chinese paragraph. Patterns
// without usable atoms (\d+, .*) are searched everywhere, as before.
#pragma once

#include <re2/re2.h>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace re2 {
class FilteredRE2;
}

namespace plancheck {

class GuardedRegex {
 public:
  GuardedRegex(std::string_view pattern, const RE2::Options& options);
  ~GuardedRegex();
  GuardedRegex(const GuardedRegex&) = delete;
  GuardedRegex& operator=(const GuardedRegex&) = delete;

  bool ok() const { return re_ != nullptr && re_->ok(); }
  const RE2& re() const { return *re_; }
  // False only when no match of re() can lie within `text`.
  bool MayMatch(std::string_view text) const;
  // The atoms (for tests and --explain); empty when every text is searched.
  const std::vector<std::string>& atoms() const { return atoms_; }

 private:
  bool Passes(uint64_t present) const;

  const uint64_t serial_;
  std::unique_ptr<re2::FilteredRE2> filter_;
  const RE2* re_ = nullptr;     // the filter's own, or owned_
  std::unique_ptr<RE2> owned_;  // when the filter could not take the pattern
  std::vector<std::string> atoms_;
  std::vector<int> check_order_;  // indices into atoms_, longest first
  bool always_ = true;
};

}  // namespace plancheck
