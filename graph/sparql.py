"""The SPARQL questions shipped with minutes-graph (``data/queries/*.rq``) and how a query is named."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from extract import MinutesGraphError

from .namespaces import load_namespaces

__all__ = ["shipped_queries", "resolve_query", "with_prefixes"]


def with_prefixes(sparql: str) -> str:
    """The query with a PREFIX line for every project namespace it does not declare itself."""
    declared = {
        line.split()[1].rstrip(":").casefold()
        for line in sparql.splitlines()
        if line.strip().upper().startswith("PREFIX") and len(line.split()) > 1
    }
    lines = [f"PREFIX {p}: <{ns}>" for p, ns in load_namespaces().prefixes.items() if p not in declared]
    return "\n".join([*lines, sparql])


def shipped_queries() -> dict[str, str]:
    """Name (file stem) to query text of every shipped question."""
    folder = resources.files("graph") / "data" / "queries"
    return {Path(f.name).stem: f.read_text(encoding="utf-8") for f in folder.iterdir() if f.name.endswith(".rq")}


def resolve_query(query: str) -> str:
    """A shipped question's name, a path to a ``.rq`` file, or SPARQL text: the SPARQL, with prefixes."""
    shipped = shipped_queries()
    if query in shipped:
        return with_prefixes(shipped[query])
    if query.endswith(".rq") or (len(query) < 256 and "\n" not in query and Path(query).is_file()):
        try:
            return with_prefixes(Path(query).read_text(encoding="utf-8"))
        except OSError as e:
            raise MinutesGraphError(f"{query}: cannot read the query file ({e.strerror})") from e
    if not any(word in query.upper() for word in ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE")):
        names = ", ".join(sorted(shipped))
        raise MinutesGraphError(f"'{query}' is neither SPARQL, a .rq file nor a shipped question ({names})")
    return with_prefixes(query)
