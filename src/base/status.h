// Status and Result<T>: how a step that can fail says so.
//
// A Status is cheap on success (no allocation) and carries one line of
// text on failure. Result<T> holds either a value or a failed Status. Call
// sites read `if (!s.ok()) return s;`. Problems found *in the input* (a
// report inconsistency, a bad key in a rule file) are diagnostics, not
// Statuses: a Status means "this step cannot produce a result".
//
// Thread-safety: values, safe to copy between threads.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <memory>
#include <optional>
#include <string>
#include <utility>

namespace plancheck {

class Status {
 public:
  Status() = default;
  static Status Ok() { return Status(); }
  static Status Error(std::string message) { return Status(std::move(message)); }

  bool ok() const { return message_ == nullptr; }
  const std::string& message() const {
    static const std::string kEmpty;
    return message_ ? *message_ : kEmpty;
  }

 private:
  explicit Status(std::string message)
      : message_(std::make_shared<const std::string>(std::move(message))) {}
  std::shared_ptr<const std::string> message_;
};

template <typename T>
class Result {
 public:
  Result(T value) : value_(std::move(value)) {}         // NOLINT: implicit by design
  Result(Status status) : status_(std::move(status)) {  // NOLINT
    if (status_.ok()) status_ = Status::Error("internal: Result built from an ok Status");
  }

  bool ok() const { return value_.has_value(); }
  const Status& status() const { return status_; }
  T& value() { return *value_; }
  const T& value() const { return *value_; }
  T* operator->() { return &*value_; }
  const T* operator->() const { return &*value_; }
  T& operator*() { return *value_; }

 private:
  std::optional<T> value_;
  Status status_;
};

// Programming errors abort with a message; they are never a silent wrong
// answer. Input problems must not reach here.
#define PLANCHECK_CHECK(cond)                                                                \
  do {                                                                                       \
    if (!(cond)) {                                                                           \
      std::fprintf(stderr, "plancheck: internal error: %s:%d: check failed: %s\n", __FILE__, \
                   __LINE__, #cond);                                                         \
      std::abort();                                                                          \
    }                                                                                        \
  } while (0)

}  // namespace plancheck
