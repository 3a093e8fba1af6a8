"""``vocab.ttl``: the ontology of the project's own terms, shipped beside the RDF that uses them."""

from __future__ import annotations

from graph import Piece, vocabulary_text

from .writer import Writer

__all__ = ["Vocabulary"]


class Vocabulary(Writer):
    """The same file every build: the packaged ontology, whatever the pieces."""

    name = "vocab.ttl"

    @staticmethod
    def part(piece: Piece) -> None:
        return None

    def head(self) -> str:
        return vocabulary_text()
