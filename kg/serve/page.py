"""The query page served at ``/``: plain HTML and JavaScript, no external assets.

The page lists the saved queries (``queries/*.rq``) as examples, posts the
textarea to ``/sparql`` and renders the JSON results as a table. It also reads
``?query=…`` (or ``?saved=name``) and ``&run=1`` from its own URL, so a link
— or a headless browser — can open it with a query already run.

>>> saved = {"people": "SELECT ?personName WHERE { ?p ?q ?personName }"}
>>> html = render_page(saved)
>>> html.startswith("<!DOCTYPE html>") and '"people"' in html and "http" not in html.split("<body")[0]
True
>>> "</script><b>" in render_page({"x": "</script><b>"})
False
"""

from __future__ import annotations

import json
from pathlib import Path


def load_saved_queries(directory: str | Path | None) -> dict[str, str]:
    """Name (file stem) → text of every ``*.rq`` file in ``directory``, sorted by name.

    >>> load_saved_queries("/nonexistent")
    {}
    """
    if directory is None:
        return {}
    folder = Path(directory)
    if not folder.is_dir():
        return {}
    return {p.stem: p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.rq"))}


def default_queries_dir() -> Path | None:
    """``queries/`` beside the ``kg`` package (a source checkout), else in the working directory.

    >>> d = default_queries_dir()
    >>> d is None or d.name == "queries"
    True
    """
    here = Path(__file__).resolve().parents[2] / "queries"
    for candidate in (here, Path.cwd() / "queries"):
        if candidate.is_dir():
            return candidate
    return None


_STYLE = """
body { font-family: "DejaVu Sans", "Noto Sans", Arial, sans-serif; margin: 1.5em; color: #222; }
h1 { font-size: 1.3em; margin: 0 0 .6em; }
textarea { width: 100%; height: 14em; font-family: "DejaVu Sans Mono", monospace; font-size: 13px; }
.bar { margin: .5em 0; display: flex; gap: .6em; align-items: center; }
table { border-collapse: collapse; margin-top: .8em; font-size: 13px; }
th, td { border: 1px solid #ccc; padding: 3px 7px; text-align: left; vertical-align: top; }
th { background: #eef; }
tr:nth-child(even) td { background: #fafafa; }
#status { color: #555; }
#status.error { color: #b00; white-space: pre-wrap; }
pre { background: #f6f6f6; padding: .6em; overflow: auto; }
"""

_SCRIPT = r"""
(function () {
  var saved = JSON.parse(document.getElementById('saved-queries').textContent);
  var box = document.getElementById('query');
  var pick = document.getElementById('examples');
  var status = document.getElementById('status');
  var out = document.getElementById('output');
  Object.keys(saved).forEach(function (name) {
    var o = document.createElement('option'); o.value = name; o.textContent = name;
    pick.appendChild(o);
  });
  pick.addEventListener('change', function () {
    if (saved[pick.value] !== undefined) { box.value = saved[pick.value]; }
  });
  function cell(term) {
    var td = document.createElement('td');
    if (!term) { return td; }
    td.textContent = term.value;
    if (term.type === 'uri') { td.className = 'iri'; }
    var info = term['xml:lang'] ? '@' + term['xml:lang'] : (term.datatype || term.type);
    td.title = info;
    return td;
  }
  function table(data) {
    var t = document.createElement('table'); t.id = 'results';
    var head = t.insertRow();
    data.head.vars.forEach(function (v) {
      var th = document.createElement('th'); th.textContent = v; head.appendChild(th);
    });
    data.results.bindings.forEach(function (b) {
      var tr = t.insertRow();
      data.head.vars.forEach(function (v) { tr.appendChild(cell(b[v])); });
    });
    return t;
  }
  function finish(text, isError) {
    status.textContent = text;
    status.className = isError ? 'error' : '';
    document.body.setAttribute('data-state', isError ? 'error' : 'done');
  }
  function run() {
    out.innerHTML = '';
    finish('running…', false);
    document.body.setAttribute('data-state', 'running');
    var started = Date.now();
    fetch('sparql', {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        'Accept': 'application/sparql-results+json, text/turtle;q=0.9'
      },
      body: 'query=' + encodeURIComponent(box.value)
    }).then(function (r) {
      return r.text().then(function (text) {
        var secs = ((Date.now() - started) / 1000).toFixed(2) + ' s';
        if (!r.ok) { finish('Error ' + r.status + ': ' + text, true); return; }
        var type = r.headers.get('Content-Type') || '';
        if (type.indexOf('json') < 0) {
          var pre = document.createElement('pre'); pre.textContent = text; out.appendChild(pre);
          finish('graph result, ' + secs, false); return;
        }
        var data = JSON.parse(text);
        if (data.boolean !== undefined) { finish('ASK: ' + data.boolean + ', ' + secs, false); return; }
        out.appendChild(table(data));
        finish(data.results.bindings.length + ' row(s), ' + secs, false);
      });
    }).catch(function (e) { finish('Request failed: ' + e, true); });
  }
  document.getElementById('run').addEventListener('click', run);
  var params = new URLSearchParams(window.location.search);
  if (params.get('saved') && saved[params.get('saved')] !== undefined) {
    pick.value = params.get('saved'); box.value = saved[params.get('saved')];
  }
  if (params.get('query')) { box.value = params.get('query'); }
  if (params.get('run') === '1' && box.value.trim()) { run(); }
})();
"""

_DEFAULT_QUERY = """SELECT ?g (COUNT(*) AS ?triples)
WHERE { GRAPH ?g { ?s ?p ?o } }
GROUP BY ?g
ORDER BY ?g"""


def _script_safe_json(data: object) -> str:
    """JSON that cannot close the ``<script>`` element it sits in.

    >>> _script_safe_json({"a": "</script>"})
    '{"a": "<\\\\/script>"}'
    """
    return json.dumps(data, ensure_ascii=False).replace("</", "<\\/")


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def render_page(saved: dict[str, str], title: str = "Derek SPARQL") -> str:
    """The whole page, with ``saved`` (name → query) embedded as examples."""
    return f"""<!DOCTYPE html>
<html lang="kk">
<head>
<meta charset="utf-8">
<title>{_escape(title)}</title>
<style>{_STYLE}</style>
</head>
<body data-state="idle">
<h1>{_escape(title)} <small>(read-only)</small></h1>
<div class="bar">
  <label for="examples">Saved queries:</label>
  <select id="examples"><option value="">—</option></select>
  <button id="run" type="button">Run</button>
  <span id="status"></span>
</div>
<textarea id="query" spellcheck="false">{_escape(_DEFAULT_QUERY)}</textarea>
<div id="output"></div>
<script type="application/json" id="saved-queries">{_script_safe_json(saved)}</script>
<script>{_SCRIPT}</script>
</body>
</html>
"""
