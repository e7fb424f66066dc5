"""Checks one dossier export as its real consumer reads it, against the
store's own JSON Lines export (what the store holds): run by run.sh.

  check.py networkx EXPECTED.jsonl G.gexf G.graphml
  check.py igraph   EXPECTED.jsonl G.graphml
  check.py rdflib   EXPECTED.jsonl G.jsonld
  check.py csv      EXPECTED.jsonl SHEETS/
  check.py graphviz EXPECTED.jsonl G.dot G.svg
  check.py site     EXPECTED.jsonl SITE/ [partial]

Prints what it read and exits 1 with the first difference."""
import collections
import json
import sys

GRAPH_TYPES = {"person", "organization", "place"}


def fail(message):
    print("FAIL: " + message)
    sys.exit(1)


def same(what, got, want):
    if got != want:
        fail(f"{what}: the export has {sorted(got - want)[:5]} too many and lacks {sorted(want - got)[:5]}")


class Expected:
    """What the graph exports must hold, read from the JSON Lines backup."""

    def __init__(self, path):
        self.records = [json.loads(line) for line in open(path, encoding="utf-8") if line.strip()]
        by_type = collections.defaultdict(list)
        for r in self.records:
            by_type[r["type"]].append(r)
        self.by_type = by_type
        merged = {r["id"]: r["merged_into"] for r in self.records if r.get("merged_into")}

        def canonical(i):
            for _ in range(64):
                if i not in merged:
                    break
                i = merged[i]
            return i

        self.canonical = canonical
        self.entities = {r["id"]: r for t in GRAPH_TYPES for r in by_type[t] if not r.get("merged_into")}
        self.relations = set()
        for c in by_type["claim"]:
            s, o = canonical(c["subject"]), canonical(c.get("object", ""))
            if c.get("status") != "rejected" and s in self.entities and o in self.entities:
                self.relations.add((s, o, c["predicate"]))
        docs = collections.defaultdict(set)
        for m in by_type["mention"]:
            e = canonical(m.get("entity") or "")
            if e in self.entities:
                docs[m["document"]].add(e)
        self.comentions = collections.Counter()
        for named in docs.values():
            named = sorted(named)
            for i, a in enumerate(named):
                for b in named[i + 1:]:
                    self.comentions[(a, b)] += 1


def check_networkx_graph(name, g, exp, label_key):
    import networkx as nx
    if not g.is_directed():
        fail(f"{name}: networkx reads an undirected graph; relations lose their direction")
    same(f"{name} nodes", set(g.nodes), set(exp.entities))
    for n, data in g.nodes(data=True):
        if data.get("type") != exp.entities[n]["type"]:
            fail(f"{name}: node {n} has type {data.get('type')!r}")
        if not isinstance(data.get("mentions"), int):
            fail(f"{name}: node {n} has no integer mentions attribute: {data}")
        if data.get("label") != exp.entities[n]["name"]:
            fail(f"{name}: node {n} is labelled {data.get('label')!r}, not {exp.entities[n]['name']!r}")
    relations, comentions = set(), collections.Counter()
    for u, v, data in g.edges(data=True):
        if data.get("kind") == "relation":
            relations.add((u, v, data.get(label_key)))
        elif data.get("kind") == "co-mention":
            comentions[tuple(sorted((u, v)))] = data.get("weight")
        else:
            fail(f"{name}: edge {u} -> {v} has kind {data.get('kind')!r}")
    same(f"{name} relation edges (subject -> object, predicate)", relations, exp.relations)
    same(f"{name} co-mention pairs", set(comentions), set(exp.comentions))
    for pair, weight in comentions.items():
        if weight != exp.comentions[pair]:
            fail(f"{name}: co-mention {pair} weighs {weight}, named together in {exp.comentions[pair]} documents")
    print(f"networkx {nx.__version__} reads {name}: {g.number_of_nodes()} nodes, {len(relations)} relations "
          f"in their direction, {len(comentions)} co-mention pairs, attributes intact")


def networkx(exp, gexf, graphml):
    import networkx as nx
    check_networkx_graph("gexf", nx.read_gexf(gexf), exp, "label")
    check_networkx_graph("graphml", nx.read_graphml(graphml), exp, "label")


def igraph(exp, graphml):
    import igraph as ig
    g = ig.Graph.Read_GraphML(graphml)
    if not g.is_directed():
        fail("igraph reads an undirected graph")
    ids = g.vs["id"]
    same("igraph nodes", set(ids), set(exp.entities))
    for v in g.vs:
        if v["type"] != exp.entities[v["id"]]["type"] or v["label"] != exp.entities[v["id"]]["name"]:
            fail(f"igraph: node {v['id']} reads as {v['type']!r} {v['label']!r}")
    relations = {(ids[e.source], ids[e.target], e["label"]) for e in g.es if e["kind"] == "relation"}
    same("igraph relation edges", relations, exp.relations)
    comentions = {tuple(sorted((ids[e.source], ids[e.target]))) for e in g.es if e["kind"] == "co-mention"}
    same("igraph co-mention pairs", comentions, set(exp.comentions))
    print(f"igraph {ig.__version__} reads graphml: {g.vcount()} nodes, {g.ecount()} edges, directed, "
          f"{len(relations)} relations in their direction")


def rdflib(exp, path):
    import socket
    # Offline: a remote @context would be fetched here; refuse the network.
    def offline(*args, **kwargs):
        raise OSError("the test runs offline: the JSON-LD must not need the network")
    socket.socket.connect = offline
    socket.create_connection = offline
    import rdflib as rl
    from rdflib.namespace import RDF
    g = rl.Graph()
    g.parse(path, format="json-ld")
    sdo = rl.Namespace("https://schema.org/")
    counts = {t: len(set(g.subjects(RDF.type, sdo[t]))) for t in ("Person", "Organization", "Place", "Claim")}
    want = {"Person": "person", "Organization": "organization", "Place": "place"}
    for t, dt in want.items():
        n = sum(1 for e in exp.entities.values() if e["type"] == dt)
        if counts[t] != n:
            fail(f"rdflib: {counts[t]} schema:{t}, the store has {n}")
    docs = len(set(g.subjects(RDF.type, sdo["NewsArticle"])) | set(g.subjects(RDF.type, sdo["DigitalDocument"])))
    if docs != len(exp.by_type["document"]):
        fail(f"rdflib: {docs} documents, the store has {len(exp.by_type['document'])}")
    if counts["Claim"] == 0:
        fail("rdflib: no schema:Claim")
    for s, o in g.subject_objects(sdo["about"]):
        if (o, RDF.type, None) not in g:
            fail(f"rdflib: a claim is about {o}, which has no type in the graph")
    print(f"rdflib {rl.__version__} reads jsonld offline: {len(g)} triples, "
          + ", ".join(f"{n} schema:{t}" for t, n in counts.items()) + f", {docs} documents")


def csv_(exp, folder):
    import csv
    def rows(name):
        with open(f"{folder}/{name}", encoding="utf-8-sig", newline="") as f:
            return list(csv.DictReader(f))
    mentions = rows("mentions.csv")
    if len(mentions) != len(exp.by_type["mention"]):
        fail(f"csv: {len(mentions)} mentions, the store has {len(exp.by_type['mention'])}")
    documents = {r["id"]: r for r in rows("documents.csv")}
    same("csv documents", set(documents), {d["id"] for d in exp.by_type["document"]})
    dated = 0
    for d in exp.by_type["document"]:
        published = d.get("properties", {}).get("published", "")
        if documents[d["id"]]["date"] != published:
            fail(f"csv: {d['id']} is dated {documents[d['id']]['date']!r}, not {published!r}")
        dated += bool(published)
    entities = rows("entities.csv")
    want = sum(len(exp.by_type[t]) for t in GRAPH_TYPES | {"document"})
    if len(entities) != want:
        fail(f"csv: {len(entities)} entities, the store has {want}")
    print(f"python csv reads the folder: {len(entities)} entities, {len(documents)} documents ({dated} dated), "
          f"{len(mentions)} mentions")


def graphviz(exp, dot, svg):
    import re
    import xml.etree.ElementTree as ET
    ns = {"s": "http://www.w3.org/2000/svg"}
    root = ET.parse(svg).getroot()
    nodes = {g.find("s:title", ns).text for g in root.iter("{http://www.w3.org/2000/svg}g") if g.get("class") == "node"}
    edges = [g for g in root.iter("{http://www.w3.org/2000/svg}g") if g.get("class") == "edge"]
    quoted = r'"((?:[^"\\]|\\.)*)"'
    unescape = lambda s: re.sub(r'\\(.)', r'\1', s)
    text = open(dot, encoding="utf-8").read()
    declared = {unescape(m) for m in re.findall(r'^  ' + quoted + r' \[label=', text, re.M)}
    drawn_edges = len(re.findall(r'^  ' + quoted + ' -> ', text, re.M))
    same("graphviz nodes (drawn vs in the dot file)", nodes, declared)
    if not declared <= set(exp.entities):
        fail(f"the dot file draws what the store has not: {sorted(declared - set(exp.entities))[:5]}")
    if len(edges) != drawn_edges:
        fail(f"Graphviz drew {len(edges)} edges of the {drawn_edges} in the dot file")
    if len(exp.entities) <= 200 and declared != set(exp.entities):
        fail("a store of 200 entities or fewer is drawn whole")
    print(f"Graphviz renders the dot file: {len(nodes)} nodes of {len(exp.entities)}, {len(edges)} edges")


def site(exp, folder, partial=""):
    """The html site as a browser walks it: every link and anchor resolves
    (no network), and every page the search index lists is reached from
    index.html by links alone (the search box is not needed to find
    anything). Unless the export is partial (--about, --type), the index
    lists every entity and document of the store. The one link checker of
    the project: html_test runs it on the fixture store, run.sh on the
    examples, scripts/export-consumers.sh on the cable sample."""
    import html.parser
    import os
    import urllib.parse

    class Page(html.parser.HTMLParser):
        def __init__(self):
            super().__init__(convert_charrefs=True)
            self.ids, self.links = set(), []

        def handle_starttag(self, tag, attrs):
            a = dict(attrs)
            if "id" in a:
                self.ids.add(a["id"])
            for key in ("href", "src", "action"):
                if a.get(key) is not None:
                    self.links.append(a[key])

    pages = {}
    for dirpath, _, names in os.walk(folder):
        for n in names:
            if n.endswith(".html"):
                path = os.path.relpath(os.path.join(dirpath, n), folder)
                p = Page()
                p.feed(open(os.path.join(dirpath, n), encoding="utf-8").read())
                pages[path] = p
    if "index.html" not in pages:
        fail("site: no index.html")
    links = anchors = 0
    reached, todo = {"index.html"}, ["index.html"]
    while todo:
        page = todo.pop()
        for link in pages[page].links:
            url = urllib.parse.urlsplit(link)
            if url.scheme or url.netloc or link.startswith("//"):
                fail(f"site: {page} links outside the site: {link}")
            target = os.path.normpath(os.path.join(os.path.dirname(page), urllib.parse.unquote(url.path))) if url.path else page
            if target.startswith(".."):
                fail(f"site: {page} links out of the site folder: {link}")
            if not os.path.exists(os.path.join(folder, target)):
                fail(f"site: {page} links to {link}, which does not exist")
            links += 1
            if url.fragment:
                anchors += 1
                if target not in pages or url.fragment not in pages[target].ids:
                    fail(f"site: {page} links to #{url.fragment} in {target}, which has no such anchor")
            if target in pages and target not in reached:
                reached.add(target)
                todo.append(target)
    text = open(os.path.join(folder, "search-index.js"), encoding="utf-8").read()
    rows = json.loads(text[text.index("["):text.rindex("]") + 1])
    page_of = {r[0]: r[3] for r in rows}
    if partial != "partial":
        want = set(exp.entities) | {d["id"] for d in exp.by_type["document"]}
        same("site: entities and documents in the search index", set(page_of) & want, want)
    unreached = sorted(i for i, page in page_of.items() if page not in reached)
    if unreached:
        fail(f"site: {len(unreached)} pages cannot be reached from index.html by links, e.g. {unreached[:3]}")
    print(f"site: {len(pages)} pages, {links} links ({anchors} to anchors) all resolve; "
          f"{len(reached)} pages reached from index.html, every one of the {len(page_of)} in its search index")


if __name__ == "__main__":
    kind, expected, *files = sys.argv[1:]
    exp = Expected(expected)
    {"networkx": networkx, "igraph": igraph, "rdflib": rdflib, "csv": csv_, "graphviz": graphviz, "site": site}[kind](exp, *files)
