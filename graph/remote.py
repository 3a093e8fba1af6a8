"""A shared triple store over HTTP: push named graphs with the Graph Store Protocol, query with SPARQL.

Works with any SPARQL 1.1 endpoint (Oxigraph server, Apache Jena Fuseki, GraphDB, Amazon Neptune).
Credentials come from the environment and are never printed.
"""

from __future__ import annotations

import base64
import json
import os
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from extract import MinutesGraphError

from .store import QueryResult, store_graphs

__all__ = [
    "RemoteError",
    "Retries",
    "PushReport",
    "PUSHED",
    "auth_headers",
    "push_graphs",
    "push_store",
    "push_update",
    "query_endpoint",
]


class RemoteError(MinutesGraphError):
    """The endpoint refused a request or could not be reached; the message says which and why."""


@dataclass
class PushReport:
    """Named graphs sent, those removed (sent before, no longer built), and how many tries each took."""

    pushed: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    tries: dict[str, int] = field(default_factory=dict)


def auth_headers(env: Mapping[str, str] = os.environ) -> dict[str, str]:
    """A bearer token from MINUTES_GRAPH_TOKEN, else HTTP basic from MINUTES_GRAPH_USER/PASSWORD."""
    if env.get("MINUTES_GRAPH_TOKEN"):
        return {"Authorization": f"Bearer {env['MINUTES_GRAPH_TOKEN']}"}
    if env.get("MINUTES_GRAPH_USER"):
        pair = f"{env['MINUTES_GRAPH_USER']}:{env.get('MINUTES_GRAPH_PASSWORD', '')}".encode()
        return {"Authorization": "Basic " + base64.b64encode(pair).decode("ascii")}
    return {}


class _CredentialsStayHome(urllib.request.HTTPRedirectHandler):
    """Follows an endpoint's redirect, but never carries its credentials to another origin: a
    server answering 302 elsewhere would otherwise receive the token."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        new = super().redirect_request(req, fp, code, msg, headers, newurl)
        if new is not None and _origin(newurl) != _origin(req.full_url):
            new.remove_header("Authorization")
        return new


def _origin(url: str) -> tuple[str, str, int | None]:
    parts = urllib.parse.urlsplit(url)
    return parts.scheme, parts.hostname or "", parts.port or {"http": 80, "https": 443}.get(parts.scheme)


_OPENER = urllib.request.build_opener(_CredentialsStayHome)


def _graph_url(endpoint: str, iri: str) -> str:
    joiner = "&" if urllib.parse.urlsplit(endpoint).query else "?"
    return f"{endpoint}{joiner}graph={urllib.parse.quote(iri, safe='')}"


@dataclass(frozen=True)
class Retries:
    """How a request to an endpoint is tried: ``times`` more after a connection error or a 5xx
    answer, waiting ``backoff`` seconds and then twice as long each time (with ``sleep``), each
    try given ``timeout`` seconds."""

    times: int = 3
    backoff: float = 0.5
    timeout: float = 60
    sleep: Callable[[float], None] = time.sleep


def _send(request: urllib.request.Request, what: str, retry: Retries, fine: tuple[int, ...] = ()) -> tuple[bytes, int]:
    """The response body and the number of tries; connection errors and 5xx answers are retried.
    An answer whose status is in ``fine`` counts as done ("404" to a DELETE: already gone)."""
    retries = retry.times
    for attempt in range(1, retries + 2):
        try:
            with _OPENER.open(request, timeout=retry.timeout) as response:
                return response.read(), attempt
        except urllib.error.HTTPError as e:
            if e.code in fine:
                return b"", attempt
            if e.code in (401, 403):
                raise RemoteError(
                    f"{what}: the endpoint refused the credentials (HTTP {e.code}); "
                    f"set MINUTES_GRAPH_TOKEN or MINUTES_GRAPH_USER and MINUTES_GRAPH_PASSWORD"
                ) from e
            if e.code < 500 or attempt > retries:
                raise RemoteError(f"{what}: the endpoint answered HTTP {e.code} {e.reason}") from e
        except (urllib.error.URLError, ConnectionError, TimeoutError) as e:
            if attempt > retries:
                reason = getattr(e, "reason", e)
                raise RemoteError(f"{what}: cannot reach the endpoint ({reason}) after {attempt} tries") from e
        retry.sleep(retry.backoff * 2 ** (attempt - 1))
    raise AssertionError("unreachable")


def push_graphs(
    graphs: Mapping[str, str],
    endpoint: str,
    headers: Mapping[str, str] | None = None,
    retry: Retries = Retries(),
    stale: Iterable[str] = (),
    report: PushReport | None = None,
) -> PushReport:
    """PUT each named graph (IRI to N-Triples) to the Graph Store endpoint, replacing it whole, so a
    second push of the same graphs changes nothing, and DELETE each graph of ``stale`` (sent before,
    no longer built) that ``graphs`` no longer holds. Stops at the first graph that cannot be sent;
    ``report`` then says what was done."""
    report = report if report is not None else PushReport()
    for iri in sorted(set(stale) - set(graphs)):
        request = urllib.request.Request(_graph_url(endpoint, iri), method="DELETE", headers={**(headers or {})})
        _send(request, f"DELETE <{iri}> from {endpoint}", retry, fine=(404,))
        report.removed.append(iri)
    for iri, text in sorted(graphs.items()):
        request = urllib.request.Request(
            _graph_url(endpoint, iri),
            data=text.encode("utf-8"),
            method="PUT",
            headers={"Content-Type": "application/n-triples", **(headers or {})},
        )
        _, tries = _send(request, f"PUT <{iri}> to {endpoint}", retry)
        report.pushed.append(iri)
        report.tries[iri] = tries
    return report


def push_update(
    graphs: Mapping[str, str],
    endpoint: str,
    headers: Mapping[str, str] | None = None,
    retry: Retries = Retries(),
    stale: Iterable[str] = (),
) -> PushReport:
    """Replace every named graph, and drop those of ``stale`` no longer built, in one SPARQL Update
    request to an update endpoint: a store that runs a request as one transaction (Oxigraph, Fuseki)
    then holds either all the new graphs or all the old ones, never some of each."""
    removed = sorted(set(stale) - set(graphs))
    operations = [f"DROP SILENT GRAPH <{iri}>" for iri in removed]
    for iri, text in sorted(graphs.items()):
        operations.append(f"DROP SILENT GRAPH <{iri}>")
        operations.append(f"INSERT DATA {{ GRAPH <{iri}> {{\n{text}}} }}")
    request = urllib.request.Request(
        endpoint,
        data=" ;\n".join(operations).encode("utf-8"),
        method="POST",
        headers={"Content-Type": "application/sparql-update", **(headers or {})},
    )
    _, tries = _send(request, f"update {endpoint}", retry)
    return PushReport(pushed=sorted(graphs), removed=removed, tries=dict.fromkeys(graphs, tries))


def query_endpoint(
    endpoint: str,
    sparql: str,
    headers: Mapping[str, str] | None = None,
    retry: Retries = Retries(),
) -> QueryResult:
    """Run a SELECT or ASK query on a SPARQL endpoint and read the JSON results as a table."""
    request = urllib.request.Request(
        endpoint,
        data=sparql.encode("utf-8"),
        method="POST",
        headers={
            "Content-Type": "application/sparql-query",
            "Accept": "application/sparql-results+json",
            **(headers or {}),
        },
    )
    body, _ = _send(request, f"query {endpoint}", retry)
    try:
        data = json.loads(body)
    except json.JSONDecodeError as e:
        raise RemoteError(f"query {endpoint}: the answer is not SPARQL JSON results") from e
    if "boolean" in data:
        return QueryResult(("answer",), ((str(data["boolean"]).lower(),),))
    columns = tuple(data["head"]["vars"])
    return QueryResult(
        columns, tuple(tuple(b.get(c, {}).get("value") for c in columns) for b in data["results"]["bindings"])
    )


PUSHED = "pushed.json"  # beside the store: the graphs each endpoint was sent


def push_store(
    store: Path, endpoint: str, headers: Mapping[str, str], retry: Retries = Retries(), transaction: bool = False
) -> PushReport:
    """Make the endpoint hold exactly the store's named graphs: each replaced whole, and those sent
    before and no longer built (remembered in PUSHED beside the store) removed; with ``transaction``,
    all in one SPARQL Update request to an update endpoint, else one Graph Store request a graph."""
    if not store.exists():
        raise RemoteError(f"{store}: no store here; run 'minutes-graph build' first")
    record = store.parent / PUSHED
    try:
        sent = json.loads(record.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        sent = {}
    before = set(sent.get(endpoint, ()))
    report = PushReport()
    try:
        graphs = store_graphs(store)
        if transaction:
            report = push_update(graphs, endpoint, headers, retry, stale=before)
        else:
            push_graphs(graphs, endpoint, headers, retry, stale=before, report=report)
    finally:  # what the endpoint now holds of ours, as far as we know, also after a failure
        sent[endpoint] = sorted((before - set(report.removed)) | set(report.pushed))
        tmp = record.with_name(record.name + ".tmp")
        tmp.write_text(json.dumps(sent, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        os.replace(tmp, record)
    return report
