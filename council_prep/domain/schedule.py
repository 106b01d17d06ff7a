"""The agenda's running clock: when each item starts and ends, and how the time budget stands."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta


@dataclass(frozen=True)
class Slot:
    starts: time
    ends: time


def running_clock(start: time, minutes: Sequence[int]) -> list[Slot]:
    """Consecutive slots from `start`, one per entry of `minutes` (wrapping past midnight)."""
    moment = datetime.combine(date(2000, 1, 1), start)
    slots = []
    for length in minutes:
        end = moment + timedelta(minutes=length)
        slots.append(Slot(moment.time(), end.time()))
        moment = end
    return slots


def over_budget(length_minutes: int, minutes: Sequence[int]) -> int:
    """Minutes by which the items overrun the session (0 when they fit)."""
    return max(0, sum(minutes) - length_minutes)
