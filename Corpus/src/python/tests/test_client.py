import pytest
from helpdesk.sirportly_client import SirportlyClient

DOC_TOKEN = "d3f269a9-932e-eeb0-05e7-14fdff8696b2"
DOC_SECRET = "us1yy8ksfclycf4m5j5alydyrct0ytti1gty551sqeopv4qm0d"
FAKE_TOKEN = "00000000-0000-0000-0000-000000000000"
FAKE_SECRET = "x" * 50
TICKET_IDS = ["193e5956-8927-4937-9b51-50ffe5fe240d", "e42a42bb-ef9a-4c87-b10f-0a38128e384c", "78265b27-dd74-1aef-b96f-4725eee14db2"]


def test_headers(requests_mock):
    requests_mock.get("https://api.sirportly.com/api/v2/tickets/all", json={"records": []})
    client = SirportlyClient(token=DOC_TOKEN, secret=DOC_SECRET)
    assert client.tickets() == []
    assert requests_mock.last_request.headers["X-Auth-Token"] == DOC_TOKEN


@pytest.mark.parametrize("password", ["", "short"])
def test_login_rejects(password):
    with pytest.raises(ValueError):
        SirportlyClient.login("ljensen", password)
