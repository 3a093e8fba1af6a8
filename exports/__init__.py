"""The export stage: meeting records and graphs to JSON, Turtle, TriG and an offline HTML page."""

from .files import LOCK_NAME, Data, FolderBusy, exclusive, write_all, write_atomic
from .html import CONTENT_SECURITY_POLICY, INITIAL_NODES, html_network, render_html
from .meetings_json import meetings_document, meetings_json
from .overview import OVERVIEW_FROM, viewer_graph
from .rdf_files import RDF_FORMATS, GraphTexts, graph_texts, jsonld_context, rdf_file_parts
from .tables import edges_csv, graphml, nodes_csv, write_edges_csv, write_graphml
from .viewer_data import discussion_matrix, node_details, page_data

__all__ = [
    "Data",
    "OVERVIEW_FROM",
    "viewer_graph",
    "RDF_FORMATS",
    "GraphTexts",
    "graph_texts",
    "rdf_file_parts",
    "FolderBusy",
    "LOCK_NAME",
    "exclusive",
    "write_all",
    "edges_csv",
    "graphml",
    "write_graphml",
    "write_edges_csv",
    "jsonld_context",
    "nodes_csv",
    "INITIAL_NODES",
    "discussion_matrix",
    "node_details",
    "page_data",
    "CONTENT_SECURITY_POLICY",
    "html_network",
    "meetings_document",
    "meetings_json",
    "render_html",
    "write_atomic",
]
