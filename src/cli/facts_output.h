// Renderers for `plancheck facts`: an aligned table, JSON lines (DESIGN.md
// §7) and CSV with a BOM for Excel.
#pragma once

#include <string>
#include <vector>

#include "engine/engine.h"

namespace plancheck {

std::string RenderFactsTable(const std::vector<const Report*>& reports);
std::string RenderFactsJsonl(const std::vector<const Report*>& reports);
std::string RenderFactsCsv(const std::vector<const Report*>& reports);

}  // namespace plancheck
