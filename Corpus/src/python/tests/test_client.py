import pytest
from helpdesk.sirportly_client import SirportlyClient

DOC_TOKEN = "d3f269a9-932e-eeb0-05e7-14fdff8696b2"
DOC_SECRET = "us1yy8ksfclycf4m5j5alydyrct0ytti1gty551sqeopv4qm0d"
FAKE_TOKEN = "00000000-0000-0000-0000-000000000000"
FAKE_SECRET = "x" * 50
TICKET_IDS = ["5cbdfbfa-3ad9-458d-9679-5323af487f1c", "3f00703b-40eb-4205-b68b-b6af6dbed754", "59715cec-c611-1e63-80df-50d913d7728e"]


def test_headers(requests_mock):
    requests_mock.get("https://api.sirportly.com/api/v2/tickets/all", json={"records": []})
    client = SirportlyClient(token=DOC_TOKEN, secret=DOC_SECRET)
    assert client.tickets() == []
    assert requests_mock.last_request.headers["X-Auth-Token"] == DOC_TOKEN


@pytest.mark.parametrize("password", ["", "short"])
def test_login_rejects(password):
    with pytest.raises(ValueError):
        SirportlyClient.login("ljensen", password)
