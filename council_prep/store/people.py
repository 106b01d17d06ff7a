"""The directory of people (with their photos, kept in a table of their own) and each meeting's
participants, in the order of the participants page."""

from council_prep.domain import Participant, Person, Problem, ValidationError
from council_prep.domain.brief import photo_problems
from council_prep.store.links import PHOTO_TABLE
from council_prep.store.tables import RecordTable


class PersonTable(RecordTable[Person]):
    """People; a photo is read and written on its own, so that lists of people never load images."""

    def photo(self, person_id: int) -> bytes | None:
        with self._store.reading():
            row = self._store.conn.execute(f"SELECT image FROM {PHOTO_TABLE} WHERE person_id = ?",
                                           [person_id]).fetchone()
        return row[0] if row else None

    def with_photo(self) -> set[int]:
        """Ids of the people who have a photo."""
        with self._store.reading():
            return {r[0] for r in self._store.conn.execute(f"SELECT person_id FROM {PHOTO_TABLE}")}

    def set_photo(self, person_id: int, image: bytes | None) -> None:
        """Give a person a photo (PNG or JPEG, at most 2 MB), or take it away (None); one step."""
        if image is not None and (found := photo_problems(image)):
            raise ValidationError(found)
        person = self.get(person_id)
        verb = "Remove the photo of" if image is None else "Set the photo of"
        with self._store.transaction(f"{verb} {self.kind.describe(person)}"):
            conn = self._store.conn
            if image is None:
                conn.execute(f"DELETE FROM {PHOTO_TABLE} WHERE person_id = ?", [person_id])
            else:
                conn.execute(f"INSERT INTO {PHOTO_TABLE} (person_id, image) VALUES (?, ?) ON CONFLICT (person_id) "
                             "DO UPDATE SET image = excluded.image WHERE image IS NOT excluded.image",
                             [person_id, image])


class ParticipantTable(RecordTable[Participant]):
    """Participants of a meeting; one added without a position goes after the others."""

    def for_meeting(self, meeting_id: int) -> list[Participant]:
        return self.rows("meeting_id = ?", [meeting_id], order_by="position, id")

    def add(self, record: Participant) -> Participant:
        person = self._store.people.get(record.person_id) if record.person_id is not None else None
        with self._store.transaction(f"Add {person.name} to the participants" if person else "Add participant"):
            if record.position <= 0:
                last = self._store.conn.execute("SELECT max(position) FROM participants WHERE meeting_id = ?",
                                                [record.meeting_id]).fetchone()[0]
                record.position = (last or 0) + 1
            if person is not None and self.count_of(meeting_id=record.meeting_id, person_id=record.person_id):
                raise ValidationError([Problem("person_id", f"{person.name} already takes part in this meeting")])
            return super().add(record)

    def delete(self, record_id: int) -> None:
        participant = self.get(record_id)
        person = self._store.people.get(participant.person_id)  # type: ignore[arg-type]
        with self._store.transaction(f"Remove {person.name} from the participants"):
            super().delete(record_id)

    def reorder(self, meeting_id: int, ordered_ids: list[int]) -> None:
        """Put the meeting's participants in this order (positions 1..n), as one step."""
        if sorted(ordered_ids) != self.ids("meeting_id = ?", [meeting_id]):
            raise ValueError("reorder needs exactly the meeting's participant ids")
        with self._store.transaction("Reorder the participants"):
            for position, participant_id in enumerate(ordered_ids, start=1):
                self._store.conn.execute("UPDATE participants SET position = ? WHERE id = ? AND position != ?",
                                         [position, participant_id, position])
