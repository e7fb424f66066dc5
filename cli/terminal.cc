#include "terminal.h"

#include <string_view>
#include <vector>

#include "dossier/text.h"

namespace dossier::cli {
namespace {

// What Context::Bold and Context::Dim write, and search's highlight.
const std::vector<std::string_view>& OwnSequences() {
  static const std::vector<std::string_view> kOwn = {"\x1b[1m", "\x1b[2m", "\x1b[0m", "\x1b[1;33m"};
  return kOwn;
}

}  // namespace

// Collects output and hands it on escaped: at each line end, flush, and when
// the buffer fills, keeping back a tail that may be the start of a sequence
// (a C1 character or one of our own) completed by the next write.
class TerminalSafe::Buf final : public std::streambuf {
 public:
  explicit Buf(std::streambuf* out) : out_(out) {}
  ~Buf() override { Drain(true); }

 protected:
  int_type overflow(int_type ch) override {
    if (ch == traits_type::eof()) return traits_type::not_eof(ch);
    pending_ += static_cast<char>(ch);
    if (ch == '\n' || pending_.size() >= 4096) Drain(false);
    return ch;
  }
  std::streamsize xsputn(const char* s, std::streamsize n) override {
    pending_.append(s, static_cast<size_t>(n));
    if (pending_.size() >= 4096 || pending_.find('\n') != std::string::npos) Drain(false);
    return n;
  }
  int sync() override {
    Drain(false);
    return out_->pubsync();
  }

 private:
  void Drain(bool all) {
    size_t keep = 0;
    if (!all) {
      // A possible start of one of our own sequences stays for the next write.
      const size_t esc = pending_.rfind('\x1b');
      if (esc != std::string::npos && pending_.size() - esc < 8) keep = pending_.size() - esc;
    }
    const std::string_view ready(pending_.data(), pending_.size() - keep);
    size_t cut = 0;
    const std::string out = EscapeControls(ready, OwnSequences(), all ? nullptr : &cut);
    out_->sputn(out.data(), static_cast<std::streamsize>(out.size()));
    pending_.erase(0, ready.size() - cut);
  }

  std::streambuf* out_;
  std::string pending_;
};

TerminalSafe::TerminalSafe(std::ostream& stream) : stream_(stream), original_(stream.rdbuf()) {
  buf_ = new Buf(original_);
  stream_.rdbuf(buf_);
}

TerminalSafe::~TerminalSafe() {
  stream_.flush();
  stream_.rdbuf(original_);
  delete buf_;
  stream_.flush();
}

}  // namespace dossier::cli
