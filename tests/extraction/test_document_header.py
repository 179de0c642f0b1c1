"""What a document says of itself: its title, source address and date (loaders.documents).

Each expectation is read from the document text the test gives, or from the seed file it
names; the built graph's documents carry what their texts say.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.model import Graph
from loaders.documents import DocumentHeader, read_header

SEEDS = Path(__file__).resolve().parents[2] / "seeds"

PRESS_RELEASE = """\
source: https://www.jica.go.jp/english/news/press/2018/190314_01.html
title: Signing of Record of Discussions with Viet Nam

March 14, 2019

Signing of Record of Discussions with Viet Nam

On March 8, JICA signed a Record of Discussions with Viet Nam.
"""


def test_header_lines_give_the_title_source_and_the_dateline_the_date() -> None:
    assert read_header(PRESS_RELEASE) == DocumentHeader(
        title="Signing of Record of Discussions with Viet Nam",
        source="https://www.jica.go.jp/english/news/press/2018/190314_01.html",
        date="2019-03-14",
    )


def test_a_date_header_is_read_at_the_precision_it_is_written() -> None:
    text = "title: A council\nurl: https://example.org/council\ndate: July 2023\n\nBody."
    assert read_header(text) == DocumentHeader(
        title="A council", source="https://example.org/council", date="2023-07"
    )


def test_a_repeated_header_line_is_a_header_line_and_the_first_one_counts() -> None:
    """Every header line is left out of the body the title and date are looked for in, the
    repeated one too: the heading after them stays the title, and no header is one."""
    text = (
        "source: https://example.org/a\nsource: https://example.org/b\n"
        "title: From the header\n\nThe Heading\n\nBody text, March 2021.\n"
    )
    assert read_header(text).source == "https://example.org/a"
    untitled = "source: https://example.org/a\nsource: https://example.org/b\n\nA Heading\n"
    assert read_header(untitled).title == "A Heading"


def test_without_header_lines_the_first_heading_is_the_title() -> None:
    text = "Japan's Digital Partnerships\n\nJapan signed an MOC with Denmark in 2021.\n"
    assert read_header(text).title == "Japan's Digital Partnerships"
    markdown = "CENTER FOR\nSTUDIES\n\nWORKING PAPER\n\n# **A critical link**\n\nBody text.\n"
    assert read_header(markdown).title == "A critical link"


def test_a_first_paragraph_that_is_prose_is_no_title() -> None:
    wrapped = "The problem of soft power in international relations and its role in\nJapanese foreign policy is studied here.\n\nMore.\n"
    assert read_header(wrapped).title is None
    sentence = "Japan signed an MOC with Denmark.\n\nMore.\n"
    assert read_header(sentence).title is None


def test_a_pages_label_before_its_title_is_dropped_when_the_title_follows() -> None:
    text = "Now Reading: Japan's AI Strategy\n\nLoading\n\nJapan's AI Strategy\n\nBody.\n"
    assert read_header(text).title == "Japan's AI Strategy"
    kept = "Ministerial Declaration: The G7 Meeting\n\nBody of the declaration.\n"
    assert read_header(kept).title == "Ministerial Declaration: The G7 Meeting"


def test_a_papers_doi_is_its_source_and_its_publication_line_its_date() -> None:
    text = "A PAPER ON DIPLOMACY\n\nDOI: 10.24193/subbeuropaea.2024.2.02\n\nPublished Online: 2024-12-30\n\nAbstract\n"
    header = read_header(text)
    assert header.source == "https://doi.org/10.24193/subbeuropaea.2024.2.02"
    assert header.date == "2024-12-30"


@pytest.mark.parametrize(
    ("seed", "title"),
    [
        ("000_", "THE RISING SUN IN THE DIGITAL ERA: JAPAN'S TECH DIPLOMACY"),
        ("001_", "Japan’s Tech: Forging International Collaborations"),
        ("002_", "Japan's Technology Diplomacy: A critical link for Free and Open Indo-Pacific"),
        ("004_", "Japan’s AI Strategy Between Sovereignty and Global Competition"),
    ],
)
def test_the_seeds_get_the_titles_their_texts_give(seed: str, title: str) -> None:
    (path,) = SEEDS.glob(f"{seed}*.txt")
    text = path.read_text(encoding="utf-8")
    assert title in text  # the title as the seed writes it
    assert read_header(text).title == title


def test_the_built_seed_documents_carry_what_their_texts_say(seed_graph: Graph) -> None:
    documents = {d.name: d for d in seed_graph.documents}
    assert documents
    for name, document in documents.items():
        header = read_header((SEEDS / name).read_text(encoding="utf-8"))
        assert (document.title, document.source, document.date) == (
            header.title,
            header.source,
            header.date,
        )
    (paper,) = [d for n, d in documents.items() if n.startswith("000_")]
    assert paper.source == "https://doi.org/10.24193/subbeuropaea.2024.2.02"
    assert paper.date == "2024-12-30"
