"""Adding many rows of one kind at once: indexed for search and logged in one statement each.

Row by row, every INSERT would run the search index's trigger (a statement savepoint at which
FTS5 flushes its pending terms) and the change log's; for an import or the undo of a large
delete that is several times slower than indexing and logging the added ids afterwards.
"""

import contextlib
import json
from collections.abc import Callable, Iterator

from council_prep.store.changelog import ChangeLog
from council_prep.store.search import SEARCH_TABLES, index_ids_sql


@contextlib.contextmanager
def adding_in_bulk(log: ChangeLog, kind: str) -> Iterator[Callable[[list[int]], None]]:
    """Inside the caller's transaction, yields `added(ids)` to call with the ids of each batch
    inserted; a failure rolls the whole transaction back, the search trigger taken away included."""
    conn = log.conn
    trigger = None
    if kind in SEARCH_TABLES:
        name = f"{SEARCH_TABLES[kind][0]}_search_insert"
        (trigger,) = conn.execute("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?",
                                  [name]).fetchone()
        conn.execute(f"DROP TRIGGER {name}")
    log.bulk(True, kind)

    def added(ids: list[int]) -> None:
        if trigger is not None:
            conn.execute(index_ids_sql(kind), [json.dumps(ids)])
        log.log_added(kind, ids)

    yield added
    log.bulk(False, kind)
    if trigger is not None:
        conn.execute(trigger)
