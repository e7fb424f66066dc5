#include "dossier/status.h"

namespace dossier {

const char* Status::code_name() const {
  switch (code_) {
    case Code::kOk: return "ok";
    case Code::kNotFound: return "not found";
    case Code::kInvalidArgument: return "invalid argument";
    case Code::kAlreadyExists: return "already exists";
    case Code::kAmbiguous: return "ambiguous";
    case Code::kCorruption: return "corruption";
    case Code::kIOError: return "I/O error";
    case Code::kBusy: return "busy";
    case Code::kUnsupported: return "unsupported";
    case Code::kInternal: return "internal error";
  }
  return "unknown";
}

Status Status::WithContext(const std::string& prefix) const {
  if (ok()) return *this;
  return Status(code_, prefix + ": " + message_);
}

}  // namespace dossier
