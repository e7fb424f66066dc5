// The graph exporters: GEXF and GraphML parse as XML with the right nodes
// (typed, sized by mentions) and weighted edges; DOT quotes hostile names;
// SVG is rendered by Graphviz when it is installed, refused clearly when not.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>

#include "export_support.h"

using namespace dossier;
using namespace dossier::testing;
namespace fs = std::filesystem;

TEST_CASE("gexf: typed nodes sized by mentions, relation and co-mention edges", "[export][graph]") {
  ExportFixture f;
  REQUIRE(f.Export("gexf", "g.gexf").ok());
  Xml x(f.dir / "g.gexf");
  x.Namespace("g", "http://www.gexf.net/1.2draft");
  x.Namespace("viz", "http://www.gexf.net/1.2draft/viz");
  CHECK(x.Count("//g:node") == 7);  // 4 persons, 2 organizations, 1 place; no documents
  const std::string fox = "//g:node[@id='" + std::string(kFox) + "']";
  CHECK(x.One(fox + "/@label") == kFoxName);
  CHECK(x.One(fox + "/g:attvalues/g:attvalue[@for='type']/@value") == "person");
  CHECK(x.One("//g:node[@id='place:port-elsey']/g:attvalues/g:attvalue[@for='mentions']/@value") == "3");
  CHECK(std::stod(x.One("//g:node[@id='place:port-elsey']/viz:size/@value")) >
        std::stod(x.One(fox + "/viz:size/@value")));
  CHECK(x.Count("//g:node[@label='Kite & \"Co\" <Ltd>']") == 1);
  // Relations: directed, labelled with the predicate (the rejected claim is no edge).
  CHECK(x.One("//g:edge[@source='person:mara-ellingsen'][@target='org:northwind-harbour-trust'][@label='member_of']/@type") ==
        "directed");
  CHECK(x.Count("//g:edge[@label='said']") == 0);
  // Co-mentions: Mara and Port Elsey share both documents.
  CHECK(x.One("//g:edge[@source='person:mara-ellingsen'][@target='place:port-elsey']/@weight") == "2");
  // A directed graph (networkx knows no mixed ones): a co-mention is "mutual".
  CHECK(x.One("//g:graph/@defaultedgetype") == "directed");
  CHECK(x.One("//g:edge[@source='person:mara-ellingsen'][@target='place:port-elsey']/@type") == "mutual");
  CHECK(x.Count("//g:edge[@type='undirected']") == 0);
  // Every edge ends at a node.
  const auto ids = x.Strings("//g:node/@id");
  for (const auto& end : x.Strings("//g:edge/@source | //g:edge/@target")) {
    CHECK(std::find(ids.begin(), ids.end(), end) != ids.end());
  }
  CHECK(x.Count("//g:node[@id='person:ivo-lindqvist']") == 1);  // a node without edges is still drawn
}

TEST_CASE("graphml: the same graph, keys declared, hostile labels intact", "[export][graph]") {
  ExportFixture f;
  REQUIRE(f.Export("graphml", "g.graphml").ok());
  Xml x(f.dir / "g.graphml");
  x.Namespace("g", "http://graphml.graphdrawing.org/xmlns");
  CHECK(x.Count("//g:node") == 7);
  CHECK(x.One("//g:node[@id='person:layla-haddad']/g:data[@key='label']") == kLaylaName);
  CHECK(x.One("//g:node[g:data[@key='label']='Kite & \"Co\" <Ltd>']/@id") == kKite);
  CHECK(x.One("//g:edge[@source='person:sean-o-brien'][g:data[@key='edge_label']='employed_by']/@target") == kKite);
  // Directed by default, no edge says otherwise: networkx and igraph refuse a mix.
  CHECK(x.One("//g:graph/@edgedefault") == "directed");
  CHECK(x.Count("//g:edge[@directed]") == 0);
  CHECK(x.One("//g:edge[@source='person:mara-ellingsen'][@target='place:port-elsey']/g:data[@key='kind']") == "co-mention");
  for (const auto& key : x.Strings("//g:data/@key")) CHECK(x.Count("//g:key[@id='" + key + "']") == 1);
}

TEST_CASE("dot: hostile names are quoted, svg runs Graphviz or says it is missing", "[export][graph]") {
  ExportFixture f;
  REQUIRE(f.Export("dot", "g.dot").ok());
  const std::string dot = ReadFile(f.dir / "g.dot");
  CHECK(dot.find("\"org:kite&\\\"co\\\"<ltd>\" [label=\"Kite & \\\"Co\\\" <Ltd>\"") != std::string::npos);
  CHECK(dot.find("-> \"org:northwind-harbour-trust\" [weight=1, penwidth=1, label=\"member_of\"]") != std::string::npos);

  const bool have_dot = std::system("command -v dot >/dev/null 2>&1") == 0;
  Status st = f.Export("svg", "g.svg");
  if (have_dot) {
    REQUIRE(st.ok());
    Xml svg(f.dir / "g.svg");
    svg.Namespace("s", "http://www.w3.org/2000/svg");
    CHECK(svg.Count("//s:g[@class='node']") == 7);
    CHECK(svg.Count("//s:text[.='Kite & \"Co\" <Ltd>']") == 1);
  } else {
    CHECK(st.code() == Status::Code::kUnsupported);
    CHECK(st.message().find("apt-get install graphviz") != std::string::npos);
    CHECK_FALSE(fs::exists(f.dir / "g.svg"));
  }
}

TEST_CASE("graphs: --max-nodes keeps the most named, --min-weight drops rare co-mentions, dot's defaults", "[export][graph]") {
  ExportFixture f;
  // Mentions: Port Elsey 3, Mara Ellingsen 2, the others 1 or 0.
  Selection two;
  two.max_nodes = 2;
  REQUIRE(f.Export("gexf", "two.gexf", two).ok());
  Xml x(f.dir / "two.gexf");
  x.Namespace("g", "http://www.gexf.net/1.2draft");
  CHECK(x.Count("//g:node") == 2);
  CHECK(x.Count("//g:node[@id='place:port-elsey']") == 1);
  CHECK(x.Count("//g:node[@id='person:mara-ellingsen']") == 1);
  CHECK(x.Count("//g:edge") == 1);  // only the edge between them: named together in 2 documents
  // --about keeps its entity among the N, whatever its rank.
  Selection about_fox = two;
  about_fox.about = kFox;
  REQUIRE(ResolveSelection(*f.store, &about_fox).ok());
  REQUIRE(f.Export("gexf", "fox.gexf", about_fox).ok());
  Xml fox(f.dir / "fox.gexf");
  fox.Namespace("g", "http://www.gexf.net/1.2draft");
  CHECK(fox.Count("//g:node") == 2);
  CHECK(fox.Count(std::string("//g:node[@id='") + kFox + "']") == 1);

  Selection heavy;
  heavy.min_weight = 2;
  REQUIRE(f.Export("gexf", "heavy.gexf", heavy).ok());
  Xml h(f.dir / "heavy.gexf");
  h.Namespace("g", "http://www.gexf.net/1.2draft");
  CHECK(h.Count("//g:node") == 7);  // nodes stay
  CHECK(h.Count("//g:edge[g:attvalues/g:attvalue[@for='kind'][@value='co-mention']]") == 1);
  CHECK(h.Count("//g:edge[g:attvalues/g:attvalue[@for='kind'][@value='relation']]") > 0);  // relations stay

  // gexf draws everything by default; dot leaves out co-mentions of one
  // document across the whole store, but not in a neighbourhood.
  REQUIRE(f.Export("gexf", "all.gexf").ok());
  Xml all(f.dir / "all.gexf");
  all.Namespace("g", "http://www.gexf.net/1.2draft");
  CHECK(all.Count("//g:edge[g:attvalues/g:attvalue[@for='kind'][@value='co-mention']]") > 1);
  REQUIRE(f.Export("dot", "all.dot").ok());
  const std::string dot = ReadFile(f.dir / "all.dot");
  size_t dashed = 0;
  for (size_t at = dot.find("style=dashed"); at != std::string::npos; at = dot.find("style=dashed", at + 1)) ++dashed;
  CHECK(dashed == 1);
  CHECK(dot.find("layout=") != std::string::npos);
  Selection neighbourhood;
  neighbourhood.about = kMara;
  REQUIRE(ResolveSelection(*f.store, &neighbourhood).ok());
  REQUIRE(f.Export("dot", "mara.dot", neighbourhood).ok());
  const std::string mara = ReadFile(f.dir / "mara.dot");
  CHECK(mara.find("style=dashed") != mara.rfind("style=dashed"));  // more than one co-mention
  CHECK(mara.find("layout=neato") != std::string::npos);           // a small graph: neato
}

TEST_CASE("svg: when dot fails halfway, no file is left and an older one is kept", "[export][graph]") {
  ExportFixture f;
  const std::string bin = f.dir / "bin";
  fs::create_directories(bin);
  WriteFile(bin + "/dot", "#!/bin/sh\necho '<svg>half'\necho 'Error: syntax error in line 3' \nexit 1\n");
  fs::permissions(bin + "/dot", fs::perms::owner_all);
  WriteFile(f.dir / "g.svg", "older\n");
  const std::string old_path = std::getenv("PATH") ? std::getenv("PATH") : "";
  setenv("PATH", (bin + ":" + old_path).c_str(), 1);
  ExportOptions force;
  force.force = true;  // "older" is no SVG an export made
  Status st = f.Export("svg", "g.svg", {}, force);
  setenv("PATH", old_path.c_str(), 1);
  REQUIRE_FALSE(st.ok());
  CHECK(st.message().find("dot failed (status 1)") != std::string::npos);
  CHECK(ReadFile(f.dir / "g.svg") == "older\n");
  for (const auto& e : fs::directory_iterator(f.dir.path())) {
    CHECK(e.path().filename().string().find("g.svg.") == std::string::npos);  // no temporary left over
  }
}
