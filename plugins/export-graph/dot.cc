// Graphviz: the graph as DOT (`dot`), and rendered to SVG by Graphviz's own
// `dot` program when it is installed (`svg`, what `export dot --svg` runs).
#include <sys/wait.h>
#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>

#include "dossier/text.h"
#include "graph_walk.h"

namespace dossier::plugins {
namespace {

// A DOT double-quoted string. Backslashes are doubled (DOT reads \n, \l, \N
// ... as escapes); newlines become \n; other control characters a space.
std::string DotString(std::string_view s) {
  const std::string text = IsValidUtf8(s) ? std::string(s) : RepairUtf8(s);
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (c == '\n') {
      out += "\\n";
    } else if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
      out += ' ';
    } else {
      out += c;
    }
  }
  return out + "\"";
}

const char* Shape(EntityType t) {
  switch (t) {
    case EntityType::kOrganization: return "box";
    case EntityType::kPlace: return "house";
    default: return "ellipse";
  }
}

class DotSink final : public GraphSink {
 public:
  explicit DotSink(std::ostream& out) : out_(out) {}
  // A force-directed layout: a graph of who is named with whom has no
  // hierarchy for dot's ranks to show. neato reads a neighbourhood best;
  // sfdp lays out hundreds of nodes in seconds where neato and spline
  // routing took minutes. Straight edges: routing splines around thousands
  // of nodes is what made Graphviz run for ten minutes.
  void Begin(int64_t nodes) override {
    const bool small = nodes >= 0 && nodes <= 60;
    out_ << "// dossier: entities, relations (solid, labelled) and co-mentions (dashed)\n"
            "digraph dossier {\n"
            "  graph [layout=" << (small ? "neato" : "sfdp") << ", overlap=" << (small ? "false" : "prism")
         << ", splines=" << (small ? "true" : "false") << ", outputorder=edgesfirst, fontname=\"Helvetica\"];\n"
            "  node [style=filled, fontname=\"Helvetica\", fontcolor=white];\n"
            "  edge [fontname=\"Helvetica\", fontsize=9];\n";
  }
  void Node(const EntitySummary& n) override {
    out_ << "  " << DotString(n.id) << " [label=" << DotString(n.name) << ", shape=" << Shape(n.type)
         << ", fillcolor=\"" << TypeColour(n.type) << "\", color=\"" << TypeColour(n.type)
         << "\", fontsize=" << 10 + std::min<int64_t>(12, static_cast<int64_t>(std::sqrt(n.mentions))) << "];\n";
  }
  void EndNodes() override {}
  void Edge(const std::string&, const dossier::Edge& e) override {
    const double pen = 1.0 + std::log2(static_cast<double>(std::max<int64_t>(1, e.weight)));
    out_ << "  " << DotString(e.source) << " -> " << DotString(e.target) << " [weight=" << e.weight
         << ", penwidth=" << pen;
    if (e.kind == Edge::Kind::kRelation) {
      out_ << ", label=" << DotString(e.label);
    } else {
      out_ << ", dir=none, style=dashed, color=\"#9c9c9c\"";
    }
    out_ << "];\n";
  }
  void End() override { out_ << "}\n"; }

 private:
  std::ostream& out_;
};


// The first executable `dot` on $PATH, or "".
std::string FindDot() {
  const char* path = std::getenv("PATH");
  std::string dirs = path ? path : "/usr/bin:/bin";
  size_t start = 0;
  while (start <= dirs.size()) {
    size_t end = dirs.find(':', start);
    if (end == std::string::npos) end = dirs.size();
    std::string candidate = dirs.substr(start, end - start);
    candidate = (candidate.empty() ? "." : candidate) + "/dot";
    if (access(candidate.c_str(), X_OK) == 0) return candidate;
    start = end + 1;
  }
  return "";
}

// Writes the DOT to a temporary file (the graph can be large), runs
// `dot -Tsvg` on it and copies the SVG to the target.
class SvgExporter final : public Exporter {
 public:
  std::string name() const override { return "svg"; }
  std::string description() const override {
    return "the dot graph rendered to SVG by Graphviz (export dot --svg; needs the dot program)";
  }
  std::string default_output() const override { return "dossier.svg"; }
  // Graphviz titles the SVG after the graph, which the DOT names "dossier".
  bool OwnsOutput(std::string_view head) const override {
    return head.find("<svg") != std::string_view::npos &&
           head.substr(0, 2048).find("<!-- Title: dossier ") != std::string_view::npos;
  }
  Status Export(StoreView& store, const Selection& selection, ExportTarget& target) override {
    const std::string dot = FindDot();
    if (dot.empty()) {
      return Status::Unsupported("--svg needs Graphviz's dot program, which is not on PATH (Debian: apt-get install graphviz)");
    }
    char name[] = "/tmp/dossier-graph-XXXXXX";
    const int fd = mkstemp(name);
    if (fd < 0) return Status::IOError("cannot create a temporary file for the graph");
    close(fd);
    struct Remove {
      const char* path;
      ~Remove() { std::remove(path); }
    } remove{name};
    {
      std::ofstream file(name, std::ios::binary);
      DotSink sink(file);
      if (Status st = GraphWalk(store, selection, DotDefaults(), sink); !st.ok()) return st;
      file.close();
      if (!file) return Status::IOError("cannot write the temporary graph file " + std::string(name));
    }
    const std::string command = "'" + dot + "' -Tsvg '" + name + "' 2>&1";
    FILE* pipe = popen(command.c_str(), "r");
    if (!pipe) return Status::IOError("cannot run " + dot);
    std::ostream& out = target.stream();
    std::string head;  // dot's message when it fails
    char buffer[65536];
    size_t n;
    while ((n = fread(buffer, 1, sizeof buffer, pipe)) > 0) {
      if (head.size() < 512) head.append(buffer, std::min<size_t>(n, 512 - head.size()));
      out.write(buffer, static_cast<std::streamsize>(n));
    }
    const int rc = pclose(pipe);
    if (rc != 0) {
      const std::string first_line = head.substr(0, head.find('\n'));
      return Status::IOError("dot failed (status " + std::to_string(WIFEXITED(rc) ? WEXITSTATUS(rc) : rc) +
                             "): " + first_line);
    }
    return out ? Status::OK() : Status::IOError("cannot write the export");
  }
};

}  // namespace

std::unique_ptr<GraphSink> MakeDotSink(std::ostream& out) { return std::make_unique<DotSink>(out); }
GraphDefaults DotDefaults() {
  GraphDefaults d;
  d.max_nodes = 200;       // what a page shows legibly
  d.max_nodes_about = 50;  // a neighbourhood to read, not a hairball
  d.min_weight = 2;        // a pair named together once is noise; with the --about entity it is kept
  d.co_mentions_per_node = 3;
  return d;
}
std::unique_ptr<Exporter> MakeSvgExporter() { return std::make_unique<SvgExporter>(); }

}  // namespace dossier::plugins
