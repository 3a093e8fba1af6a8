"""The export stage: meeting records and graphs to JSON, Turtle, TriG and an offline HTML page."""

from .files import write_atomic
from .html import CONTENT_SECURITY_POLICY, INITIAL_NODES, html_network, render_html
from .viewer_data import discussion_matrix, node_details, page_data
from .meetings_json import meetings_document, meetings_json
from .rdf_files import trig, turtle

__all__ = [
    "INITIAL_NODES", "discussion_matrix", "node_details", "page_data",
    "CONTENT_SECURITY_POLICY", "html_network", "meetings_document", "meetings_json", "render_html", "trig",
    "turtle", "write_atomic",
]
