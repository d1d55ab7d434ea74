// Plain tables for the command line: aligned columns (display width, so
// Chinese lines up) and CSV with a BOM that Excel reads as UTF-8.
#pragma once

#include <string>
#include <vector>

namespace plancheck {

using TableRows = std::vector<std::vector<std::string>>;

// Columns separated by two spaces, padded by display width; no trailing blanks.
std::string RenderAligned(const TableRows& rows);
// RFC 4180 CSV, CRLF line ends, preceded by a UTF-8 BOM.
std::string RenderCsv(const TableRows& rows);

}  // namespace plancheck
