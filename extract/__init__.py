"""Extraction: documents in, typed meeting records with provenance out."""

from __future__ import annotations

from .batch import DamagedRecord, Extracted, extract_meetings, forget_damaged, load_record
from .cache_files import UNREADABLE, intact, read_pickle, read_pickles, write_pickle, write_pickles
from .documents import MAX_BYTES, SUFFIXES, document_from_bytes, read_document
from .errors import DocumentError, MinutesGraphError, ModelError
from .fetch import is_url
from .fingerprint import model_label, package_digest, pipeline_fingerprint
from .gazetteer import Gazetteer, load_gazetteer
from .inputs import InputFile, collect_inputs
from .meeting import extract_meeting, slug
from .names import PARTICLES, name_key
from .nlp import is_trained, load_pipeline
from .processes import PARALLEL_MINIMUM, worker_pool
from .reading import CACHE, DocumentReport, Outcome, Reading, read_minutes
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
    "PARALLEL_MINIMUM",
    "PARTICLES",
    "CACHE",
    "DamagedRecord",
    "DocumentReport",
    "Extracted",
    "Outcome",
    "Reading",
    "UNREADABLE",
    "forget_damaged",
    "intact",
    "load_record",
    "read_minutes",
    "read_pickle",
    "read_pickles",
    "worker_pool",
    "write_pickle",
    "write_pickles",
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
