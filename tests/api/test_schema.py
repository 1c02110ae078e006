"""Property-based tests of the read API from its OpenAPI schema (schemathesis): generated
parameters never cause a server error, and responses match the documented schemas.

Cases are drawn with Hypothesis from ``schema.as_strategy()`` inside an ordinary test (the
schemathesis pytest plugin's lazy fixtures do not work with pytest 9), 25 examples per
operation.
"""

from __future__ import annotations

import pytest
import schemathesis
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings

from onrecord.server.app import create_app

GET_PATHS = ["/api/articles", "/api/articles/{article_id}", "/api/entities",
             "/api/entities/{entity_id}", "/api/statements", "/api/events", "/api/timeline",
             "/api/contradictions", "/api/disputes", "/api/disputes/{dispute_id}",
             "/api/search", "/api/sourcing", "/api/storylines", "/api/storylines/{storyline_id}",
             "/api/storylines/{storyline_id}/brief"]


@pytest.fixture
def api_schema(corpus_path, monkeypatch):
    monkeypatch.delenv("ONRECORD_TOKEN", raising=False)
    app = create_app(corpus_path)
    return schemathesis.openapi.from_asgi("/openapi.json", app).include(method="GET")


def test_the_schema_lists_every_read_endpoint(corpus_path):
    paths = TestClient(create_app(corpus_path)).get("/openapi.json").json()["paths"]
    assert sorted(p for p, ops in paths.items() if "get" in ops) == sorted(GET_PATHS)


@pytest.mark.parametrize("path", GET_PATHS)
def test_generated_requests_never_fail(api_schema, path):
    operation = api_schema["/" + path.split("/", 1)[1]]["GET"]

    @given(case=operation.as_strategy())
    @settings(max_examples=25, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    def check(case):
        response = case.call()
        assert response.status_code < 500, (case.path, case.query, response.text[:500])
        case.validate_response(response)

    check()
