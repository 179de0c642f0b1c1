"""The /docs page works with no internet: Swagger UI comes from the app itself and renders
every endpoint, and the OpenAPI document gives an example for each one."""

from __future__ import annotations

import re

from playwright.sync_api import Browser

from tests.api.conftest import Api

ENDPOINTS = [
    "/health",
    "/stats",
    "/actors",
    "/actors/{actor_id}",
    "/actors/{actor_id}/neighbourhood",
    "/paths",
    "/documents",
    "/documents/{document_id}",
    "/analytics/centrality",
    "/analytics/communities",
]


def test_docs_page_loads_swagger_ui_from_the_app_not_a_cdn(api: Api) -> None:
    page = api.get("/docs")
    assert page.status_code == 200
    assets = re.findall(r'(?:src|href)="([^"]+)"', page.text)
    assert "/static/swagger-ui/swagger-ui-bundle.js" in assets
    assert "/static/swagger-ui/swagger-ui.css" in assets
    assert not [a for a in assets if a.startswith(("http://", "https://", "//"))]
    script = api.get("/static/swagger-ui/swagger-ui-bundle.js")
    assert script.status_code == 200
    assert "javascript" in script.headers["content-type"]
    assert "SwaggerUIBundle" in script.text
    style = api.get("/static/swagger-ui/swagger-ui.css")
    assert style.status_code == 200 and style.headers["content-type"].startswith("text/css")


def test_openapi_lists_every_endpoint_with_an_example(api: Api) -> None:
    spec = api.get("/openapi.json").json()
    assert sorted(spec["paths"]) == sorted(ENDPOINTS)
    schemas = spec["components"]["schemas"]
    for path in ENDPOINTS:
        operation = spec["paths"][path]["get"]
        ref = operation["responses"]["200"]["content"]["application/json"]["schema"]["$ref"]
        name = ref.rsplit("/", 1)[-1]
        assert schemas[name].get("examples"), f"{path}: {name} has no example"
        for parameter in operation.get("parameters", []):
            if parameter["required"]:
                assert parameter.get("examples"), f"{path}: {parameter['name']} has no example"
        for status in ("404", "422", "503"):
            if status in operation["responses"]:
                error_ref = operation["responses"][status]["content"]["application/json"]
                assert error_ref["schema"]["$ref"].endswith("/ErrorResponse")


def test_headless_chromium_renders_every_endpoint_on_the_docs_page(
    api: Api, chromium: Browser
) -> None:
    page = chromium.new_page()
    try:
        page.goto(f"{api.url}/docs")
        page.wait_for_selector(".swagger-ui .opblock", timeout=60_000)
        assert "Kizuna" in page.inner_text(".swagger-ui .info")
        shown = page.eval_on_selector_all(
            ".opblock-summary-path", "paths => paths.map(p => p.dataset.path)"
        )
        assert sorted(shown) == sorted(ENDPOINTS)
    finally:
        page.close()
