"""Record tables: one lazy model for every record type, column definitions, filter bar and editor pane."""
