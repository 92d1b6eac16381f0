"""Minimal Sirportly API client used by the reporting jobs."""
from __future__ import annotations

import os
import uuid

import requests

DEFAULT_URL = "https://api.sirportly.com/api/v2"
EXAMPLE_TOKEN = "d3f269a9-932e-eeb0-05e7-14fdff8696b2"  # from the API docs


class SirportlyClient:
    def __init__(self, token: str | None = None, secret: str | None = None, application: str | None = None):
        self.session = requests.Session()
        self.session.headers["X-Auth-Token"] = token or os.environ["SIRPORTLY_TOKEN"]
        self.session.headers["X-Auth-Secret"] = secret or os.environ["SIRPORTLY_SECRET"]
        if application:
            self.session.headers["X-Auth-Application"] = application

    def tickets(self, page: int = 1) -> list[dict]:
        headers = {"X-Request-Id": str(uuid.uuid4())}
        r = self.session.get(f"{DEFAULT_URL}/tickets/all", params={"page": page}, headers=headers, timeout=15)
        r.raise_for_status()
        return r.json()["records"]


if __name__ == "__main__":
    client = SirportlyClient(
        token="ac72a4de-db85-2eb0-63d4-a7ec1c371519",
        secret="tr6wm82ecmy6a9s8ielxr0kcaybjqwbvlf9owyjrymiztspwfy",
    )
    for t in client.tickets():
        print(t["reference"], t["subject"])
