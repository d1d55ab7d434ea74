#include "cli/table.h"

#include <algorithm>

#include "text/width.h"

namespace plancheck {

std::string RenderAligned(const TableRows& rows) {
  std::vector<int> widths;
  for (const auto& row : rows) {
    if (widths.size() < row.size()) widths.resize(row.size(), 0);
    for (size_t c = 0; c < row.size(); ++c) widths[c] = std::max(widths[c], DisplayWidth(row[c]));
  }
  std::string out;
  for (const auto& row : rows) {
    std::string line;
    for (size_t c = 0; c < row.size(); ++c) {
      line += row[c];
      if (c + 1 < row.size()) line += std::string(widths[c] - DisplayWidth(row[c]) + 2, ' ');
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out += line + "\n";
  }
  return out;
}

std::string RenderCsv(const TableRows& rows) {
  std::string out = "\xEF\xBB\xBF";
  for (const auto& row : rows) {
    for (size_t i = 0; i < row.size(); ++i) {
      const std::string& v = row[i];
      std::string cell = v;
      if (v.find_first_of(",\"\r\n") != std::string::npos) {
        cell = "\"";
        for (char c : v) cell += c == '"' ? std::string("\"\"") : std::string(1, c);
        cell += "\"";
      }
      out += (i ? "," : "") + cell;
    }
    out += "\r\n";
  }
  return out;
}

}  // namespace plancheck
