"""Extraction: documents in, typed meeting records with provenance out."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.language import Language

from .documents import MAX_BYTES, SUFFIXES, document_from_bytes, read_document
from .errors import DocumentError, MinutesGraphError, ModelError
from .fetch import is_url
from .fingerprint import model_label, package_digest, pipeline_fingerprint
from .gazetteer import Gazetteer, load_gazetteer
from .inputs import InputFile, collect_inputs
from .meeting import extract_meeting, slug
from .names import name_key
from .nlp import is_trained, load_pipeline, parse_documents
from .records import (
    Actor,
    AgendaItem,
    Attendance,
    Document,
    Meeting,
    Mention,
    OrganisationRef,
    PostRef,
    Span,
    Statement,
    TopicMention,
)
from .topics import Concept, TopicScheme, load_topic_scheme

__all__ = [
    "Actor",
    "Concept",
    "Mention",
    "Statement",
    "TopicMention",
    "TopicScheme",
    "load_topic_scheme",
    "AgendaItem",
    "Attendance",
    "Document",
    "DocumentError",
    "Gazetteer",
    "MAX_BYTES",
    "Meeting",
    "MinutesGraphError",
    "ModelError",
    "OrganisationRef",
    "PostRef",
    "SUFFIXES",
    "model_label",
    "package_digest",
    "pipeline_fingerprint",
    "collect_inputs",
    "InputFile",
    "Span",
    "document_from_bytes",
    "extract_meeting",
    "is_url",
    "extract_meetings",
    "is_trained",
    "load_gazetteer",
    "load_pipeline",
    "name_key",
    "read_document",
    "slug",
]


def extract_meetings(
    documents: Iterable[Document], nlp: Language, batch_size: int = 16
) -> Iterator[tuple[Document, Meeting | DocumentError]]:
    """Each document with its Meeting, or the DocumentError that says why it is not one, in input order.

    A fault of ours on one document is reported as that document's error, so the others still build.
    """
    for document, doc in parse_documents(documents, nlp, batch_size):
        try:
            yield document, extract_meeting(document, doc)
        except DocumentError as e:
            yield document, e
        except Exception as e:  # noqa: BLE001 - reported below as this document's error, never lost
            yield (
                document,
                DocumentError(
                    f"{document.source}: could not be read ({type(e).__name__}: {e}); please report this with the file"
                ),
            )
