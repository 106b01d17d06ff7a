"""The people directory and a meeting's participants."""
