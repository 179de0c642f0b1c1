"""Kizuna's Neo4j Browser guide: the ready queries of `neo4j/queries.cypher` as clickable slides.

Neo4j Browser plays an HTML guide from a URL (`:play http://localhost:8474/guide.html`): each
`<slide>` is a page and each `<pre class="runnable">` is a query that one click puts into the
editor. Browser fetches guides and style sheets cross-origin and only from the hosts in the
server's `browser.remote_content_hostname_whitelist` (by default `guides.neo4j.com, localhost`),
so the guide must be served from `localhost` with a CORS header. `serve` does exactly that for
the `neo4j/` folder, with the standard library only and no network beyond the loopback.

The queries file is the single source: the guide is generated from it
(`python -m api.browser_guide render > neo4j/guide.html`) and a test checks the committed guide
equals the generated one, and runs every query against a real Neo4j.
"""

from __future__ import annotations

import argparse
import html
import sys
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from pydantic import BaseModel, ConfigDict

__all__ = [
    "BROWSER_FILES",
    "DEFAULT_PORT",
    "GuideQuery",
    "guide_html",
    "main",
    "parse_queries",
    "serve",
]

BROWSER_FILES = Path(__file__).resolve().parents[1] / "neo4j"
DEFAULT_PORT = 8474


class GuideQuery(BaseModel):
    """One ready query: its title (the first comment line), what it shows, and its Cypher."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    title: str
    description: str
    cypher: str


def parse_queries(text: str) -> list[GuideQuery]:
    """The queries of a queries file: blocks separated by blank lines, each `// Title` first.

    A block made only of comments (the file's header) is not a query.
    """
    queries: list[GuideQuery] = []
    for block in text.split("\n\n"):
        lines = [line.rstrip() for line in block.strip().splitlines()]
        comments = [line for line in lines if line.lstrip().startswith("//")]
        code = [line for line in lines if not line.lstrip().startswith("//")]
        if not code:
            continue
        if not lines[0].startswith("//"):
            raise ValueError(f"a query must start with a '// Title' line:\n{block.strip()}")
        cypher = "\n".join(code).strip()
        if not cypher.endswith(";"):
            raise ValueError(f"a query must end with a semicolon:\n{cypher}")
        titles = [c.lstrip()[2:].strip() for c in comments]
        queries.append(
            GuideQuery(title=titles[0], description=" ".join(titles[1:]), cypher=cypher[:-1])
        )
    return queries


def _slide(heading: str, lead: str, body: str) -> str:
    return (
        '<slide class="row-fluid">\n'
        '  <div class="col-sm-3">\n'
        f"    <h3>{html.escape(heading)}</h3>\n"
        f'    <p class="lead">{html.escape(lead)}</p>\n'
        "  </div>\n"
        '  <div class="col-sm-9">\n'
        f"{body}"
        "  </div>\n"
        "</slide>\n"
    )


def _runnable(code: str) -> str:
    return (
        "    <figure>\n"
        f'      <pre class="pre-scrollable code runnable">{html.escape(code)}</pre>\n'
        "    </figure>\n"
    )


def guide_html(queries: list[GuideQuery], port: int = DEFAULT_PORT) -> str:
    """The guide: a first slide on style and data layout, then one slide per query."""
    style_url = f"http://localhost:{port}/kizuna.grass"
    intro_body = (
        "    <p>Click a grey block to put it into the editor, then run it (Ctrl+Enter).\n"
        "    First load Kizuna's colours and captions (one colour per actor type):</p>\n"
        + _runnable(f":style {style_url}")
        + "    <p>Actors are <code>:Actor</code> nodes that also carry their type as a label\n"
        "    (<code>:Country</code>, <code>:Agency</code>, ...), with <code>id</code>,\n"
        "    <code>name</code> and <code>aliases</code>. Each relation type is a relationship\n"
        "    type with <code>year</code> (when the text states one) and its evidence in\n"
        "    <code>evidence_docs</code>, <code>evidence_quotes</code>,\n"
        "    <code>evidence_starts</code> and <code>evidence_ends</code>.\n"
        "    <code>(:Document)-[:MENTIONS]-&gt;(:Actor)</code> links each source to what it\n"
        "    names. The next slides are the ready queries.</p>\n"
    )
    slides = [_slide("Kizuna", "Japan's technology diplomacy as a graph.", intro_body)]
    slides += [_slide(q.title, q.description, _runnable(q.cypher)) for q in queries]
    return (
        '<article class="guide">\n'
        '<carousel class="deck container-fluid">\n' + "".join(slides) + "</carousel>\n"
        "</article>\n"
    )


class _GuideHandler(SimpleHTTPRequestHandler):
    """Static files with the CORS header that Neo4j Browser's cross-origin fetch needs."""

    extensions_map = {  # noqa: RUF012 - the base class declares it as a plain class attribute
        **SimpleHTTPRequestHandler.extensions_map,
        ".grass": "text/plain; charset=utf-8",
        ".cypher": "text/plain; charset=utf-8",
        ".html": "text/html; charset=utf-8",
    }

    def end_headers(self) -> None:
        self.send_header("Access-Control-Allow-Origin", "*")
        self.send_header("Cache-Control", "no-cache")
        super().end_headers()

    def do_OPTIONS(self) -> None:
        """The CORS preflight: Browser's fetch sends `pragma` and `cache-control` headers."""
        self.send_response(204)
        self.send_header("Access-Control-Allow-Methods", "GET, HEAD, OPTIONS")
        self.send_header("Access-Control-Allow-Headers", "*")
        self.send_header("Access-Control-Max-Age", "600")
        self.end_headers()


def serve(port: int = DEFAULT_PORT, directory: Path = BROWSER_FILES) -> ThreadingHTTPServer:
    """A server for `directory` on 127.0.0.1:`port` (call `serve_forever()` on it)."""
    handler = partial(_GuideHandler, directory=str(directory))
    return ThreadingHTTPServer(("127.0.0.1", port), handler)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        prog="python -m api.browser_guide",
        description="Serve neo4j/ (guide, style sheet, queries) to Neo4j Browser, or render "
        "the guide from neo4j/queries.cypher.",
    )
    parser.add_argument("command", nargs="?", choices=["serve", "render"], default="serve")
    parser.add_argument("--port", type=int, default=DEFAULT_PORT)
    args = parser.parse_args(argv)
    if not (BROWSER_FILES / "queries.cypher").is_file():
        parser.error(f"{BROWSER_FILES} has no queries.cypher: run this from a Kizuna checkout")
    if args.command == "render":
        queries = parse_queries((BROWSER_FILES / "queries.cypher").read_text(encoding="utf-8"))
        sys.stdout.write(guide_html(queries, args.port))
        return
    server = serve(args.port)
    base = f"http://localhost:{args.port}"
    print(f"Serving {BROWSER_FILES} at {base}/ (Ctrl+C stops). In Neo4j Browser type:")
    print(f"  :play {base}/guide.html")
    print(f"  :style {base}/kizuna.grass")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


if __name__ == "__main__":
    main()
