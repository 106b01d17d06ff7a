"""What changed in a meeting since its last book: read from the change log, folded to net changes.

An edit undone later, or a record added and deleted again, is no change. The public edition sees
only changes to fields its readers may see (the field registry's sensitivity).
"""

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from council_prep.book.model import Profile
from council_prep.domain import Meeting, Question, QuestionStatus, label
from council_prep.domain.enums import LawChangeStatus
from council_prep.domain.fields import Sensitivity, fields_of, label_of
from council_prep.store import Store
from council_prep.store.changelog import BOOKKEEPING
from council_prep.store.history import Change

BOOK_FORMATS = ("docx", "pdf")
_UNSEEN = {"id", "position", "meeting_id", "law_change_ids", "submission_ids", "confidential", "duplicate_of"}


@dataclass(frozen=True)
class Reworded:
    title: str
    fields: list[str]  # labels of the fields that changed


@dataclass
class ChangesSince:
    """The net changes of one meeting's records since a book was exported."""

    since: datetime
    file_name: str
    items_added: list[str] = field(default_factory=list)
    items_removed: list[str] = field(default_factory=list)
    items_moved: list[tuple[str, int, int]] = field(default_factory=list)  # title, from, to
    items_reworded: list[Reworded] = field(default_factory=list)
    law_changes_new: list[str] = field(default_factory=list)
    law_changes_status: list[tuple[str, str, str]] = field(default_factory=list)  # title, from, to
    questions_new: list[str] = field(default_factory=list)
    questions_answered: list[str] = field(default_factory=list)

    @property
    def count(self) -> int:
        return sum(len(v) for v in (self.items_added, self.items_removed, self.items_moved, self.items_reworded,
                                    self.law_changes_new, self.law_changes_status, self.questions_new,
                                    self.questions_answered))


@dataclass
class _Net:
    """A record's first state and last state over the changes read."""

    kind: str
    uid: str
    first_op: str
    last_op: str
    before: dict[str, Any] = field(default_factory=dict)
    after: dict[str, Any] = field(default_factory=dict)

    def fold(self, change: Change) -> None:
        for name, value in change.before.items():
            self.before.setdefault(name, value)
        self.after.update(change.after)
        self.last_op = change.op

    @property
    def changed(self) -> list[str]:
        return [n for n in self.after if n not in BOOKKEEPING and self.before.get(n) != self.after[n]]


def changes_since_last_book(store: Store, meeting: Meeting, profile: Profile) -> ChangesSince | None:
    """The changes since the last book of `meeting` in `profile` (None: no book was made yet)."""
    export = store.last_export(meeting.uid, BOOK_FORMATS, profile=profile.value)
    if export is None:
        return None
    nets: dict[str, _Net] = {}
    for change in store.history(after_step=export.last_step, kinds=("agenda_item", "law_change", "question")):
        net = nets.get(change.uid)
        if net is None:
            nets[change.uid] = net = _Net(change.kind, change.uid, change.op, change.op)
        net.fold(change)
    result = ChangesSince(export.at, export.file_name)
    for net in nets.values():
        current = store.table(net.kind).find_uid(net.uid)
        if not _belongs(net, current, meeting):
            continue
        if net.first_op == "add" and net.last_op == "delete":
            continue
        title = _title(net, current)
        if net.kind == "agenda_item":
            _agenda(result, net, title, profile)
        elif net.kind == "law_change":
            _law_change(result, net, title)
        elif profile is Profile.INTERNAL or not (current and current.confidential):
            _question(result, net, title, current, profile)
    return result


def _belongs(net: _Net, current: Any, meeting: Meeting) -> bool:
    if net.kind == "law_change":
        code = current.partner_code if current else net.before.get("partner_code", net.after.get("partner_code"))
        return code in meeting.partner_codes
    meeting_uid = net.before.get("meeting_id") or net.after.get("meeting_id")
    if current is not None:
        return current.meeting_id == meeting.id
    return meeting_uid == meeting.uid


def _title(net: _Net, current: Any) -> str:
    name = "text" if net.kind == "question" else "title"
    value = getattr(current, name, None) if current is not None else None
    return str(value or net.after.get(name) or net.before.get(name) or "")


def _visible(kind: str, names: list[str], profile: Profile) -> list[str]:
    hidden = {f.name for f in fields_of(kind) if f.sensitivity is not Sensitivity.PUBLIC} \
        if profile is Profile.PUBLIC else set()
    return [n for n in names if n not in hidden and n not in _UNSEEN]


def _agenda(result: ChangesSince, net: _Net, title: str, profile: Profile) -> None:
    if net.first_op == "add":
        result.items_added.append(title)
    elif net.last_op == "delete":
        result.items_removed.append(title)
    else:
        if "position" in net.changed:
            result.items_moved.append((title, net.before["position"], net.after["position"]))
        reworded = _visible("agenda_item", net.changed, profile)
        if reworded:
            result.items_reworded.append(Reworded(title, [label_of("agenda_item", n) for n in reworded]))


def _law_change(result: ChangesSince, net: _Net, title: str) -> None:
    if net.first_op == "add":
        result.law_changes_new.append(title)
    elif "status" in net.changed:
        result.law_changes_status.append((title, label(LawChangeStatus(net.before["status"])),
                                          label(LawChangeStatus(net.after["status"]))))


def _question(result: ChangesSince, net: _Net, title: str, current: Question | None, profile: Profile) -> None:
    if net.first_op == "add":
        result.questions_new.append(title)
    elif (profile is Profile.INTERNAL and current is not None and current.status is QuestionStatus.ANSWERED
          and {"suggested_answer", "status"} & set(net.changed)):
        result.questions_answered.append(title)
