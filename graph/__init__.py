"""The graph stage: meeting records to a networkx graph and an RDF dataset, people resolved across meetings."""

from .build import EDGE_TYPES, NODE_TYPES, actor_node, build_graph, node_id, topic_node
from .namespaces import load_namespaces
from .persist import GraphFormatError, graph_from_json, graph_to_json
from .queries import (
    NODE_KINDS,
    Evidence,
    OrganisationProfile,
    PersonProfile,
    TopicProfile,
    UnknownName,
    find_node,
    neighbourhood,
    organisation_profile,
    person_profile,
    topic_profile,
    who_discussed,
)
from .rdf import entities_graph_iri, meeting_graph_iri, to_dataset, union_graph
from .remote import PushReport, RemoteError, auth_headers, push_graphs, query_endpoint
from .resolve import Person, Resolution, compatible_organisations, resolve_people
from .sparql import resolve_query, shipped_queries, with_prefixes
from .stats import Stats, co_attendance, co_discussion, graph_stats
from .store import QueryResult, StoreError, StoreSync, named_graphs_ntriples, query_store, store_graphs, sync_store
from .validate import Validation, load_shapes, validate_graph

__all__ = [
    "PushReport",
    "QueryResult",
    "RemoteError",
    "StoreError",
    "StoreSync",
    "Validation",
    "auth_headers",
    "load_shapes",
    "named_graphs_ntriples",
    "push_graphs",
    "query_endpoint",
    "query_store",
    "resolve_query",
    "shipped_queries",
    "store_graphs",
    "sync_store",
    "validate_graph",
    "with_prefixes",
    "NODE_KINDS",
    "neighbourhood",
    "Evidence",
    "GraphFormatError",
    "OrganisationProfile",
    "PersonProfile",
    "Stats",
    "TopicProfile",
    "UnknownName",
    "co_attendance",
    "co_discussion",
    "find_node",
    "graph_from_json",
    "graph_stats",
    "graph_to_json",
    "organisation_profile",
    "person_profile",
    "topic_profile",
    "who_discussed",
    "EDGE_TYPES",
    "NODE_TYPES",
    "Person",
    "actor_node",
    "topic_node",
    "Resolution",
    "build_graph",
    "compatible_organisations",
    "entities_graph_iri",
    "load_namespaces",
    "meeting_graph_iri",
    "node_id",
    "resolve_people",
    "to_dataset",
    "union_graph",
]
