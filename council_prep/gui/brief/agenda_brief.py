"""The brief's fields in the agenda item editor, and the choices they offer from the store."""

from datetime import date

from council_prep.domain import BriefDepth, Meeting, Person, PressStatus, label
from council_prep.gui.brief.brief_fields import AsksField, ContinuesField
from council_prep.gui.brief.people_fields import PeopleField, PersonField
from council_prep.gui.fields import Commit, PointsField, TextField
from council_prep.gui.forms import FieldSpec, RecordForm
from council_prep.store import RecordNotFoundError, Store


def person_text(person: Person) -> str:
    """How a person is offered and shown: name, then title and organization to tell namesakes apart."""
    office = ", ".join(part for part in (person.title, person.organization) if part)
    return f"{person.name} ({office})" if office else person.name


def people_choices(store: Store) -> list[tuple[int, str]]:
    return [(p.id, person_text(p)) for p in sorted(store.people.find(), key=lambda p: p.name.casefold())]


def points(name: str, add: str):
    """A list of points (to make, to avoid) named for what it holds."""
    def make(commit: Commit) -> PointsField:
        field = PointsField(commit)
        field.list.setAccessibleName(name)
        field.list.setMaximumHeight(field.list.fontMetrics().lineSpacing() * 6 + 12)  # a few points, then scroll
        field.add_button.setText(add)
        return field
    return make


def press_line(commit: Commit) -> TextField:
    """One or two sentences for the press: a short box."""
    field = TextField(commit, lines=2)
    field.widget.setMaximumHeight(field.widget.fontMetrics().lineSpacing() * 3 + 12)
    return field


class AgendaBrief:
    """Reads what the brief's fields offer: earlier meetings' items, the people directory."""

    def __init__(self, store: Store):
        self.store = store

    def fields(self) -> list[FieldSpec]:
        return [
            FieldSpec("points_to_make", "Points to make", make=points("Points to make", "Add point to make")),
            FieldSpec("points_to_avoid", "Points to avoid", make=points("Points to avoid", "Add point to avoid")),
            FieldSpec("asks", "Likely asks", make=AsksField),
            FieldSpec("press", "Press", "enum", PressStatus),
            FieldSpec("press_line", "Press line", make=press_line),
            FieldSpec("depth", "Brief depth", "enum", BriefDepth),
            FieldSpec("continues_id", "Continues", make=lambda commit: ContinuesField(commit, self.outcome)),
            FieldSpec("lead_person_id", "Lead person", make=PersonField),
            FieldSpec("speaker_ids", "Speakers", make=PeopleField),
        ]

    def fill(self, form: RecordForm, meeting: Meeting | None) -> None:
        """Offer the people of the directory and the items of meetings held before `meeting`."""
        people = people_choices(self.store)
        form.set_choices("lead_person_id", people)
        form.set_choices("speaker_ids", people)
        form.set_choices("continues_id", self.earlier_items(meeting.session_date if meeting else None))

    def earlier_items(self, before: date | None) -> list[tuple[int, str]]:
        """Items of the meetings held before `before`, the latest meeting first."""
        if before is None:
            return []
        earlier = sorted((m for m in self.store.meetings.find() if m.session_date < before),
                         key=lambda m: m.session_date, reverse=True)
        return [(item.id, f"{meeting.session_date:%Y-%m-%d} · {meeting.title} · {item.title}")
                for meeting in earlier for item in self.store.agenda.for_meeting(meeting.id)]

    def outcome(self, item_id: int) -> str:
        """What came of an earlier item: its status and the commitments made on it."""
        try:
            item = self.store.agenda.get(item_id)
        except RecordNotFoundError:
            return "The earlier item is no longer in the store."
        made = [c for c in self.store.commitments.find() if item_id in c.agenda_item_ids]
        lines = [f"Outcome: {label(item.status)} item, "
                 + (f"{len(made)} commitment{'s' if len(made) != 1 else ''}" if made else "no commitments recorded")]
        lines += [f"• {c.text} ({label(c.status)}" + (f", due {c.due_on:%Y-%m-%d}" if c.due_on else "") + ")"
                  for c in made]
        return "\n".join(lines)
