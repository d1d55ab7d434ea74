#include "cli/output.h"

#include <fcntl.h>
#include <limits.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace plancheck {

namespace {

Status Error(const std::string& path, const std::string& why) {
  return Status::Error(path + ": cannot write: " + why);
}

// Writes all of `content` to `fd`.
bool WriteAll(int fd, const std::string& content) {
  size_t done = 0;
  while (done < content.size()) {
    ssize_t n = write(fd, content.data() + done, content.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    done += static_cast<size_t>(n);
  }
  return true;
}

Status WriteStdout(const std::string& content) {
  std::fflush(stdout);
  if (!WriteAll(STDOUT_FILENO, content))
    return Status::Error(std::string("standard output: write error: ") + std::strerror(errno));
  return Status::Ok();
}

// The file a path names once its symbolic links are followed; a dangling
// link names the file it would create.
std::string Target(const std::string& path) {
  std::string target = path;
  for (int hops = 0; hops < 40; ++hops) {
    struct stat st;
    if (lstat(target.c_str(), &st) != 0 || !S_ISLNK(st.st_mode)) return target;
    char buf[PATH_MAX];
    ssize_t n = readlink(target.c_str(), buf, sizeof buf - 1);
    if (n < 0) return target;
    std::string link(buf, static_cast<size_t>(n));
    if (!link.empty() && link[0] != '/') {
      size_t slash = target.rfind('/');
      link = (slash == std::string::npos ? std::string() : target.substr(0, slash + 1)) + link;
    }
    target = link;
  }
  return target;
}

// Whether `st` is the file of one of `inputs`.
std::string InputAt(const struct stat& st, const std::vector<std::string>& inputs) {
  for (const std::string& input : inputs) {
    struct stat in;
    if (input != "-" && stat(input.c_str(), &in) == 0 && in.st_dev == st.st_dev &&
        in.st_ino == st.st_ino)
      return input;
  }
  return "";
}

}  // namespace

Status WriteOutput(const std::string& path, const std::string& content,
                   const std::vector<std::string>& inputs) {
  if (path.empty() || path == "-") return WriteStdout(content);
  struct stat st;
  const bool exists = stat(path.c_str(), &st) == 0;
  // The file to replace: an existing one by its real path (through any
  // links), a new one where a dangling link points.
  std::string target = Target(path);
  if (exists && S_ISREG(st.st_mode)) {
    char real[PATH_MAX];
    if (realpath(path.c_str(), real) != nullptr) target = real;
  } else if (exists) {
    target = path;  // a device or FIFO, also through /dev/stdout → /proc/self/fd/1
  }
  if (exists) {
    const std::string input = InputAt(st, inputs);
    if (!input.empty())
      return Error(path, "it is the input " + input + "; refusing to write over it");
    if (S_ISDIR(st.st_mode)) return Error(path, "is a directory");
    if (!S_ISREG(st.st_mode)) {
      // A device, FIFO or socket: written to, never replaced.
      int fd = open(target.c_str(), O_WRONLY | O_CLOEXEC);
      if (fd < 0) return Error(path, std::strerror(errno));
      bool ok = WriteAll(fd, content);
      int e = errno;
      ok = close(fd) == 0 && ok;
      return ok ? Status::Ok() : Error(path, std::strerror(ok ? errno : e));
    }
  }
  std::string tmp = target + ".tmp." + std::to_string(getpid());
  int fd = open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
  if (fd < 0) return Error(path, std::strerror(errno));
  // A file replaced keeps its permissions.
  if (exists) (void)fchmod(fd, st.st_mode & 07777);
  bool ok = WriteAll(fd, content);
  ok = fsync(fd) == 0 && ok;
  ok = close(fd) == 0 && ok;
  if (!ok || std::rename(tmp.c_str(), target.c_str()) != 0) {
    std::string why = std::strerror(errno);
    std::remove(tmp.c_str());
    return Error(path, why);
  }
  return Status::Ok();
}

}  // namespace plancheck
