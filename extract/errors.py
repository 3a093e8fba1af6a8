"""Named exceptions for minutes-graph, under one base class."""

__all__ = ["MinutesGraphError", "DocumentError", "ModelError"]


class MinutesGraphError(Exception):
    """Base class of every error minutes-graph raises on purpose."""


class DocumentError(MinutesGraphError):
    """A document could not be read or is not minutes; the message names the file."""


class ModelError(MinutesGraphError):
    """The spaCy pipeline asked for could not be loaded or configured."""
