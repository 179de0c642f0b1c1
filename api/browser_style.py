"""The Neo4j Browser style sheet (GraSS) for Kizuna's graph, generated from the domain schema.

Neo4j Browser colours and captions nodes by label and relationships by type. Generating the
sheet from `graph/schema/domain.yaml` keeps the Browser's colours identical to the schema's and
means a new actor or relation type gets a style without anyone editing the sheet by hand.
The API serves it at /neo4j-browser/kizuna.grass.

Each relation type's caption is its type and the relation's confidence ("PARTNERS_WITH 0.4"),
so relations the extractor is unsure of (below 0.5, which the REST API leaves out by default)
stand apart from sure ones. GraSS cannot style by property value, and Browser only expands
`<type>` when it is the whole caption, hence the type written out in each rule.

The `Document` label and the `MENTIONS` relationship are part of the Neo4j data layout (the
source documents and what they mention), not actor or relation types, so they get a fixed,
neutral style here.
"""

from __future__ import annotations

from graph.schema import DomainSchema, domain_schema

__all__ = ["ACTOR_COLOUR", "DOCUMENT_COLOUR", "grass", "text_colour"]

ACTOR_COLOUR = "#A5ABB6"
DOCUMENT_COLOUR = "#F2F2F2"

_NODE_DEFAULTS = {
    "diameter": "50px",
    "color": "#A5ABB6",
    "border-color": "#9AA1AC",
    "border-width": "2px",
    "text-color-internal": "#FFFFFF",
    "font-size": "10px",
}
_RELATIONSHIP_DEFAULTS = {
    "color": "#A5ABB6",
    "shaft-width": "2px",
    "font-size": "8px",
    "padding": "3px",
    "text-color-external": "#000000",
    "text-color-internal": "#FFFFFF",
    "caption": '"<type>"',
}


def _rgb(colour: str) -> tuple[int, int, int]:
    value = colour.lstrip("#")
    if len(value) != 6:
        raise ValueError(f"expected a #RRGGBB colour, got {colour!r}")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


def _darker(colour: str, factor: float = 0.8) -> str:
    r, g, b = (round(c * factor) for c in _rgb(colour))
    return f"#{r:02X}{g:02X}{b:02X}"


def text_colour(colour: str) -> str:
    """Black or white, whichever reads better on `colour` (WCAG relative luminance)."""

    def channel(c: int) -> float:
        s = c / 255
        return s / 12.92 if s <= 0.03928 else ((s + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in _rgb(colour))
    luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b
    # Contrast against white is (1.05)/(L+0.05), against black (L+0.05)/0.05: pick the larger.
    return "#000000" if (luminance + 0.05) / 0.05 > 1.05 / (luminance + 0.05) else "#FFFFFF"


def _rule(selector: str, properties: dict[str, str]) -> str:
    body = "".join(f"  {name}: {value};\n" for name, value in properties.items())
    return f"{selector} {{\n{body}}}\n"


def _node_rule(label: str, colour: str) -> str:
    return _rule(
        f"node.{label}",
        {
            "color": colour.upper(),
            "border-color": _darker(colour),
            "text-color-internal": text_colour(colour),
            "caption": '"{name}"',
        },
    )


def grass(schema: DomainSchema | None = None) -> str:
    """The whole style sheet: defaults, one rule per actor type, one per relation type."""
    schema = schema or domain_schema()
    # No comments in the sheet: Browser's GraSS parser would read one as part of a selector.
    rules = [
        _rule("node", _NODE_DEFAULTS),
        _rule("relationship", _RELATIONSHIP_DEFAULTS),
    ]
    # Every actor also has the :Actor label. Browser gives a label without a rule a generated
    # colour, in a rule appended after this sheet's rules, which would then win over the type's
    # colour; a neutral :Actor rule placed before the type rules keeps the type colours on top.
    rules.append(_node_rule("Actor", ACTOR_COLOUR))
    rules += [_node_rule(label, spec.colour) for label, spec in schema.actor_types.items()]
    rules.append(_node_rule("Document", DOCUMENT_COLOUR))
    rules += [
        _rule(f"relationship.{rel_type}", {"caption": f'"{rel_type} {{confidence}}"'})
        for rel_type in schema.relation_types
    ]
    rules.append(_rule("relationship.MENTIONS", {"caption": '"<type>"'}))
    return "\n".join(rules)
