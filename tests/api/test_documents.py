"""GET /documents/{id}: evidence read in its paragraph, from either store, over real HTTP."""

from __future__ import annotations

from pathlib import Path

from graph.model import Graph
from tests.api.conftest import Api

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def test_a_quoted_sentence_comes_back_marked_inside_its_paragraph(
    seeds_api: Api, seeds_graph: Graph
) -> None:
    relation = next(r for r in seeds_graph.relations if r.evidence and r.type == "SIGNED_MOC")
    evidence = relation.evidence[0]
    text = (SEEDS / evidence.doc).read_text(encoding="utf-8")
    answer = seeds_api.get(
        f"/documents/{evidence.doc}", start=evidence.start, end=evidence.end, context=300
    ).json()
    assert answer["span"] == evidence.quote == text[evidence.start : evidence.end]
    assert (
        answer["before"] + answer["span"] + answer["after"]
        == text[answer["window_start"] : answer["window_end"]]
    )
    assert "\n\n" not in answer["before"] and "\n\n" not in answer["after"]
    assert evidence.start - answer["window_start"] <= 300
    assert answer["chars"] == len(text)


def test_an_unknown_document_answers_404_saying_what_to_use(seeds_api: Api) -> None:
    response = seeds_api.get("/documents/no-such-report.txt", start=0, end=10)
    assert response.status_code == 404
    body = response.json()
    assert body["error"] == "DocumentNotFound"
    assert "no-such-report.txt" in body["message"] and "evidence" in body["message"]


def test_a_span_past_the_end_or_backwards_answers_422(seeds_api: Api, seeds_graph: Graph) -> None:
    doc = seeds_graph.documents[0]
    past = seeds_api.get(f"/documents/{doc.name}", start=10, end=doc.chars + 5)
    assert past.status_code == 422
    assert str(doc.chars) in past.json()["message"]
    backwards = seeds_api.get(f"/documents/{doc.name}", start=50, end=10)
    assert backwards.status_code == 422
    assert "swap" in backwards.json()["message"]
    negative = seeds_api.get(f"/documents/{doc.name}", start=-1)
    assert negative.status_code == 422
