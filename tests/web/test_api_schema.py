"""schemathesis over the OpenAPI document, on SQLite, signed in as an account with an athlete:
whatever it sends, no answer is a server error, and every answer that the document describes
fits its schema."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance

from builders import EXAMPLES
from runstrong import access_service, account_service, athlete_service, services
from runstrong.profile.loader import load_profile
from runstrong.storage import database
from runstrong.web.app import create_app
from runstrong.web.config import WebConfig
from web_client import NOW, PASSWORD, Clock

EXAMPLES_PER_OPERATION = 25


def test_no_request_makes_a_server_error(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'schema.sqlite3'}"
    config = WebConfig(database_url=url, clock=Clock(NOW))
    app = create_app(config)
    made = account_service.add_user("fuzz@example.org", PASSWORD, config.settings())
    settings_ = config.settings(owner=made.id)
    library = services.open_library(settings_)
    path = EXAMPLES / "sam-5k-beginner.toml"
    athlete_service.add_athlete(
        load_profile(path, library), path.read_text("utf-8"), ".toml", library, settings_,
        handle="sam",
    )  # fmt: skip
    sam = access_service.visible_athletes(made, settings_)[0].public_id
    # Tokens made now: fuzzing the password change counts failed log-ins, and past the limit
    # no token could be issued later (DELETE /tokens/current takes one of its own each time).
    spare = [signed_in_as(settings_) for _ in range(EXAMPLES_PER_OPERATION + 1)]
    headers = spare.pop()
    schema = schemathesis.openapi.from_asgi("/api/openapi.json", app)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) == 35
    # What removes the athlete or revokes the token goes last; revoking takes a token of its own.
    operations.sort(key=lambda op: op.method.upper() == "DELETE")
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(
            max_examples=EXAMPLES_PER_OPERATION, deadline=None, database=None,
            suppress_health_check=list(HealthCheck),
        )  # fmt: skip
        def check(case: Any) -> None:
            ids = case.path_parameters or {}
            if "athlete_id" in ids and len(ids["athlete_id"]) % 2 == 0:
                ids["athlete_id"] = sam  # the athlete that exists, about half the time
            own = case.operation.path.endswith("/current") and spare
            case.call_and_validate(
                headers=spare.pop() if own else headers,
                checks=[not_a_server_error, response_schema_conformance],
            )

        check()
    database.close(url)


def signed_in_as(settings: Any) -> dict[str, str]:
    token = account_service.issue_token("fuzz@example.org", PASSWORD, "local", settings)
    return {"Authorization": f"Bearer {token}"}
