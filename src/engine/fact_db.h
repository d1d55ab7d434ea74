// FactDb: facts of many reports in SQLite, so a CI job can keep last years'
// facts (and the texts they came from) instead of last years' files.
//
// Schema (user_version 1):
//   reports(id, path, hash, region, report_year, actual_year, title,
//           encoding, text, added)          one row per report text (hash unique)
//   facts(report_id, region, report_year, year, indicator, subject, role,
//         measure, value, upper, unit, qualifier, text, file, line, column,
//         end_line, end_column)             one row per fact
// Writing is one transaction: a run that fails or is interrupted leaves the
// database as it was. Not thread-safe; one FactDb per thread.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "base/status.h"
#include "engine/engine.h"

struct sqlite3;

namespace plancheck {

struct StoredReport {
  std::string path;
  std::string hash;
  std::string text;
  std::string encoding;
};

class FactDb {
 public:
  // Opens (creating if needed) the database at `path`.
  static Result<std::unique_ptr<FactDb>> Open(const std::string& path);
  ~FactDb();

  // Stores the reports and their facts in one transaction, replacing an
  // earlier copy of the same text.
  Status Store(const std::vector<const Report*>& reports);
  Result<std::vector<StoredReport>> LoadReports();

  static std::string ContentHash(const std::string& text);

 private:
  explicit FactDb(sqlite3* db, std::string path) : db_(db), path_(std::move(path)) {}
  Status Exec(const char* sql);
  Status Error(const std::string& what);

  sqlite3* db_;
  std::string path_;
};

}  // namespace plancheck
