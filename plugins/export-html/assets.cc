// The site's stylesheet and search script: written into every export, so the
// site needs no network. The script reads the index (search-index.js, a JSON
// array) and filters it as the reader types; index.html?q=NAME runs the same
// search on load, so a link can carry a search.
#include "html.h"

namespace dossier::plugins::html {

const char* const kStyle = R"css(:root{--ink:#1d2430;--muted:#5b6575;--line:#dfe3ea;--bg:#f7f8fa;--card:#fff;
--person:#4e79a7;--organization:#f28e2b;--place:#59a14f;--document:#76717b;--accent:#b3261e}
*{box-sizing:border-box}
body{margin:0;font:16px/1.55 Georgia,"Times New Roman",serif;color:var(--ink);background:var(--bg)}
header.bar{display:flex;gap:1rem;align-items:center;padding:.6rem 1.5rem;background:var(--ink);color:#fff;
font-family:system-ui,sans-serif}
header.bar a.home{color:#fff;font-weight:700;text-decoration:none;letter-spacing:.05em}
header.bar form.mini{flex:1;max-width:28rem}
header.bar input{width:100%;padding:.35rem .6rem;border-radius:4px;border:0}
main{max-width:60rem;margin:1.5rem auto;padding:0 1.5rem}
h1{font-size:2rem;margin:.2rem 0}
h2{font:600 1rem system-ui,sans-serif;text-transform:uppercase;letter-spacing:.08em;color:var(--muted);
border-bottom:1px solid var(--line);padding-bottom:.3rem;margin-top:2rem}
a{color:#174ea6}
.id,.meta,.legend,footer,.count{font:13px system-ui,sans-serif;color:var(--muted)}
.badge{font:600 11px system-ui,sans-serif;text-transform:uppercase;letter-spacing:.06em;color:#fff;
padding:.15rem .45rem;border-radius:3px;vertical-align:middle}
.t-person{--c:var(--person)}.t-organization{--c:var(--organization)}.t-place{--c:var(--place)}
.t-document{--c:var(--document)}.badge{background:var(--c,#888)}
table.props{border-collapse:collapse;font:14px system-ui,sans-serif}
table.props th{text-align:left;color:var(--muted);font-weight:500;padding:.2rem 1rem .2rem 0;vertical-align:top}
table.props td{padding:.2rem 0;white-space:pre-wrap}
article.claim,article.finding{background:var(--card);border:1px solid var(--line);border-left:4px solid #aab;
padding:.6rem 1rem;margin:.7rem 0;border-radius:4px}
article.s-confirmed{border-left-color:#2e7d32}article.s-disputed{border-left-color:#ef6c00}
article.s-rejected{border-left-color:var(--accent);opacity:.75}
article.sev-warning{border-left-color:#ef6c00}article.sev-error{border-left-color:var(--accent)}
.stmt{margin:0}.pred{font-family:ui-monospace,monospace;font-size:.9em;background:#eef1f6;padding:0 .3rem;border-radius:3px}
.status,.code{font:600 11px system-ui,sans-serif;text-transform:uppercase;color:var(--muted);margin-left:.4rem}
blockquote{margin:.5rem 0;padding-left:1rem;border-left:3px solid var(--line);font-style:italic;white-space:pre-wrap}
svg.graph{width:100%;height:auto;background:var(--card);border:1px solid var(--line);border-radius:4px}
svg.graph line.rel{stroke:#555}svg.graph line.co{stroke:#bbb;stroke-dasharray:4 3}
svg.graph .node circle{fill:var(--c,#888);stroke:#fff;stroke-width:2}
svg.graph .node text{font:12px system-ui,sans-serif;fill:var(--ink)}
svg.graph .self text{font-weight:700}svg.graph text.edge{font:10px system-ui,sans-serif;fill:var(--muted)}
svg.graph text.none{font:13px system-ui,sans-serif;fill:var(--muted)}
.legend .rel::before{content:"";display:inline-block;width:1.5rem;border-top:2px solid #555;margin-right:.3rem;vertical-align:middle}
.legend .co::before{content:"";display:inline-block;width:1.5rem;border-top:2px dashed #bbb;margin:0 .3rem 0 1rem;vertical-align:middle}
section.text p.para{white-space:pre-wrap;position:relative;margin:.9rem 0}
a.pilcrow{position:absolute;left:-2.6rem;width:2.2rem;text-align:right;color:#b0b6c0;text-decoration:none;font:12px system-ui,sans-serif;top:.2rem}
a.m{background:color-mix(in srgb,var(--c,#888) 18%,white);border-bottom:2px solid var(--c,#888);color:inherit;text-decoration:none;padding:0 .1rem}
a.m:target,span.anchor:target+*{outline:2px solid var(--accent)}
p.para:target{background:#fff8d6}
span.anchor:target::after{content:"▶";color:var(--accent);font-size:.8em}
ul.results,ul.top,ul.mentions,ul.aliases,ul.sourced{list-style:none;padding:0}
ul.results li,ul.top li,ul.mentions li{padding:.35rem 0;border-bottom:1px solid var(--line)}
.snippet{font-size:.9em;color:var(--muted)}
input#q{width:100%;font-size:1.2rem;padding:.6rem .8rem;border:1px solid #b9c0cc;border-radius:6px}
.cols{display:grid;grid-template-columns:repeat(auto-fit,minmax(16rem,1fr));gap:1.5rem}
footer{max-width:60rem;margin:3rem auto 2rem;padding:0 1.5rem}
.t-story{--c:#8e6c8a}
nav.browse{display:flex;flex-wrap:wrap;gap:.5rem;margin:1rem 0;font:14px system-ui,sans-serif}
nav.browse a{background:var(--card);border:1px solid var(--line);border-radius:4px;padding:.3rem .7rem;text-decoration:none}
nav.pager{font:14px system-ui,sans-serif;margin:.8rem 0}
nav.pager a,nav.pager span{padding:.1rem .35rem}nav.pager .here{font-weight:700;background:var(--line);border-radius:3px}
nav.pager .gap{color:var(--muted)}
p.all{font:14px system-ui,sans-serif;margin:.3rem 0}
.cited{font:600 11px system-ui,sans-serif;text-transform:uppercase;color:#fff;background:var(--document);padding:.1rem .4rem;border-radius:3px}
ul.plain{list-style:none;margin:0;padding:0}
table.records{border-collapse:collapse;margin:.1rem 0}
table.records th{font-weight:500;color:var(--muted);text-align:left;padding:0 1rem 0 0;border-bottom:1px solid var(--line)}
table.records td{padding:0 1rem 0 0}
table.props.inner{margin:.1rem 0}table.props td table.props.inner th{padding-right:.6rem}
)css";

const char* const kSearchScript = R"js((function () {
  "use strict";
  var index = window.DOSSIER_INDEX || [];
  function fold(s) { return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase(); }
  var folded = index.map(function (r) { return fold(r[1] + " | " + r[4]); });
  var box = document.getElementById("q");
  var list = document.getElementById("results");
  var count = document.getElementById("count");
  function search() {
    var words = fold(box.value).split(/\s+/).filter(Boolean);
    list.textContent = "";
    if (!words.length) { count.textContent = ""; return; }
    var hits = [];
    for (var i = 0; i < index.length; i++) {
      var ok = true;
      for (var w = 0; w < words.length && ok; w++) ok = folded[i].indexOf(words[w]) >= 0;
      if (ok) hits.push(i);
    }
    var whole = fold(box.value.trim());
    hits.sort(function (a, b) {
      var ea = fold(index[a][1]) === whole ? 0 : 1, eb = fold(index[b][1]) === whole ? 0 : 1;
      return ea - eb || (index[a][2] === "document") - (index[b][2] === "document") || a - b;
    });
    count.textContent = hits.length + (hits.length === 1 ? " match" : " matches") + (hits.length > 100 ? ", the first 100 shown" : "");
    hits.slice(0, 100).forEach(function (i) {
      var r = index[i];
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = r[3];
      a.textContent = r[1];
      var badge = document.createElement("span");
      badge.className = "badge t-" + r[2];
      badge.textContent = r[2];
      li.appendChild(a);
      li.appendChild(document.createTextNode(" "));
      li.appendChild(badge);
      if (r[4]) {
        var aka = document.createElement("div");
        aka.className = "snippet";
        aka.textContent = "also " + r[4];
        li.appendChild(aka);
      }
      list.appendChild(li);
    });
  }
  box.addEventListener("input", search);
  var q = new URLSearchParams(window.location.search).get("q");
  if (q) box.value = q;
  search();
})();
)js";

}  // namespace dossier::plugins::html
