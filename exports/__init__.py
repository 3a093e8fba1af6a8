"""The export stage: meeting records and graphs to JSON, Turtle, TriG and an offline HTML page."""

from .files import LOCK_NAME, FolderBusy, exclusive, write_all, write_atomic
from .html import CONTENT_SECURITY_POLICY, INITIAL_NODES, html_network, render_html
from .meetings_json import meetings_document, meetings_json
from .rdf_files import jsonld, jsonld_context, nquads, ntriples, rdf_texts, trig, turtle
from .tables import edges_csv, graphml, nodes_csv
from .viewer_data import discussion_matrix, node_details, page_data

__all__ = [
    "rdf_texts",
    "FolderBusy",
    "LOCK_NAME",
    "exclusive",
    "write_all",
    "edges_csv",
    "graphml",
    "jsonld",
    "jsonld_context",
    "nodes_csv",
    "nquads",
    "ntriples",
    "INITIAL_NODES",
    "discussion_matrix",
    "node_details",
    "page_data",
    "CONTENT_SECURITY_POLICY",
    "html_network",
    "meetings_document",
    "meetings_json",
    "render_html",
    "trig",
    "turtle",
    "write_atomic",
]
