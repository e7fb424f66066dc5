// Plain text: paragraphs are blocks between blank lines; text with no blank
// lines at all (one paragraph per line, as many sites export) splits on lines.
#include "article.h"
#include "dossier/text.h"

namespace dossier::news {

std::vector<Article> ReadPlainText(const std::string& text) {
  Article a;
  const bool blank_lines = text.find("\n\n") != std::string::npos || text.find("\n \n") != std::string::npos;
  std::string current;
  auto flush = [&] {
    std::string t = Trim(current);
    if (!t.empty()) a.blocks.push_back({t, false});
    current.clear();
  };
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string::npos) nl = text.size();
    const std::string line = text.substr(pos, nl - pos);
    if (Trim(line).empty()) {
      flush();
    } else if (!blank_lines) {
      current = line;
      flush();
    } else {
      current += (current.empty() ? "" : "\n") + line;
    }
    if (nl == text.size()) break;
    pos = nl + 1;
  }
  flush();
  return {a};
}

}  // namespace dossier::news
