#include "engine/run.h"

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <set>
#include <thread>

#include "engine/fact_db.h"

namespace plancheck {

void ParallelFor(size_t n, int jobs, const std::function<void(size_t)>& work) {
  jobs = std::max(1, std::min<int>(jobs, static_cast<int>(n)));
  if (jobs == 1) {
    for (size_t i = 0; i < n; ++i) work(i);
    return;
  }
  std::atomic<size_t> next{0};
  std::vector<std::thread> threads;
  for (int j = 0; j < jobs; ++j) {
    threads.emplace_back([&] {
      for (size_t i = next++; i < n; i = next++) work(i);
    });
  }
  for (std::thread& t : threads) t.join();
}

namespace {

namespace fs = std::filesystem;

bool IsReportName(const std::string& name) {
  for (const std::string& ext : ReportExtensions())
    if (name.size() > ext.size() && name.compare(name.size() - ext.size(), ext.size(), ext) == 0)
      return true;
  return false;
}

// The report files under `dir` into `out`: each directory's entries in name
// order, its subdirectories where they fall in that order (through links,
// 32 deep at most: a link loop ends there).
void ReportsUnder(const fs::path& dir, int depth, std::vector<std::string>* out) {
  if (depth > 32) return;
  std::error_code error;
  std::vector<fs::path> entries;
  for (fs::directory_iterator it(dir, error), end; !error && it != end; it.increment(error))
    if (it->path().filename().string()[0] != '.') entries.push_back(it->path());
  std::sort(entries.begin(), entries.end(),
            [](const fs::path& a, const fs::path& b) { return a.filename() < b.filename(); });
  for (const fs::path& path : entries) {
    const std::string name = path.filename().string();
    const fs::file_status status = fs::status(path, error);
    if (fs::is_directory(status))
      ReportsUnder(path, depth + 1, out);
    else if (fs::is_regular_file(status) && name.compare(0, 2, "~$") != 0 && IsReportName(name))
      out->push_back(path.string());
  }
}

}  // namespace

std::vector<std::string> ExpandInputs(const std::vector<std::string>& args) {
  std::vector<std::string> out;
  for (const std::string& a : args) {
    std::error_code error;
    if (a != "-" && fs::is_directory(a, error)) {
      const size_t before = out.size();
      ReportsUnder(a, 0, &out);
      if (out.size() == before) out.push_back(a);  // read as itself: "is a directory"
    } else {
      out.push_back(a);
    }
  }
  return out;
}

std::vector<InputFile> InputFiles(const std::vector<std::string>& paths) {
  std::vector<InputFile> files;
  for (const std::string& p : paths) files.push_back(InputFile{p, p == "-" ? "<stdin>" : p});
  return files;
}

std::vector<Result<Report>> LoadAll(const Engine& engine, const std::vector<InputFile>& files,
                                    const ReadOptions& read) {
  std::vector<Result<Report>> out;
  out.reserve(files.size());
  for (size_t i = 0; i < files.size(); ++i) out.emplace_back(Status::Error("not read"));
  ParallelFor(files.size(), read.jobs, [&](size_t i) {
    out[i] =
        engine.Load(files[i].path, files[i].display, read.encoding, read.max_bytes, read.format);
  });
  return out;
}

bool Fails(const std::vector<Diagnostic>& diagnostics, Severity fail_on) {
  return std::any_of(diagnostics.begin(), diagnostics.end(),
                     [&](const Diagnostic& d) { return !d.suppressed && d.severity >= fail_on; });
}

Result<std::vector<Report>> StoredReports(const Engine& engine, const std::string& path,
                                          const std::vector<Report>& given) {
  Result<std::unique_ptr<FactDb>> db = FactDb::Open(path);
  if (!db.ok()) return db.status();
  Result<std::vector<StoredReport>> history = (*db)->LoadReports();
  if (!history.ok()) return history.status();
  std::set<std::string> hashes;
  for (const Report& r : given) hashes.insert(FactDb::ContentHash(r.file->text()));
  std::vector<Report> stored;
  for (StoredReport& h : *history) {
    if (hashes.count(h.hash)) continue;
    stored.push_back(
        engine.Analyze(std::make_unique<SourceFile>(h.path, std::move(h.text), h.encoding)));
  }
  return stored;
}

std::vector<CheckedFile> CheckEach(
    const Engine& engine, const std::vector<InputFile>& files, const ReadOptions& read,
    const CheckOptions& check,
    const std::function<std::string(const std::vector<Diagnostic>&)>& render) {
  std::vector<CheckedFile> results(files.size());
  ParallelFor(files.size(), read.jobs, [&](size_t i) {
    Result<Report> r =
        engine.Load(files[i].path, files[i].display, read.encoding, read.max_bytes, read.format);
    CheckedFile& out = results[i];
    if (!r.ok()) {
      out.status = r.status();
      return;
    }
    std::vector<Diagnostic> diagnostics;
    engine.Check(*r, check.english, &diagnostics);
    SortDiagnostics(&diagnostics);
    if (check.baseline != nullptr) ApplyBaseline(*check.baseline, &diagnostics);
    for (const Diagnostic& d : diagnostics) out.counts.Add(d);
    out.fails = Fails(diagnostics, check.fail_on);
    out.rendered = render(diagnostics);
  });
  return results;
}

}  // namespace plancheck
