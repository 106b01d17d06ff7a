"""Partner labor law enforcement figures: a year-by-indicator table per partner, and their import."""
