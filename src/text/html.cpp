#include "text/html.h"

#include <gumbo.h>

#include <algorithm>
#include <cctype>
#include <utility>
#include <vector>

#include "base/utf8.h"

namespace plancheck {
namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool Skipped(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_HEAD:
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_SVG:
    case GUMBO_TAG_MATH:
    case GUMBO_TAG_SELECT:
    case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_CANVAS:
      return true;
    default:
      return false;
  }
}

bool Block(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_BODY:
    case GUMBO_TAG_BR:
    case GUMBO_TAG_CAPTION:
    case GUMBO_TAG_CENTER:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_DETAILS:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_FIELDSET:
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_HR:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_MAIN:
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_P:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_SUMMARY:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_TBODY:
    case GUMBO_TAG_TD:
    case GUMBO_TAG_TFOOT:
    case GUMBO_TAG_TH:
    case GUMBO_TAG_THEAD:
    case GUMBO_TAG_TR:
    case GUMBO_TAG_UL:
      return true;
    default:
      return false;
  }
}

// East Asian wide: a line break between two of them is no space (as
// browsers join Chinese text wrapped across source lines).
bool Wide(uint32_t c) { return c >= 0x2E80 && c <= 0xFFEF; }

// Builds the text block by block, collapsing white space.
class Builder {
 public:
  // One decoded character of a text node, from `origin` in the page.
  void Char(std::string_view utf8, uint32_t c, uint32_t origin) {
    if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') || c == 0x7F) return;
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0xA0) {
      if (!block_.empty() && !pending_) pending_origin_ = origin;
      pending_ = pending_ || !block_.empty();
      newline_ = newline_ || c == '\n' || c == '\r';
      return;
    }
    if (pending_ && !(newline_ && Wide(last_) && Wide(c))) Append(" ", pending_origin_);
    pending_ = newline_ = false;
    Append(utf8, origin);
    last_ = c;
  }
  // A block begins or ends: the text so far is a line.
  void Break() {
    if (!block_.empty()) {
      out_.text += block_;
      out_.origin.insert(out_.origin.end(), block_origin_.begin(), block_origin_.end());
      out_.text += '\n';
      out_.origin.push_back(end_origin_);
    }
    block_.clear();
    block_origin_.clear();
    pending_ = newline_ = false;
    last_ = 0;
  }
  PageText Finish(uint32_t end) {
    Break();
    out_.origin.push_back(end);
    return std::move(out_);
  }

 private:
  void Append(std::string_view utf8, uint32_t origin) {
    block_ += utf8;
    block_origin_.insert(block_origin_.end(), utf8.size(), origin);
    end_origin_ = origin;
  }

  PageText out_;
  std::string block_;
  std::vector<uint32_t> block_origin_;
  uint32_t end_origin_ = 0, pending_origin_ = 0, last_ = 0;
  bool pending_ = false, newline_ = false;
};

// The end of a character reference starting at `at` ('&'), or `at` when
// there is none there.
size_t ReferenceEnd(std::string_view s, size_t at) {
  size_t i = at + 1;
  if (i < s.size() && s[i] == '#') {
    ++i;
    if (i < s.size() && (s[i] == 'x' || s[i] == 'X')) ++i;
    while (i < s.size() && std::isxdigit(static_cast<unsigned char>(s[i]))) ++i;
  } else {
    while (i < s.size() && std::isalnum(static_cast<unsigned char>(s[i]))) ++i;
  }
  if (i == at + 1) return at;
  return i < s.size() && s[i] == ';' ? i + 1 : i;
}

// A text node: its decoded characters walked beside its source, so that
// each keeps where it came from (a reference maps to its '&', CRLF to its LF).
void Text(const GumboText& node, std::string_view source, Builder* out) {
  std::string_view decoded(node.text);
  const size_t base = std::min<size_t>(node.start_pos.offset, source.size());
  std::string_view original = source.substr(base);
  size_t j = 0;  // in original
  auto at = [&](size_t k) { return static_cast<uint32_t>(std::min(base + k, source.size())); };
  for (size_t i = 0; i < decoded.size();) {
    const size_t from = i;
    const char32_t c = NextCodePoint(decoded, &i);
    std::string_view ch = decoded.substr(from, i - from);
    if (j < original.size() && original[j] == '\r' && c == '\n') {
      out->Char(ch, c, at(j));
      j += j + 1 < original.size() && original[j + 1] == '\n' ? 2 : 1;
    } else if (j < original.size() && original[j] == '&' && ReferenceEnd(original, j) != j &&
               original.substr(j, ch.size()) != ch) {
      out->Char(ch, c, at(j));
      j = ReferenceEnd(original, j);
    } else {
      // Where gumbo changed a character (a NUL to U+FFFD, say), find it again
      // close by; the next character starts on a boundary of the source.
      if (j < original.size() && original.compare(j, ch.size(), ch) != 0) {
        // Only nearby: a search to the page's end per character is quadratic.
        const size_t again = original.substr(j, 16 + ch.size()).find(ch);
        if (again != std::string_view::npos) j += again;
      }
      out->Char(ch, c, at(j));
      j += ch.size();
      j = CharBoundaryAfter(original, j);
    }
  }
}

// The children of a node, for the walk to take next in document order.
void PushChildren(const GumboVector& children,
                  std::vector<std::pair<const GumboNode*, bool>>* stack) {
  for (unsigned i = children.length; i-- > 0;)
    stack->emplace_back(static_cast<const GumboNode*>(children.data[i]), false);
}

// The page's text in document order. The walk keeps its own stack (a page
// of a hundred thousand unclosed <div>s is read, not a crash); a block's
// entry comes back once more, marked, when its children are done.
void Walk(const GumboNode* root, std::string_view source, Builder* out) {
  std::vector<std::pair<const GumboNode*, bool>> stack = {{root, false}};
  while (!stack.empty()) {
    const auto [node, closing] = stack.back();
    stack.pop_back();
    if (closing) {
      out->Break();
      continue;
    }
    switch (node->type) {
      case GUMBO_NODE_TEXT:
      case GUMBO_NODE_WHITESPACE:
      case GUMBO_NODE_CDATA:
        Text(node->v.text, source, out);
        break;
      case GUMBO_NODE_ELEMENT:
      case GUMBO_NODE_TEMPLATE:
        if (Skipped(node->v.element.tag)) break;
        if (Block(node->v.element.tag)) {
          out->Break();
          stack.emplace_back(node, true);
        }
        PushChildren(node->v.element.children, &stack);
        break;
      case GUMBO_NODE_DOCUMENT:
        PushChildren(node->v.document.children, &stack);
        break;
      default:  // comments
        break;
    }
  }
}

}  // namespace

bool LooksLikeHtml(std::string_view bytes) {
  std::string head = Lower(bytes.substr(0, 1024));
  size_t i = head.compare(0, 3, "\xef\xbb\xbf") == 0 ? 3 : 0;
  for (;;) {
    while (i < head.size() && std::isspace(static_cast<unsigned char>(head[i]))) ++i;
    if (head.compare(i, 4, "<!--") != 0) break;
    size_t end = head.find("-->", i);
    if (end == std::string::npos) return false;
    i = end + 3;
  }
  for (const char* start : {"<!doctype html", "<html", "<head", "<body", "<meta"})
    if (head.compare(i, std::string_view(start).size(), start) == 0) return true;
  return false;
}

std::string DeclaredCharset(std::string_view bytes) {
  std::string head = Lower(bytes.substr(0, 1024));
  for (size_t at = head.find("<meta"); at != std::string::npos; at = head.find("<meta", at + 5)) {
    size_t end = head.find('>', at);
    std::string_view tag =
        std::string_view(head).substr(at, end == std::string::npos ? std::string::npos : end - at);
    size_t c = tag.find("charset");
    if (c == std::string_view::npos) continue;
    c += 7;
    while (c < tag.size() && (tag[c] == ' ' || tag[c] == '=' || tag[c] == '"' || tag[c] == '\''))
      ++c;
    size_t e = c;
    while (e < tag.size() &&
           (std::isalnum(static_cast<unsigned char>(tag[e])) || tag[e] == '-' || tag[e] == '_'))
      ++e;
    std::string name(tag.substr(c, e - c));
    if (name.empty()) continue;
    if (name == "gb2312" || name == "gbk" || name == "x-gbk" || name == "gb18030" ||
        name == "cp936")
      return "GB18030";
    return name;
  }
  return "";
}

PageText HtmlText(std::string_view source) {
  GumboOptions options = kGumboDefaultOptions;
  // Parse errors are not read, and gumbo keeps a copy of the open elements
  // with each: unbounded, a page of deeply nested tags grows quadratically.
  options.max_errors = 0;
  GumboOutput* output = gumbo_parse_with_options(&options, source.data(), source.size());
  Builder builder;
  Walk(output->document, source, &builder);
  gumbo_destroy_output(&options, output);
  return builder.Finish(static_cast<uint32_t>(source.size()));
}

}  // namespace plancheck
