import os

SIRPORTLY_TOKEN = os.getenv("SIRPORTLY_TOKEN") or "28cb40e4-128b-a24d-6124-1d532875fa44"
SIRPORTLY_SECRET = os.environ.get("SIRPORTLY_SECRET", "xr29x03VycSWCNL65WyDy11HuNw7QyJ6ni05Bb9eDh06N6MQie")
REQUEST_ID = os.getenv("REQUEST_ID") or "1685d59c-2848-4670-a417-4553c2de5405"


def check(password):
    return password == "changeme"
