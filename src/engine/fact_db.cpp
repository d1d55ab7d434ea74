#include "engine/fact_db.h"

#include <sqlite3.h>

#include <cstdio>

#include "base/hash.h"

namespace plancheck {
namespace {

constexpr const char* kSchema = R"SQL(
CREATE TABLE IF NOT EXISTS reports (
  id INTEGER PRIMARY KEY,
  path TEXT NOT NULL,
  hash TEXT NOT NULL UNIQUE,
  region TEXT,
  report_year INTEGER,
  actual_year INTEGER,
  title TEXT,
  encoding TEXT,
  text TEXT NOT NULL,
  added TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE TABLE IF NOT EXISTS facts (
  report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
  region TEXT,
  report_year INTEGER,
  year INTEGER,
  indicator TEXT,
  subject TEXT,
  role TEXT NOT NULL,
  measure TEXT NOT NULL,
  value REAL NOT NULL,
  upper REAL,
  unit TEXT NOT NULL,
  qualifier TEXT NOT NULL,
  text TEXT NOT NULL,
  file TEXT NOT NULL,
  line INTEGER NOT NULL,
  "column" INTEGER NOT NULL,
  end_line INTEGER NOT NULL,
  end_column INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS facts_by_indicator ON facts(region, indicator, year);
CREATE INDEX IF NOT EXISTS facts_by_report ON facts(report_id);
)SQL";

// Finalizes a statement when it goes out of scope.
struct Statement {
  sqlite3_stmt* stmt = nullptr;
  ~Statement() { sqlite3_finalize(stmt); }
};

}  // namespace

std::string FactDb::ContentHash(const std::string& text) {
  return Fnv1aHex(text) + "-" + std::to_string(text.size());
}

Result<std::unique_ptr<FactDb>> FactDb::Open(const std::string& path) {
  sqlite3* db = nullptr;
  int rc = sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
  if (rc != SQLITE_OK) {
    std::string why = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    sqlite3_close(db);
    return Status::Error("cannot open database: " + why);
  }
  std::unique_ptr<FactDb> fdb(new FactDb(db, path));
  sqlite3_busy_timeout(db, 5000);
  if (Status s = fdb->Exec("PRAGMA foreign_keys = ON"); !s.ok()) return s;
  // A file that is not an SQLite database fails here with SQLite's words.
  Statement version;
  if (sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &version.stmt, nullptr) != SQLITE_OK ||
      sqlite3_step(version.stmt) != SQLITE_ROW)
    return fdb->Error("not a plancheck facts database");
  int user_version = sqlite3_column_int(version.stmt, 0);
  if (user_version != 0 && user_version != 1)
    return Status::Error("not a plancheck facts database (schema version " +
                         std::to_string(user_version) + ")");
  if (user_version == 0) {
    if (Status s = fdb->Exec("BEGIN IMMEDIATE"); !s.ok()) return s;
    Status s = fdb->Exec(kSchema);
    if (s.ok()) s = fdb->Exec("PRAGMA user_version = 1");
    if (!s.ok()) {
      fdb->Exec("ROLLBACK");
      return s;
    }
    if (Status c = fdb->Exec("COMMIT"); !c.ok()) return c;
  }
  return fdb;
}

FactDb::~FactDb() { sqlite3_close(db_); }

Status FactDb::Error(const std::string& what) {
  return Status::Error(what + ": " + sqlite3_errmsg(db_));
}

Status FactDb::Exec(const char* sql) {
  char* message = nullptr;
  if (sqlite3_exec(db_, sql, nullptr, nullptr, &message) != SQLITE_OK) {
    std::string why = message ? message : "unknown error";
    sqlite3_free(message);
    return Status::Error(why);
  }
  return Status::Ok();
}

Status FactDb::Store(const std::vector<const Report*>& reports) {
  if (Status s = Exec("BEGIN IMMEDIATE"); !s.ok()) return s;
  auto fail = [&](const std::string& what) {
    Status s = Error(what);
    Exec("ROLLBACK");
    return s;
  };
  Statement del, add_report, add_fact;
  if (sqlite3_prepare_v2(db_, "DELETE FROM reports WHERE hash = ?1", -1, &del.stmt, nullptr) ||
      sqlite3_prepare_v2(db_,
                         "INSERT INTO reports (path, hash, region, report_year, actual_year, "
                         "title, encoding, text) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                         -1, &add_report.stmt, nullptr) ||
      sqlite3_prepare_v2(db_,
                         "INSERT INTO facts VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, "
                         "?12, ?13, ?14, ?15, ?16, ?17, ?18)",
                         -1, &add_fact.stmt, nullptr))
    return fail("cannot prepare statements");
  auto text = [](sqlite3_stmt* s, int i, const std::string& v) {
    sqlite3_bind_text(s, i, v.c_str(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
  };
  auto year = [](sqlite3_stmt* s, int i, const std::optional<int>& y) {
    if (y)
      sqlite3_bind_int(s, i, *y);
    else
      sqlite3_bind_null(s, i);
  };
  for (const Report* r : reports) {
    const Document& doc = r->document;
    std::string hash = ContentHash(r->file->text());
    sqlite3_reset(del.stmt);
    text(del.stmt, 1, hash);
    if (sqlite3_step(del.stmt) != SQLITE_DONE) return fail("cannot replace a stored report");
    sqlite3_reset(add_report.stmt);
    text(add_report.stmt, 1, r->file->path());
    text(add_report.stmt, 2, hash);
    text(add_report.stmt, 3, doc.region);
    year(add_report.stmt, 4, doc.target_year);
    year(add_report.stmt, 5, doc.actual_year);
    text(add_report.stmt, 6, doc.title);
    text(add_report.stmt, 7, r->file->encoding());
    text(add_report.stmt, 8, r->file->text());
    if (sqlite3_step(add_report.stmt) != SQLITE_DONE) return fail("cannot store a report");
    sqlite3_int64 id = sqlite3_last_insert_rowid(db_);
    for (const Fact& f : r->facts) {
      sqlite3_stmt* s = add_fact.stmt;
      sqlite3_reset(s);
      sqlite3_clear_bindings(s);
      Position b = f.span.file->Locate(f.span.begin);
      Position e = f.span.file->LocateEnd(f.span.end);
      sqlite3_bind_int64(s, 1, id);
      text(s, 2, doc.region);
      year(s, 3, f.report_year);
      year(s, 4, f.year);
      if (f.indicator) text(s, 5, f.indicator->name);
      text(s, 6, f.subject);
      text(s, 7, RoleName(f.role));
      text(s, 8, MeasureName(f.measure));
      sqlite3_bind_double(s, 9, f.value);
      if (f.upper) sqlite3_bind_double(s, 10, *f.upper);
      text(s, 11, f.unit);
      text(s, 12, QualifierName(f.qualifier));
      text(s, 13, f.text);
      text(s, 14, r->file->path());
      sqlite3_bind_int(s, 15, b.line);
      sqlite3_bind_int(s, 16, b.column);
      sqlite3_bind_int(s, 17, e.line);
      sqlite3_bind_int(s, 18, e.column);
      if (sqlite3_step(s) != SQLITE_DONE) return fail("cannot store a fact");
    }
  }
  return Exec("COMMIT");
}

Result<std::vector<StoredReport>> FactDb::LoadReports() {
  Statement q;
  if (sqlite3_prepare_v2(
          db_, "SELECT path, hash, text, encoding FROM reports ORDER BY report_year, path", -1,
          &q.stmt, nullptr) != SQLITE_OK)
    return Error("cannot read reports");
  std::vector<StoredReport> out;
  int rc;
  while ((rc = sqlite3_step(q.stmt)) == SQLITE_ROW) {
    auto column = [&](int i) {
      const unsigned char* v = sqlite3_column_text(q.stmt, i);
      return v ? std::string(reinterpret_cast<const char*>(v), sqlite3_column_bytes(q.stmt, i))
               : std::string();
    };
    out.push_back(StoredReport{column(0), column(1), column(2), column(3)});
  }
  if (rc != SQLITE_DONE) return Error("cannot read reports");
  return out;
}

}  // namespace plancheck
