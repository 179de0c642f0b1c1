"""Where a quote comes from, on the explorer page in real Chromium, on both stores: each piece
of evidence names its document by title, linked to its source where the document gives one,
and a quoted table row is read with its table's header. Expectations come from the seed
texts (loaders.documents.read_header reads what each says of itself)."""

from __future__ import annotations

import pytest

from loaders.documents import read_header
from tests.browser.conftest import SEEDS, Explorer
from tests.browser.driving import choose

pytestmark = pytest.mark.browser


def test_evidence_names_its_document_by_title_with_a_link_to_its_source(
    explorer: Explorer,
) -> None:
    page = explorer.open()
    choose(page, "#search", "Japan", "country:JPN")
    blocks = page.query_selector_all("#actor-panel .evidence")
    assert blocks
    linked = 0
    for block in blocks:
        doc = block.get_attribute("data-doc")
        header = read_header((SEEDS / doc).read_text(encoding="utf-8"))
        cite = block.query_selector(".source cite")
        assert cite.inner_text() == (header.title or doc)
        link = block.query_selector(".source a")
        if header.source:
            assert link.get_attribute("href") == header.source
            assert link.get_attribute("rel") == "noopener"
            linked += 1
        else:
            assert link is None
    assert linked  # the paper gives its DOI
    explorer.assert_clean()


def test_a_table_rows_evidence_reads_as_the_row_with_its_header(explorer: Explorer) -> None:
    (paper,) = SEEDS.glob("002_*.txt")
    text = paper.read_text(encoding="utf-8")
    assert "S.No\tYear\tEngagement\tClassification\n" in text
    assert "\n18\t2023\tJordan Memorandum of Cooperation (MOC)\tBilateral\n" in text
    page = explorer.open()
    choose(page, "#search", "Jordan", "country:JOR")
    rows = [
        q.inner_text() for q in page.query_selector_all("#actor-panel .evidence blockquote.row")
    ]
    assert "No. 18 · 2023 · Jordan Memorandum of Cooperation (MOC) · Bilateral" in rows
    assert not [r for r in rows if "\t" in r]
    explorer.assert_clean()
