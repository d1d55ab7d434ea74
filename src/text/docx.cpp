#include "text/docx.h"

#include <zip.h>

#include <algorithm>
#include <cstring>
#include <memory>
#include <pugixml.hpp>
#include <vector>

namespace plancheck {
namespace {

constexpr std::string_view kDocumentPart = "word/document.xml";

struct ZipCloser {
  void operator()(zip_t* z) const { zip_discard(z); }
};
struct ZipFileCloser {
  void operator()(zip_file_t* f) const { zip_fclose(f); }
};

std::string MegaBytes(size_t bytes) {
  return std::to_string((bytes + (1 << 20) - 1) >> 20) + " MB";
}

// Reads one part, never more than `max_bytes` whatever its header says.
Result<std::string> ReadPart(zip_t* archive, std::string_view name, size_t max_bytes) {
  zip_stat_t st;
  zip_stat_init(&st);
  if (zip_stat(archive, std::string(name).c_str(), 0, &st) != 0)
    return Status::Error("not a Word document: no " + std::string(name));
  if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) && st.encryption_method != ZIP_EM_NONE)
    return Status::Error("encrypted document: save it without a password");
  if ((st.valid & ZIP_STAT_SIZE) && st.size > max_bytes)
    return Status::Error(std::string(name) + " inflates to " + MegaBytes(st.size) +
                         ", past the input limit of " + MegaBytes(max_bytes) +
                         " (--max-input-mb raises it)");
  std::unique_ptr<zip_file_t, ZipFileCloser> file(zip_fopen(archive, std::string(name).c_str(), 0));
  if (!file) return Status::Error("damaged document: cannot open " + std::string(name));
  std::string out;
  char buffer[1 << 16];
  for (;;) {
    zip_int64_t n = zip_fread(file.get(), buffer, sizeof buffer);
    if (n < 0)
      return Status::Error("damaged document: " + std::string(zip_file_strerror(file.get())));
    if (n == 0) break;
    if (out.size() + static_cast<size_t>(n) > max_bytes)
      return Status::Error(std::string(name) + " inflates past the input limit of " +
                           MegaBytes(max_bytes) + " (--max-input-mb raises it)");
    out.append(buffer, static_cast<size_t>(n));
  }
  return out;
}

bool Named(const pugi::xml_node& node, const char* local) {
  const char* name = node.name();
  const char* colon = std::strchr(name, ':');
  return std::strcmp(colon ? colon + 1 : name, local) == 0;
}

// Paragraphs in the order they begin; a paragraph inside another (a text
// box) is a paragraph of its own, after the one holding it. The walk keeps
// its own stack: a document nested a hundred thousand deep is read, not a
// crash.
class Paragraphs {
 public:
  void Walk(const pugi::xml_node& root) {
    Push(root, -1);
    while (!stack_.empty()) {
      const auto [child, current] = stack_.back();
      stack_.pop_back();
      if (Named(child, "p")) {
        paragraphs_.emplace_back();
        Push(child, static_cast<int>(paragraphs_.size()) - 1);
      } else if (Named(child, "t")) {
        if (current >= 0) paragraphs_[current] += child.text().get();
      } else if (Named(child, "tab")) {
        if (current >= 0) paragraphs_[current] += '\t';
      } else if (Named(child, "br") || Named(child, "cr")) {
        if (current >= 0) paragraphs_[current] += ' ';
      } else if (!Named(child, "Fallback") && !Named(child, "pPr") && !Named(child, "rPr")) {
        // (mc:AlternateContent repeats its mc:Choice for older readers;
        // properties hold no text, and w:tab there is a tab stop.)
        Push(child, current);
      }
    }
  }
  std::string Text() const {
    std::string out;
    for (const std::string& p : paragraphs_) {
      for (char c : p) out += (c == '\n' || c == '\r') ? ' ' : c;
      out += '\n';
    }
    return out;
  }

 private:
  // The element children of `node`, to be walked next in document order.
  void Push(const pugi::xml_node& node, int current) {
    const size_t at = stack_.size();
    for (pugi::xml_node child : node.children())
      if (child.type() == pugi::node_element) stack_.emplace_back(child, current);
    std::reverse(stack_.begin() + static_cast<std::ptrdiff_t>(at), stack_.end());
  }

  std::vector<std::string> paragraphs_;
  std::vector<std::pair<pugi::xml_node, int>> stack_;  // (element, its paragraph or -1)
};

}  // namespace

bool LooksLikeZip(std::string_view bytes) {
  return bytes.substr(0, 4) == std::string_view("PK\x03\x04", 4);
}

bool LooksLikeOleCompound(std::string_view bytes) {
  return bytes.substr(0, 8) == std::string_view("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);
}

Result<std::string> DocumentXmlText(std::string_view xml) {
  pugi::xml_document doc;
  pugi::xml_parse_result parsed =
      doc.load_buffer(xml.data(), xml.size(), pugi::parse_default, pugi::encoding_auto);
  if (!parsed)
    return Status::Error("damaged document: " + std::string(kDocumentPart) + " at byte " +
                         std::to_string(parsed.offset) + ": " + parsed.description());
  pugi::xml_node body = doc.document_element();
  for (pugi::xml_node child : body.children())
    if (Named(child, "body")) body = child;
  Paragraphs paragraphs;
  paragraphs.Walk(body);
  return paragraphs.Text();
}

Result<std::string> DocxText(std::string_view bytes, size_t max_bytes) {
  if (LooksLikeOleCompound(bytes))
    return Status::Error(
        "an encrypted document or a legacy .doc: save it as .docx without a password");
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  if (source == nullptr) return Status::Error("cannot read the document");
  std::unique_ptr<zip_t, ZipCloser> archive(
      zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error));
  if (!archive) {
    zip_source_free(source);
    std::string why = zip_error_strerror(&error);
    zip_error_fini(&error);
    return Status::Error("damaged document (truncated or not a zip archive): " + why);
  }
  Result<std::string> xml = ReadPart(archive.get(), kDocumentPart, max_bytes);
  if (!xml.ok()) return xml.status();
  return DocumentXmlText(*xml);
}

}  // namespace plancheck
