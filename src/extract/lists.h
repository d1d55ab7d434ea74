// Lists: the stage that reads how values and items pair up in a clause.
// "A、B分别增长5%和7%" pairs each value with its item (respectively);
// "A、B均增长5%" and "A、B分别增长5%" give one value to every item (each);
// "A、B增长5%、7%" pairs values and items without 分别 (pairwise), and is no
// list when their counts differ. Each item becomes the subject and identity
// of its value; the list's counts stay on the facts for the rules that
// check them (respectively-count-mismatch).
//
// Thread-safety: Read() is const and may run on several paragraphs at once.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "extract/fact.h"
#include "extract/identity.h"
#include "extract/lexicon.h"
#include "extract/paragraph_text.h"
#include "extract/quantities.h"

namespace plancheck {

// The items a list's text names, split on 、 和 与 及: a single compound
// word (the lexicon's compounds: 城乡) stands for its parts when the values
// (`values`, or any number for an each list) ask for them, and the last
// item's head noun is shared with the shorter ones before it (一本、本科上线
// 人数) unless the lexicon names one whole (二氧化硫).
std::vector<std::string> SplitItems(std::string_view text, size_t values, bool each,
                                    const Lexicon& lexicon);

class ListReader {
 public:
  ListReader(const Lexicon& lexicon, const IdentityReader& identity)
      : lexicon_(lexicon), identity_(identity) {}

  // The facts of one paragraph's quantities (whose words are read) in text
  // order, lists resolved: an each list becomes one fact per item. Lists
  // are numbered from *next_list_id on.
  std::vector<Fact> Read(const ParagraphText& paragraph, std::vector<RawQuantity>* found,
                         int* next_list_id) const;

 private:
  // The subject, indicator and identity of a list's value from its item.
  void Assign(const std::string& item, Fact* f) const;

  const Lexicon& lexicon_;
  const IdentityReader& identity_;
};

}  // namespace plancheck
