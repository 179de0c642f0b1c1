"""A small hand-written graph with real evidence offsets, used by the store contract suite.

Its sentences are written here, and every relation points at the sentence that states it, so
the expected answers below can be checked by reading this file.
"""

from __future__ import annotations

from graph.model import Actor, Document, Evidence, Graph, Relation

SENTENCES: list[tuple[str, str, str, str, int | None]] = [
    # (sentence, source, relation type, target, year)
    (
        "Japan and Denmark signed a Memorandum of Cooperation in 2021.",
        "country:JPN",
        "SIGNED_MOC",
        "country:DNK",
        2021,
    ),
    (
        "Japan and Saudi Arabia signed an MOC in 2023.",
        "country:JPN",
        "SIGNED_MOC",
        "country:SAU",
        2023,
    ),
    ("Japan and Ukraine signed an MOC in 2023.", "country:JPN", "SIGNED_MOC", "country:UKR", 2023),
    (
        "Japan launched a Digital Partnership with the EU in 2022.",
        "country:JPN",
        "PARTNERS_WITH",
        "org:eu",
        2022,
    ),
    (
        "Japan works closely with the European Union.",
        "country:JPN",
        "PARTNERS_WITH",
        "org:eu",
        None,
    ),
    (
        "JICA funds the Mumbai-Ahmedabad High-Speed Rail.",
        "agency:jica",
        "FUNDS",
        "project:mahsr",
        None,
    ),
    (
        "The Mumbai-Ahmedabad High-Speed Rail is in India.",
        "project:mahsr",
        "LOCATED_IN",
        "country:IND",
        None,
    ),
    (
        "JIC implements the Mumbai-Ahmedabad High-Speed Rail.",
        "agency:jic",
        "IMPLEMENTS",
        "project:mahsr",
        None,
    ),
    ("JICA is an agency of Japan.", "agency:jica", "PART_OF", "country:JPN", None),
    ("Japan and India hold a summit.", "country:JPN", "PARTNERS_WITH", "country:IND", None),
    (
        "The University of Tōkyō partners with Toyota since 2019.",
        "university:university-of-tokyo",
        "PARTNERS_WITH",
        "company:toyota",
        2019,
    ),
    ("India is a member of the G20.", "country:IND", "MEMBER_OF", "org:g20", None),
    ("Japan is a member of the G20.", "country:JPN", "MEMBER_OF", "org:g20", None),
]

ACTORS = [
    Actor(
        id="country:JPN",
        name="Japan",
        type="Country",
        aliases=["JP", "Tōkyō"],
        identifiers={"iso3166": "JPN", "wikidata": "Q17"},
    ),
    Actor(id="country:DNK", name="Denmark", type="Country", identifiers={"iso3166": "DNK"}),
    Actor(id="country:SAU", name="Saudi Arabia", type="Country", identifiers={"iso3166": "SAU"}),
    Actor(id="country:UKR", name="Ukraine", type="Country", identifiers={"iso3166": "UKR"}),
    Actor(id="country:IND", name="India", type="Country", identifiers={"iso3166": "IND"}),
    Actor(id="org:eu", name="European Union", type="Organization", aliases=["EU"]),
    Actor(id="org:g20", name="G20", type="Organization", aliases=["Group of Twenty"]),
    Actor(
        id="agency:jica",
        name="Japan International Cooperation Agency",
        type="Agency",
        aliases=["JICA"],
    ),
    Actor(
        id="agency:jic",
        name="Japan International Consultants for Transportation",
        type="Agency",
        aliases=["JIC"],
    ),
    Actor(id="project:mahsr", name="Mumbai-Ahmedabad High-Speed Rail", type="Project"),
    Actor(
        id="university:university-of-tokyo",
        name="University of Tōkyō",
        type="University",
        aliases=["University of Tokyo"],
    ),
    Actor(id="company:toyota", name="Toyota Motor Corporation", type="Company", aliases=["Toyota"]),
    Actor(
        id="org:asean",
        name="ASEAN",
        type="Organization",
        aliases=["Association of Southeast Asian Nations"],
    ),
]

DOC = "contract.txt"
DOC_TITLE = "Japan's partners, one sentence each"
DOC_SOURCE = "https://example.org/kizuna/contract"
"""The sample document's title and source address (the test's own, as a `title:` and a
`source:` header line would give them)."""


def sample_text() -> str:
    return " ".join(s for s, *_ in SENTENCES) + "\n"


def sample_graph() -> Graph:
    """The graph, with evidence offsets computed from `sample_text()`."""
    text = sample_text()
    merged: dict[tuple[str, str, str, int | None], Relation] = {}
    for sentence, source, rel_type, target, year in SENTENCES:
        start = text.index(sentence)
        evidence = Evidence(doc=DOC, quote=sentence, start=start, end=start + len(sentence))
        key = (source, rel_type, target, year)
        if key in merged:
            merged[key].evidence.append(evidence)
        else:
            merged[key] = Relation(
                source=source, target=target, type=rel_type, year=year, evidence=[evidence]
            )
    mentioned = {a for key in merged for a in (key[0], key[2])}
    actors = [
        a.model_copy(update={"documents": [DOC] if a.id in mentioned else []}) for a in ACTORS
    ]
    document = Document(
        name=DOC,
        sha256="0" * 64,
        chars=len(text),
        words=len(text.split()),
        title=DOC_TITLE,
        source=DOC_SOURCE,
        date="2024-03",
        text=text,
    )
    return Graph(actors=actors, relations=list(merged.values()), documents=[document])
