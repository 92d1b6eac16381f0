class HelpdeskClient:
    password: Incomplete
    LONG_PASSWORD: int
    def login(self, user: str, password: str | None = None) -> None: ...
