"""storyladder: local-first preparation for behavioral and values-fit interviews."""

__version__ = "0.1.0"
