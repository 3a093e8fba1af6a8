"""The graph stage: meeting records to a networkx graph and an RDF dataset, people resolved across meetings."""

from .build import EDGE_TYPES, NODE_TYPES, actor_node, build_graph, node_id, topic_node
from .namespaces import load_namespaces
from .rdf import entities_graph_iri, meeting_graph_iri, to_dataset, union_graph
from .resolve import Person, Resolution, compatible_organisations, resolve_people

__all__ = [
    "EDGE_TYPES", "NODE_TYPES", "Person", "actor_node", "topic_node", "Resolution", "build_graph", "compatible_organisations",
    "entities_graph_iri", "load_namespaces", "meeting_graph_iri", "node_id", "resolve_people", "to_dataset",
    "union_graph",
]
