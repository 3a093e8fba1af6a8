"""The embedded triple store (Oxigraph, on disk): one named graph per meeting, replaced only when it changed."""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
from collections.abc import Callable, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox
from rdflib.plugins.sparql.parser import parseQuery

from extract import MinutesGraphError

__all__ = [
    "StoreError",
    "StoreSync",
    "GraphSource",
    "QueryResult",
    "sync_store",
    "query_store",
    "store_graphs",
    "result_from_solutions",
]


class StoreError(MinutesGraphError):
    """The store could not be opened, written or queried; the message says why."""


@dataclass
class StoreSync:
    """What a sync did to each named graph."""

    replaced: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    remade: str | None = None  # why the store was made again from nothing (it was damaged)


@dataclass(frozen=True)
class QueryResult:
    """A SPARQL answer as a table (an ASK answer is one column 'answer'; CONSTRUCT gives s, p, o)."""

    columns: tuple[str, ...]
    rows: tuple[tuple[str | None, ...], ...]


@dataclass(frozen=True)
class GraphSource:
    """A named graph to store: its N-Triples (text, the file holding them, or a function that reads
    them: only a graph that changed is read) and a digest that changes whenever they do."""

    ntriples: str | Path | Callable[[], str]
    digest: str

    @classmethod
    def of_text(cls, text: str) -> GraphSource:
        return cls(text, _digest(text))

    def text(self) -> str:
        if isinstance(self.ntriples, Path):
            return self.ntriples.read_text(encoding="utf-8")
        return self.ntriples() if callable(self.ntriples) else self.ntriples


class DamagedStore(StoreError):
    """The store's files are damaged (a disk fault, a copy cut short): a build makes it again."""


def _open(path: Path, read_only: bool = False) -> ox.Store:
    try:
        return ox.Store.read_only(str(path)) if read_only else ox.Store(str(path))
    except OSError as e:
        if "lock" in str(e).casefold():
            raise StoreError(f"{path}: the store is being written by another process; try again when it is done") from e
        raise StoreError(f"{path}: cannot open the store ({e})") from e
    except RuntimeError as e:  # RocksDB's "Corruption: ..."
        reason = str(e).splitlines()[0][:200]
        raise DamagedStore(f"{path}: the store is damaged ({reason}); 'minutes-graph build' makes it again") from e


def _triples(text: str | bytes) -> set:
    """The triples of N-Triples text, whatever the order and spacing of its lines."""
    return {(t.subject, t.predicate, t.object) for t in ox.parse(text, format=ox.RdfFormat.N_TRIPLES)}


def store_graphs(path: Path) -> dict[str, str]:
    """Each named graph in the store at ``path`` as N-Triples text."""
    store = _open(path, read_only=True)
    return {
        g.value: store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=g).decode("utf-8") for g in store.named_graphs()
    }


_MANIFEST = "minutes-graph-manifest.json"
BULK_MINIMUM = 16


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _patched(store: ox.Store, name: ox.NamedNode, text: str) -> bool:
    """Change the stored graph into ``text`` triple by triple, when few of its triples change (the
    entities graph after one meeting changed): removing and loading a big graph again takes seconds.
    False, and nothing done, when most of it changes."""
    stored = set(store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=name).decode("utf-8").splitlines())
    wanted = set(text.splitlines())
    gone, added = stored - wanted, wanted - stored
    if len(gone) + len(added) > len(stored) // 4:
        return False
    for triple in ox.parse("\n".join(gone), format=ox.RdfFormat.N_TRIPLES):
        store.remove(ox.Quad(triple.subject, triple.predicate, triple.object, name))
    store.load(input="\n".join(added), format=ox.RdfFormat.N_TRIPLES, to_graph=name)
    return True


def sync_store(
    path: Path, graphs: Mapping[str, GraphSource], threads: int = 1, previous: Path | None = None
) -> StoreSync:
    """Make the store at ``path`` hold exactly ``graphs`` (by IRI): a graph whose triples changed is
    patched or replaced whole, one that did not is left alone, one no longer built is removed. Many graphs
    to load are loaded on ``threads`` threads (Oxigraph's loader does not hold the GIL).

    With ``previous`` (a store, and ``path`` not yet there), the new store starts as a checkpoint of
    it (hard links: cheap) and ``previous`` is left as it was, so a build can put the new store in
    place together with its files, or drop it. A damaged store is made again from nothing.

    A manifest beside the store remembers the digest of each graph it loaded, so an unchanged graph
    costs nothing and a changed one is replaced at once; a graph without an entry is compared.
    """
    report = StoreSync()
    try:
        if previous is not None and previous.exists():
            _checkpoint(previous, path)
        path.mkdir(parents=True, exist_ok=True)
        store = _open(path)
    except DamagedStore as e:
        # The store is only ever made from the files: a damaged one is made again from them.
        shutil.rmtree(path, ignore_errors=True)
        path.mkdir(parents=True)
        store = _open(path)
        report.remade = str(e.__cause__).splitlines()[0][:200]
    manifest_file = path / _MANIFEST
    try:
        manifest = json.loads(manifest_file.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        manifest = {}
    present = {g.value: g for g in store.named_graphs()}
    # The graphs this sync may change lose their entries first, so that a sync cut short (a kill,
    # a full disk) leaves them to be compared with the files next time, never trusted.
    settled = {
        iri: digest
        for iri, digest in manifest.items()
        if iri in graphs and iri in present and graphs[iri].digest == digest
    }
    _write_manifest(manifest_file, settled)
    load = []
    for iri, source in sorted(graphs.items()):
        name = ox.NamedNode(iri)
        if iri in present:
            # Without a manifest entry (a store filled some other way) the stored triples are compared.
            if manifest.get(iri, source.digest) == source.digest and (
                iri in manifest
                or _triples(store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=name)) == _triples(source.text())
            ):
                report.unchanged.append(iri)
                manifest[iri] = source.digest
                continue
            if _patched(store, name, source.text()):
                manifest[iri] = source.digest
                report.replaced.append(iri)
                continue
            store.remove_graph(name)
        load.append((iri, source))
    # The bulk loader is twice as fast but writes files of its own each call: for many graphs only.
    bulk = len(load) >= BULK_MINIMUM
    loader = store.bulk_load if bulk else store.load

    def load_one(item: tuple[str, GraphSource]) -> None:
        iri, source = item
        kind = {"path": source.ntriples} if isinstance(source.ntriples, Path) else {"input": source.text()}
        loader(**kind, format=ox.RdfFormat.N_TRIPLES, to_graph=ox.NamedNode(iri))

    with ThreadPoolExecutor(threads if bulk else 1) as pool:
        list(pool.map(load_one, load))
    for iri, source in load:
        manifest[iri] = source.digest
        report.replaced.append(iri)
    for iri in sorted(set(present) - set(graphs)):
        store.remove_graph(present[iri])
        manifest.pop(iri, None)
        report.removed.append(iri)
    store.flush()
    _write_manifest(manifest_file, {k: manifest[k] for k in manifest if k in graphs})
    return report


def _checkpoint(previous: Path, path: Path) -> None:
    """A copy of the store at ``previous`` at ``path``, sharing its immutable files, with its manifest."""
    try:
        _open(previous).backup(str(path))
    except RuntimeError as e:  # RocksDB's "Corruption: ..." met while copying
        raise DamagedStore(f"{previous}: the store is damaged") from e
    if (previous / _MANIFEST).exists():
        shutil.copyfile(previous / _MANIFEST, path / _MANIFEST)


def _write_manifest(path: Path, manifest: Mapping[str, str]) -> None:
    """The manifest replaced whole by a rename: never half written."""
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps({k: manifest[k] for k in sorted(manifest)}), encoding="utf-8")
    os.replace(tmp, path)


def _text(term) -> str | None:
    return None if term is None else term.value


def result_from_solutions(answer) -> QueryResult:
    """Any pyoxigraph query answer as a QueryResult."""
    if isinstance(answer, ox.QueryBoolean):
        return QueryResult(("answer",), ((str(bool(answer)).lower(),),))
    if isinstance(answer, ox.QueryTriples):
        return QueryResult(
            ("subject", "predicate", "object"),
            tuple((_text(t.subject), _text(t.predicate), _text(t.object)) for t in answer),
        )
    columns = tuple(v.value for v in answer.variables)
    return QueryResult(columns, tuple(tuple(_text(s[c]) for c in columns) for s in answer))


def _reaches_out(sparql: str) -> bool:
    """Whether a query calls another endpoint (SERVICE), read by rdflib's parser so that the word
    in a comment or a string does not count; a query rdflib cannot parse counts if it has the word."""
    try:
        return "ServiceGraphPattern" in repr(parseQuery(sparql))
    except Exception:  # noqa: BLE001 - pyparsing's errors, and any other refusal of rdflib's parser
        return re.search(r"\bSERVICE\b", sparql, re.I) is not None


def query_store(path: Path, sparql: str) -> QueryResult:
    """Run SPARQL over the store, all named graphs seen as one default graph. A query never reaches
    the network from here: Oxigraph would follow a SERVICE call to any address the query names."""
    if _reaches_out(sparql):
        raise StoreError(
            "the query calls another endpoint (SERVICE), which the local store never does; "
            "query that endpoint with --query-endpoint"
        )
    if not path.exists():
        raise StoreError(f"{path}: no store here; run 'minutes-graph build' first")
    store = _open(path, read_only=True)
    try:
        return result_from_solutions(store.query(sparql, use_default_graph_as_union=True))
    except SyntaxError as e:
        raise StoreError(f"SPARQL syntax error: {e}") from e
