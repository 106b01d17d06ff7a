"""The reading view of review mode: one agenda item at a time, with private notes beside it."""
