#include "engine/run.h"

#include <algorithm>
#include <atomic>
#include <thread>

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
    for (const Diagnostic& d : diagnostics) {
      out.counts.Add(d);
      if (!d.suppressed && d.severity >= check.fail_on) out.fails = true;
    }
    out.rendered = render(diagnostics);
  });
  return results;
}

}  // namespace plancheck
