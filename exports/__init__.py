"""The export stage: meeting records and graphs to JSON, Turtle, TriG and an offline HTML page."""

from .files import LOCK_NAME, Data, FolderBusy, exclusive, write_all, write_atomic
from .graph_files import (
    GRAPH_FILES,
    GraphPiece,
    graph_file_parts,
    graph_json,
    graph_piece,
    graphml,
)
from .html import CONTENT_SECURITY_POLICY, INITIAL_NODES, html_network, render_html
from .meetings_json import meeting_entry, meetings_json_parts
from .overview import OVERVIEW_FROM, graph_page, overview, overview_page
from .rdf_files import RDF_FORMATS, GraphTexts, graph_texts, jsonld_context, rdf_file_parts
from .viewer_data import discussion_matrix, node_details, page_data

__all__ = [
    "Data",
    "OVERVIEW_FROM",
    "overview",
    "graph_page",
    "overview_page",
    "RDF_FORMATS",
    "GraphTexts",
    "graph_texts",
    "rdf_file_parts",
    "FolderBusy",
    "LOCK_NAME",
    "exclusive",
    "write_all",
    "graphml",
    "GRAPH_FILES",
    "GraphPiece",
    "graph_piece",
    "graph_file_parts",
    "graph_json",
    "jsonld_context",
    "INITIAL_NODES",
    "discussion_matrix",
    "node_details",
    "page_data",
    "CONTENT_SECURITY_POLICY",
    "html_network",
    "meeting_entry",
    "meetings_json_parts",
    "render_html",
    "write_atomic",
]
