"""Agenda items: ordered within a meeting (their links: RecordTable and store/links.py)."""

from collections.abc import Iterable

from council_prep.domain import AgendaItem, Problem, ValidationError
from council_prep.store.tables import RecordTable


class AgendaTable(RecordTable[AgendaItem]):
    """Agenda items keep positions 1..n per meeting, with no gaps, whatever is added or moved."""

    def for_meeting(self, meeting_id: int) -> list[AgendaItem]:
        return self.rows("meeting_id = ?", [meeting_id], order_by="position, id")

    def add(self, record: AgendaItem) -> AgendaItem:
        """Append to the meeting's agenda unless a position is given, then insert there."""
        with self._store.transaction(f"Add agenda item {self.kind.describe(record)}".strip()):
            count = self.count("meeting_id = ?", [record.meeting_id])
            wanted = record.position if 1 <= record.position <= count else count + 1
            record.position = count + 1
            super().add(record)
            if wanted != record.position:
                self.move(record.id, wanted)  # type: ignore[arg-type]
                record.position = wanted
        return record

    def add_many(self, records: Iterable[AgendaItem]) -> int:
        """Each item goes through `add`, which places it in its meeting's order."""
        with self._store.transaction():
            return sum(1 for record in records if self.add(record))

    def delete(self, record_id: int) -> None:
        with self._store.transaction():
            meeting_id = self.get(record_id).meeting_id
            super().delete(record_id)
            self._renumber(meeting_id, [i for i in self._ordered_ids(meeting_id) if i != record_id])

    def move(self, item_id: int, position: int) -> list[int]:
        """Move an item to 1-based `position` in its meeting; returns the new order of ids."""
        item = self.get(item_id)
        with self._store.transaction(f"Move agenda item {self.kind.describe(item)} to {position}"):
            meeting_id = item.meeting_id
            order = [i for i in self._ordered_ids(meeting_id) if i != item_id]
            position = max(1, min(position, len(order) + 1))
            order.insert(position - 1, item_id)
            self._renumber(meeting_id, order)
        return order

    def reorder(self, meeting_id: int, ordered_ids: list[int]) -> None:
        """Set the whole order at once (undo of a move restores an order this way)."""
        with self._store.transaction("Reorder the agenda"):
            if sorted(ordered_ids) != sorted(self._ordered_ids(meeting_id)):
                raise ValueError("reorder needs exactly the meeting's agenda item ids")
            self._renumber(meeting_id, ordered_ids)

    def _check_references(self, record: AgendaItem, known: dict[str, set[str]]) -> None:
        """An item continues an item of an earlier meeting, never one of its own or a later one."""
        super()._check_references(record, known)
        if record.continues_id is None:
            return
        found = self._store.conn.execute(
            "SELECT m.session_date, (SELECT session_date FROM meetings WHERE id = ?) FROM agenda_items i "
            "JOIN meetings m ON m.id = i.meeting_id WHERE i.id = ?",
            [record.meeting_id, record.continues_id]).fetchone()
        if found is None:
            raise ValidationError([Problem("continues_id", "The item it continues is no longer in the store")])
        if found[1] is not None and found[0] >= found[1]:
            raise ValidationError([Problem("continues_id", "An item can only continue an item of an earlier meeting")])

    def _ordered_ids(self, meeting_id: int | None) -> list[int]:
        return self.ids("meeting_id = ?", [meeting_id], order_by="position, id")

    def _renumber(self, meeting_id: int | None, ordered_ids: list[int]) -> None:
        conn = self._store.conn
        for position, item_id in enumerate(ordered_ids, start=1):
            conn.execute(
                "UPDATE agenda_items SET position = ? WHERE id = ? AND meeting_id = ? AND position != ?",
                [position, item_id, meeting_id, position],
            )
