"""The "Duplicate of" column of a questions file: links to stored questions or to new rows of the
same file, and loops refused (a loop would leave its questions out of the book: none is the original)."""

from dataclasses import dataclass, field

from council_prep.domain import Question
from council_prep.domain.duplicates import follow
from council_prep.domain.kinds import kind
from council_prep.importers.plan import ImportPlan
from council_prep.importers.reading import Sheet


@dataclass
class DuplicateLinks:
    """The links a file asks for, resolved once every row is read."""

    stored: list[Question]  # the meeting's questions as stored
    wanted: dict[int, tuple[Question, str | None]] = field(default_factory=dict)  # id(record) -> (record, uid)

    def want(self, record: Question, target_uid: str | None) -> None:
        """Record what a row's Duplicate of cell says (None: not a duplicate)."""
        self.wanted[id(record)] = (record, target_uid)

    def resolve(self, plan: ImportPlan[Question], sheet: Sheet, accepted: list[tuple[int, Question]]) -> None:
        """Point links at new rows through `plan.links`, refuse unknown targets and loops."""
        stored_ids = {q.uid: q.id for q in self.stored}
        uid_of_id = {q.id: q.uid for q in self.stored}
        edges = {q.uid: uid_of_id[q.duplicate_of] for q in self.stored if q.duplicate_of in uid_of_id}
        new = {q.uid: q for q in plan.added}
        in_plan = {id(q) for q in plan.added + plan.updated}
        rows = {record.uid: number for number, record in accepted}
        for number, record in accepted:
            if id(record) not in self.wanted:
                continue  # no Duplicate of column: the stored link stays
            _, target = self.wanted[id(record)]
            if target is None:
                edges.pop(record.uid, None)
                continue
            edges[record.uid] = target
            if target in stored_ids:
                continue
            if target not in new:
                plan.problems.append(f"{sheet.where(number, 'duplicate_of')}: no question of this meeting or of "
                                     f"this file has the uid {target}")
            elif id(record) not in in_plan:  # a stored row, otherwise unchanged, now points at a new one
                plan.updated.append(record)
                plan.unchanged -= 1
                in_plan.add(id(record))
            if target in new:
                plan.links.append((record, new[target]))
        plan.problems += self._loops(edges, rows, sheet)

    def _loops(self, edges: dict[str, str], rows: dict[str, int], sheet: Sheet) -> list[str]:
        """One problem per loop that goes through a row of the file, naming its rows."""
        problems: list[str] = []
        settled: set[str] = set()  # uids whose chain is known to end
        reported: set[frozenset[str]] = set()
        by_uid = {q.uid: q for q in self.stored}
        for start in rows:
            chain = follow(start, edges.get, settled)
            if chain.loop and frozenset(chain.loop) not in reported:
                reported.add(frozenset(chain.loop))
                problems.append(self._describe(chain.loop, rows, by_uid, sheet))
            settled.update(chain.path)
        return problems

    @staticmethod
    def _describe(loop: list[str], rows: dict[str, int], by_uid: dict[str, Question], sheet: Sheet) -> str:
        named = [f"row {rows[uid]}" if uid in rows else f"the stored question {kind('question').describe(by_uid[uid])}"
                 for uid in loop]
        first = min(rows[uid] for uid in loop if uid in rows)
        where = sheet.where(first, "duplicate_of")
        if len(loop) == 1:
            return f"{where}: a question cannot be a duplicate of itself"
        return (f"{where}: {' → '.join([*named, named[0]])} are duplicates of each other in a loop; clear the "
                "Duplicate of cell of the original question")
