// Output that is safe on a terminal: everything printed for people (not
// --json, which escapes control characters itself) passes through
// EscapeControls, so a name or title read from a hostile document cannot
// send the terminal escape sequences. Only the CLI's own bold and dim pass.
#pragma once

#include <ostream>
#include <streambuf>
#include <string>

namespace dossier::cli {

// While it lives, `stream` writes through the escaping filter.
class TerminalSafe {
 public:
  explicit TerminalSafe(std::ostream& stream);
  ~TerminalSafe();
  TerminalSafe(const TerminalSafe&) = delete;
  TerminalSafe& operator=(const TerminalSafe&) = delete;

 private:
  class Buf;
  std::ostream& stream_;
  std::streambuf* original_;
  Buf* buf_;
};

}  // namespace dossier::cli
