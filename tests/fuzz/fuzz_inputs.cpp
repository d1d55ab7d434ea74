// libFuzzer target: the small inputs beside reports. The first byte picks
// the surface, the rest is its text:
//   0  a baseline (--baseline), applied to findings of the reference report
//      and carried by a review page;
//   1  a configuration file (.plancheck.toml), its selection given to the
//      engine;
//   2  a lexicon file (units.toml, indicators.toml or words.toml, by the
//      second byte) over the defaults, then a report read with it;
//   3  a facts database (--db): the bytes as an SQLite file, its reports
//      read back and analyzed.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "diag/formats.h"
#include "engine/config.h"
#include "engine/engine.h"
#include "engine/fact_db.h"
#include "extract/extractor.h"
#include "segment/document.h"

namespace {

constexpr const char* kReport =
    "一、2022年计划执行情况\n地区生产总值实现82.7亿元，同比增长3.5%。城镇新增就业1691人。\n"
    "二、2023年计划\n地区生产总值增长6%左右，新增城镇就业人口1600人以上。\n";

struct Fixture {
  plancheck::Engine engine;
  plancheck::Report report;
  std::vector<plancheck::Diagnostic> findings;
  std::string db_path;
};

Fixture* MakeFixture() {
  auto* f = new Fixture();
  plancheck::ConfigErrors errors;
  f->engine.LoadDefaults(true, &errors);
  f->engine.Prepare();
  f->report = f->engine.Analyze(std::make_unique<plancheck::SourceFile>("r.txt", kReport, "UTF-8"));
  f->engine.Check(f->report, false, &f->findings);
  f->db_path = "/tmp/plancheck-fuzz-" + std::to_string(getpid()) + ".db";
  return f;
}

void Baseline(Fixture* f, std::string_view text) {
  plancheck::Result<plancheck::Baseline> baseline = plancheck::ParseBaseline(std::string(text));
  if (!baseline.ok()) return;
  std::vector<plancheck::Diagnostic> findings = f->findings;
  plancheck::ApplyBaseline(*baseline, &findings);
  plancheck::PageOptions page;
  page.acknowledged = &*baseline;
  plancheck::RenderHtml(findings, {f->report.file.get()}, "0", page);
}

void Config(Fixture* f, std::string_view text) {
  plancheck::ConfigErrors errors;
  plancheck::Config config = plancheck::ParseConfig(text, "fuzz/.plancheck.toml", &errors);
  if (!errors.empty()) return;
  plancheck::RuleSelection selection;
  selection.strict = config.strict;
  selection.enable = config.enable;
  selection.disable = config.disable;
  selection.severity = config.severity;
  f->engine.Select(selection);
  std::vector<plancheck::Diagnostic> findings;
  f->engine.Check(f->report, config.lang == std::string("en"), &findings);
}

void LexiconFile(Fixture* f, uint8_t which, std::string_view text) {
  plancheck::Lexicon lexicon;
  plancheck::ConfigErrors errors;
  plancheck::LoadDefaultLexicon(&lexicon, &errors);
  switch (which % 3) {
    case 0:
      lexicon.LoadUnits(text, "units.toml", &errors);
      break;
    case 1:
      lexicon.LoadIndicators(text, "indicators.toml", &errors);
      break;
    default:
      lexicon.LoadWords(text, "words.toml", &errors);
      break;
  }
  if (!errors.empty()) return;
  plancheck::Extractor extractor(lexicon);
  plancheck::Document doc = plancheck::Segment(*f->report.file, lexicon.period_words());
  extractor.Extract(doc);
}

void Database(Fixture* f, std::string_view bytes) {
  std::FILE* out = std::fopen(f->db_path.c_str(), "wb");
  if (out == nullptr) std::abort();
  std::fwrite(bytes.data(), 1, bytes.size(), out);
  std::fclose(out);
  plancheck::Result<std::unique_ptr<plancheck::FactDb>> db = plancheck::FactDb::Open(f->db_path);
  if (db.ok()) {
    plancheck::Result<std::vector<plancheck::StoredReport>> stored = (*db)->LoadReports();
    if (stored.ok())
      for (plancheck::StoredReport& r : *stored)
        f->engine.Analyze(
            std::make_unique<plancheck::SourceFile>(r.path, std::move(r.text), r.encoding));
  }
  std::remove(f->db_path.c_str());
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static Fixture* fixture = MakeFixture();
  if (size < 2) return 0;
  std::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);
  switch (data[0] % 4) {
    case 0:
      Baseline(fixture, text);
      break;
    case 1:
      Config(fixture, text);
      break;
    case 2:
      LexiconFile(fixture, data[1], text.substr(1));
      break;
    default:
      Database(fixture, text);
      break;
  }
  return 0;
}
