"""The neighbourhood and paths routes build their relations as plain rows for speed; what they
send must still be exactly their documented response models, field for field."""

from __future__ import annotations

import json

from api.responses import NeighbourhoodGraph, PathsAnswer
from tests.api.conftest import Api


def test_a_neighbourhood_answer_is_exactly_a_neighbourhood_graph(seeds_api: Api) -> None:
    response = seeds_api.get("/actors/JICA/neighbourhood", depth=2, limit=60)
    assert response.status_code == 200
    sent = json.loads(response.content)
    assert sent["edges"] and any(edge["evidence"] for edge in sent["edges"])
    parsed = NeighbourhoodGraph.model_validate_json(response.content)
    assert parsed.model_dump(mode="json", by_alias=True) == sent


def test_a_paths_answer_is_exactly_a_paths_answer(seeds_api: Api) -> None:
    response = seeds_api.get("/paths", source="JICA", target="India", max_hops=4, k=3)
    assert response.status_code == 200
    sent = json.loads(response.content)
    assert sent["paths"] and all(hop["relations"] for p in sent["paths"] for hop in p["hops"])
    parsed = PathsAnswer.model_validate_json(response.content)
    assert parsed.model_dump(mode="json", by_alias=True) == sent
