"""The rule that keeps duplicate links from going round in a loop, in one place for every way a
link is made (marking one question a duplicate of another, importing a file's Duplicate of column).

A loop would leave its questions out of the book: none of them is the original.
"""

from collections.abc import Callable, Container, Hashable
from dataclasses import dataclass
from typing import Generic, TypeVar

K = TypeVar("K", bound=Hashable)


@dataclass(frozen=True)
class Chain(Generic[K]):
    """Where following duplicate links from one question leads."""

    path: list[K]  # the questions walked, the start first
    loop: list[K]  # the questions of a loop the walk ran into, or [] when the chain ends

    @property
    def original(self) -> K | None:
        """The question the chain ends at (its root), or None when it runs into a loop."""
        return None if self.loop or not self.path else self.path[-1]


def follow(start: K, original_of: Callable[[K], K | None], known_to_end: Container[K] = ()) -> Chain[K]:
    """Follow `original_of` from `start` until a question that is no duplicate, one in
    `known_to_end` (its chain was followed before), or one seen already (a loop)."""
    seen: dict[K, int] = {}
    node: K | None = start
    while node is not None and node not in known_to_end and node not in seen:
        seen[node] = len(seen)
        node = original_of(node)
    path = list(seen)
    loop = path[seen[node]:] if node is not None and node in seen else []
    return Chain(path, loop)

