// A run over many files: reading them on -j threads, and checking them one
// at a time so that memory stays that of a few reports however many are
// given. The command line renders what these return; it has no pipeline or
// thread pool of its own.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "diag/diagnostic.h"
#include "diag/formats.h"
#include "engine/engine.h"
#include "text/input.h"

namespace plancheck {

// Runs work(0..n-1) on up to `jobs` threads, each taking the next index.
void ParallelFor(size_t n, int jobs, const std::function<void(size_t)>& work);

// A file of the run: its path ("-" is standard input) and the name
// diagnostics show.
struct InputFile {
  std::string path;
  std::string display;
};
std::vector<InputFile> InputFiles(const std::vector<std::string>& paths);

// The arguments with each directory replaced by the report files under it,
// recursively, in name order (ReportExtensions: .txt, Word documents, web
// pages), skipping hidden files and directories (.git) and Word's lock
// files (~$name.docx), as ruff and eslint do; a directory without any stays
// itself, to be reported as a directory.
std::vector<std::string> ExpandInputs(const std::vector<std::string>& args);

// How files are read.
struct ReadOptions {
  std::string encoding;  // "" detects
  InputFormat format = InputFormat::kAuto;
  size_t max_bytes = kDefaultMaxInputBytes;
  int jobs = 1;
};

// Every file read and analyzed, in the order given: a Report, or why not.
std::vector<Result<Report>> LoadAll(const Engine& engine, const std::vector<InputFile>& files,
                                    const ReadOptions& read);

// One file checked and rendered: what `render` made of its diagnostics
// (sorted, the baseline applied), their counts, and whether any is at or
// above `fail_on` and not acknowledged; or the status why it was not read.
struct CheckedFile {
  Status status;
  std::string rendered;
  SeverityCounts counts;
  bool fails = false;
};
struct CheckOptions {
  bool english = false;
  const Baseline* baseline = nullptr;
  Severity fail_on = Severity::kWarning;
};
// Whether any finding is at or above `fail_on` and not acknowledged (the
// run then exits 1).
bool Fails(const std::vector<Diagnostic>& diagnostics, Severity fail_on);

// The reports of the facts database at `path` (--db) that are not among
// `given` (the same text given again is taken once), read with `engine`.
Result<std::vector<Report>> StoredReports(const Engine& engine, const std::string& path,
                                          const std::vector<Report>& given);

std::vector<CheckedFile> CheckEach(
    const Engine& engine, const std::vector<InputFile>& files, const ReadOptions& read,
    const CheckOptions& check,
    const std::function<std::string(const std::vector<Diagnostic>&)>& render);

}  // namespace plancheck
