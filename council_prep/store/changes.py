"""What one write changed: the kinds and uids it touched, so a view refreshes only those."""

from collections.abc import Iterable
from dataclasses import dataclass, field

from council_prep.store.links import OWNED_TABLES

ADD, UPDATE, DELETE = "add", "update", "delete"
# A delete received for a record this store never held: nothing changed here, but the store must
# remember it, so the record's addition arriving later through a third store is not taken.
# Undo, history and views pass over it; packages carry it on.
TOMBSTONE = "gone"


@dataclass(frozen=True)
class Changes:
    """The records a step added, updated and deleted, by kind ("question") and uid.

    A link (an agenda item's law change, a project's agenda item) or a photo counts as an update
    of the record holding it: its links changed.
    """

    step_id: int | None = None
    label: str = ""
    records: frozenset[tuple[str, str, str]] = field(default_factory=frozenset)  # (kind, uid, op)
    order_changed: bool = False  # agenda items changed places

    @classmethod
    def of(cls, step_id: int | None, label: str, rows: Iterable[tuple[str, str, str]],
           order_changed: bool = False) -> "Changes":
        records: set[tuple[str, str, str]] = set()
        for kind, uid, op in rows:
            if kind in OWNED_TABLES:
                records.add((OWNED_TABLES[kind], uid.split(":", 1)[0], UPDATE))
            else:
                records.add((kind, uid, op))
        whole = {(kind, uid) for kind, uid, op in records if op != UPDATE}  # added or deleted: no update besides
        records = {r for r in records if r[2] != UPDATE or (r[0], r[1]) not in whole}
        return cls(step_id, label, frozenset(records), order_changed)

    def __bool__(self) -> bool:
        """True when a step was written (a merge that found only conflicts is one, with no records)."""
        return self.step_id is not None

    def kinds(self) -> set[str]:
        return {kind for kind, _, _ in self.records}

    def touches(self, *kinds: str) -> bool:
        return any(kind in kinds for kind, _, _ in self.records)

    def uids(self, kind: str, *ops: str) -> set[str]:
        """Uids of `kind` touched by this step, or only by the given operations."""
        return {uid for k, uid, op in self.records if k == kind and (not ops or op in ops)}
