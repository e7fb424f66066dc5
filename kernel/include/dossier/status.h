// Status and Result: errors as values.
//
// Every SDK call that can fail returns a Status (or a Result<T>, which is a
// Status plus a value when the status is ok). Messages are one line, written
// for the person at the terminal: they name the thing (file, id, field) and
// the reason, never an internal library's wording.
#pragma once

#include <optional>
#include <string>
#include <utility>

#include "dossier/export.h"

namespace dossier {

class DOSSIER_API Status {
 public:
  enum class Code {
    kOk = 0,
    kNotFound,         // no entity/document/claim/file with that id or name
    kInvalidArgument,  // the caller's input is wrong (schema violation, bad span, ...)
    kAlreadyExists,    // an entity with that id already exists
    kAmbiguous,        // a name matches several entities
    kCorruption,       // the store or an input file is damaged or not what it claims
    kIOError,          // the file system or the database engine failed
    kBusy,             // another process held the store longer than the busy timeout
    kUnsupported,      // store from a newer dossier, unknown format, ...
    kInternal,         // a bug: an invariant did not hold
  };

  // An ok status.
  Status() = default;

  static Status OK() { return Status(); }
  static Status NotFound(std::string msg) { return Status(Code::kNotFound, std::move(msg)); }
  static Status InvalidArgument(std::string msg) {
    return Status(Code::kInvalidArgument, std::move(msg));
  }
  static Status AlreadyExists(std::string msg) {
    return Status(Code::kAlreadyExists, std::move(msg));
  }
  static Status Ambiguous(std::string msg) { return Status(Code::kAmbiguous, std::move(msg)); }
  static Status Corruption(std::string msg) { return Status(Code::kCorruption, std::move(msg)); }
  static Status IOError(std::string msg) { return Status(Code::kIOError, std::move(msg)); }
  static Status Busy(std::string msg) { return Status(Code::kBusy, std::move(msg)); }
  static Status Unsupported(std::string msg) { return Status(Code::kUnsupported, std::move(msg)); }
  static Status Internal(std::string msg) { return Status(Code::kInternal, std::move(msg)); }

  bool ok() const { return code_ == Code::kOk; }
  Code code() const { return code_; }
  // The one-line message; empty for ok.
  const std::string& message() const { return message_; }
  // Short name of the code ("not found", "invalid argument", ...).
  const char* code_name() const;

  // Returns a copy whose message is "<prefix>: <message>" (for naming a file or id).
  Status WithContext(const std::string& prefix) const;

 private:
  Status(Code code, std::string msg) : code_(code), message_(std::move(msg)) {}
  Code code_ = Code::kOk;
  std::string message_;
};

// A value or the Status explaining why there is none.
template <class T>
class Result {
 public:
  Result(T value) : value_(std::move(value)) {}  // NOLINT: implicit by design
  Result(Status status) : status_(std::move(status)) {}  // NOLINT: implicit by design

  bool ok() const { return status_.ok(); }
  const Status& status() const { return status_; }
  // Precondition: ok().
  T& value() & { return *value_; }
  const T& value() const& { return *value_; }
  T&& value() && { return std::move(*value_); }
  T* operator->() { return &*value_; }
  const T* operator->() const { return &*value_; }
  T& operator*() { return *value_; }
  const T& operator*() const { return *value_; }

 private:
  Status status_;
  std::optional<T> value_;
};

}  // namespace dossier
