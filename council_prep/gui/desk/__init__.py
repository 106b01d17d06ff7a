"""The question desk: fast entry, triage, duplicates and imports of public-session questions."""
