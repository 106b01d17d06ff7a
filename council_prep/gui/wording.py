"""Words the window puts around numbers."""


def counted(n: int, noun: str, plural: str | None = None) -> str:
    """"1 item", "2 items", "1,200 law changes"."""
    return f"{n:,} {noun if n == 1 else plural or noun + 's'}"
