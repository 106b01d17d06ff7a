"""Creating and editing meetings."""
