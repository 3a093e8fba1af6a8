"""The export stage: pieces of the graph to JSON, RDF, GraphML, CSV and an offline HTML page."""

from .files import LOCK_NAME, FolderBusy, exclusive, staged, write_atomic
from .formats import FORMATS, graph_text, parts_of, write_formats
from .graph_json import GraphJson
from .graphml import GraphML
from .html import CONTENT_SECURITY_POLICY, INITIAL_NODES, html_network, render_html
from .meeting_parts import Part, meeting_parts, write_part
from .meetings_json import MeetingsJson
from .overview import OVERVIEW_FROM, graph_page, overview, overview_page
from .rdf_files import NTriples
from .viewer_data import discussion_matrix, node_details, page_data
from .writer import WriteContext, Writer

__all__ = [
    "Part",
    "meeting_parts",
    "write_part",
    "CONTENT_SECURITY_POLICY",
    "FORMATS",
    "INITIAL_NODES",
    "MeetingsJson",
    "LOCK_NAME",
    "OVERVIEW_FROM",
    "FolderBusy",
    "GraphJson",
    "GraphML",
    "NTriples",
    "WriteContext",
    "Writer",
    "discussion_matrix",
    "exclusive",
    "graph_page",
    "graph_text",
    "html_network",
    "node_details",
    "overview",
    "overview_page",
    "page_data",
    "parts_of",
    "render_html",
    "staged",
    "write_atomic",
    "write_formats",
]
