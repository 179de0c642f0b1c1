"""Kizuna's Neo4j Browser guide: the ready queries of `api/browser/queries.cypher` as slides.

Neo4j Browser plays an HTML guide from a URL (`:play http://localhost:8000/neo4j-browser/
guide.html`): each `<slide>` is a page and each `<pre class="runnable">` is a query that one
click puts into the editor. The API serves the guide and the style sheet (api/routes/
neo4j_browser.py), generated on request, so the queries file shipped inside the package is
the single source; a test runs every query against a real Neo4j.
"""

from __future__ import annotations

import html
from importlib import resources

from pydantic import BaseModel, ConfigDict

__all__ = [
    "GuideQuery",
    "guide_html",
    "parameter_command",
    "parse_queries",
    "queries_text",
    "ready_queries",
]


class GuideQuery(BaseModel):
    """One ready query: its title (the first comment line), what it shows, and its Cypher."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    title: str
    description: str
    cypher: str


def queries_text() -> str:
    """The queries file as shipped in the installed package."""
    return resources.files("api").joinpath("browser/queries.cypher").read_text(encoding="utf-8")


def ready_queries() -> list[GuideQuery]:
    """Kizuna's ready queries, in the order of the queries file."""
    return parse_queries(queries_text())


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


def parameter_command(min_confidence: float) -> str:
    """The Browser command that sets the confidence floor every ready query reads."""
    return f":param min_confidence => {min_confidence!r}"


def guide_html(queries: list[GuideQuery], style_url: str, min_confidence: float) -> str:
    """The guide: a first slide on style, the confidence floor and the data layout, then one
    slide per query."""
    intro_body = (
        "    <p>Click a grey block to put it into the editor, then run it (Ctrl+Enter).\n"
        "    First load Kizuna's colours and captions (one colour per actor type):</p>\n"
        + _runnable(f":style {style_url}")
        + "    <p>Then set the confidence floor, the one the REST API answers with: every\n"
        "    query leaves out the relations the extractor is less sure of.</p>\n"
        + _runnable(parameter_command(min_confidence))
        + "    <p>Actors are <code>:Actor</code> nodes that also carry their type as a label\n"
        "    (<code>:Country</code>, <code>:Agency</code>, ...), with <code>id</code>,\n"
        "    <code>name</code> and <code>aliases</code>. Each relation type is a relationship\n"
        "    type with <code>year</code> (when the text states one) and its evidence in\n"
        "    <code>evidence_docs</code>, <code>evidence_quotes</code>,\n"
        "    <code>evidence_starts</code> and <code>evidence_ends</code>; <code>curated</code>\n"
        "    is true for facts from the curation file. A relationship's caption is its type and\n"
        f"    its <code>confidence</code>: below {min_confidence!r} the extractor is unsure, and\n"
        "    the REST API leaves it out unless asked.\n"
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
