"""The one base class for errors a user should read, so every front end can show them plainly."""


class CouncilPrepError(Exception):
    """Something went wrong that the user can understand and act on; str() is the message."""
