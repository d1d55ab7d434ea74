#include "text/guarded_regex.h"

#include <re2/filtered_re2.h>

#include <algorithm>
#include <array>
#include <atomic>

#include "base/utf8.h"

namespace plancheck {

namespace {
std::atomic<uint64_t> next_serial{1};
}  // namespace

GuardedRegex::GuardedRegex(std::string_view pattern, const RE2::Options& options)
    : serial_(next_serial++) {
  const re2::StringPiece source(pattern.data(), pattern.size());
  // Atoms of one byte would stop memchr at every comma; three is one
  // Chinese character.
  filter_ = std::make_unique<re2::FilteredRE2>(3);
  int id = 0;
  if (filter_->Add(source, options, &id) != RE2::NoError) {
    // RE2 rejects the pattern: keep an RE2 that says why.
    filter_.reset();
    owned_ = std::make_unique<RE2>(source, options);
    re_ = owned_.get();
    return;
  }
  re_ = &filter_->GetRE2(id);  // compiled once, by the filter
  filter_->Compile(&atoms_);
  // Atoms are lowercased; the search below is exact, so a pattern whose
  // atoms hold ASCII letters is searched everywhere.
  bool letters = false;
  for (const std::string& a : atoms_)
    for (char c : a) letters |= (c >= 'a' && c <= 'z');
  always_ = atoms_.empty() || letters || atoms_.size() > 64;
  if (always_) atoms_.clear();
  for (size_t i = 0; i < atoms_.size(); ++i) check_order_.push_back(static_cast<int>(i));
  std::stable_sort(check_order_.begin(), check_order_.end(),
                   [&](int a, int b) { return atoms_[a].size() > atoms_[b].size(); });
}

GuardedRegex::~GuardedRegex() = default;

// Whether the filter passes a text holding exactly the atoms in `present`
// (bit i: atoms_[i]). The filter allocates on every question, so answers are
// kept in a small per-thread table, keyed by this object's serial number
// (never reused) and the atom set.
bool GuardedRegex::Passes(uint64_t present) const {
  struct Slot {
    uint64_t serial = 0;  // 0: empty (serials start at 1)
    uint64_t present = 0;
    bool answer = false;
  };
  thread_local std::array<Slot, 1024> answers;
  Slot& slot =
      answers[((present * 0x9E3779B97F4A7C15ull) ^ (serial_ * 0xC2B2AE3D27D4EB4Full)) >> 54];
  if (slot.serial == serial_ && slot.present == present) return slot.answer;
  std::vector<int> atoms, potential;
  for (size_t i = 0; i < atoms_.size(); ++i)
    if (present >> i & 1) atoms.push_back(static_cast<int>(i));
  filter_->AllPotentials(atoms, &potential);
  slot = Slot{serial_, present, !potential.empty()};
  return slot.answer;
}

bool GuardedRegex::MayMatch(std::string_view text) const {
  if (always_) return true;
  // Start from "every atom present" and look for atoms longest first (the
  // rarer words); each one missing is taken out and the filter asked again.
  // Most texts are ruled out after a few searches; a text that may match
  // has had every atom looked for, so the answer is the filter's own.
  uint64_t present = atoms_.size() == 64 ? ~0ull : (1ull << atoms_.size()) - 1;
  for (int atom : check_order_) {
    if (ContainsText(text, atoms_[atom])) continue;
    present &= ~(1ull << atom);
    if (!Passes(present)) return false;
  }
  return true;
}

}  // namespace plancheck
