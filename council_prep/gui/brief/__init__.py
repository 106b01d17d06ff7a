"""The brief beyond the agenda: people, commitments, partner enforcement figures, cooperation projects."""
