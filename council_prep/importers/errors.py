"""Errors of an import; each names the file, and row problems name the row and the column."""

from collections.abc import Iterable

from council_prep.errors import CouncilPrepError

SHOWN_PROBLEMS = 50  # a message lists this many; `.problems` keeps them all


class UnreadableFileError(CouncilPrepError):
    """The file is not a spreadsheet or CSV file we can read safely (damaged, encrypted, too big...)."""


class ImportRejected(CouncilPrepError):
    """Some rows are wrong, so nothing was imported; `.problems` lists each as 'FILE row N, column X: ...'."""

    def __init__(self, problems: Iterable[str]):
        self.problems = list(problems)
        shown = self.problems[:SHOWN_PROBLEMS]
        more = len(self.problems) - len(shown)
        count = f"{len(self.problems)} problem{'' if len(self.problems) == 1 else 's'}"
        lines = [f"import refused, nothing was written ({count}):", *shown]
        if more:
            lines.append(f"… and {more} more")
        super().__init__("\n".join(lines))


class MappingUncertain(CouncilPrepError):
    """Which column holds a field is not certain; a person must choose (`mapping.candidates` names the columns)."""

    def __init__(self, message: str, path: object, headers: list[str], mapping: object):
        super().__init__(message)
        self.path = path
        self.headers = headers
        self.mapping = mapping
