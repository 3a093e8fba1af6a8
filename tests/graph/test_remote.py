"""Pushing to and querying a real Oxigraph server; clean failures on a wrong port, a 401 and a 500."""

from __future__ import annotations

import http.server
import threading

import pytest
from click.testing import CliRunner

from graph import (
    RemoteError,
    Retries,
    auth_headers,
    push_graphs,
    push_update,
    query_endpoint,
    query_store,
    resolve_query,
    shipped_queries,
    store_graphs,
)
from graph.store import StoreError
from minutes_graph.cli import cli

NO_WAIT = Retries(sleep=lambda seconds: None)

COUNT = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g"


def counts(base: str) -> dict[str, int]:
    result = query_endpoint(f"{base}/query", COUNT)
    return {g: int(n) for g, n in result.rows}


def built_graphs(build) -> dict[str, str]:
    """Each named graph of a build, as N-Triples text, read from its store."""
    return store_graphs(build.files["graph.ttl"].parent / "store")


def test_push_is_idempotent_and_replaces_only_the_changed_meeting(seed_build, oxigraph_server):
    graphs = built_graphs(seed_build)
    report = push_graphs(graphs, f"{oxigraph_server}/store")
    assert sorted(report.pushed) == sorted(graphs)
    first = counts(oxigraph_server)
    assert sum(first.values()) == seed_build.triples
    push_graphs(graphs, f"{oxigraph_server}/store")
    assert counts(oxigraph_server) == first
    meeting = next(iri for iri in graphs if iri.endswith("lcrb-2021-07-06"))
    lines = graphs[meeting].splitlines(keepends=True)
    push_graphs({**graphs, meeting: "".join(lines[:-1])}, f"{oxigraph_server}/store")
    after = counts(oxigraph_server)
    assert after[meeting] == first[meeting] - 1
    assert {g: n for g, n in after.items() if g != meeting} == {g: n for g, n in first.items() if g != meeting}


def test_shipped_questions_answer_the_same_on_a_plain_server(seed_build, oxigraph_server):
    """Pushed as `push` sends it (the store's graphs), every shipped question gives the server's rows
    as the embedded store gives them, on a server whose default graph is not the union."""
    store = seed_build.files["graph.ttl"].parent / "store"
    pushed = CliRunner().invoke(cli, ["push", "--endpoint", f"{oxigraph_server}/store", "--store", str(store)])
    assert pushed.exit_code == 0, pushed.output
    for name in shipped_queries():
        local = query_store(store, resolve_query(name))
        remote = query_endpoint(f"{oxigraph_server}/query", resolve_query(name))
        assert local.rows and remote == local, name
    cli_answer = CliRunner().invoke(
        cli,
        [
            "sparql",
            "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }",
            "--query-endpoint",
            f"{oxigraph_server}/query",
            "--format",
            "csv",
        ],
    )
    assert cli_answer.exit_code == 0, cli_answer.output
    assert int(cli_answer.output.splitlines()[1]) == sum(counts(oxigraph_server).values())
    # without GRAPH patterns a plain server finds nothing, and says so where the rows are not
    empty = CliRunner().invoke(
        cli, ["sparql", "SELECT ?s WHERE { ?s ?p ?o }", "--query-endpoint", f"{oxigraph_server}/query"]
    )
    assert empty.exit_code == 0 and "(0 rows)" in empty.stdout
    assert "matched nothing" in empty.stderr


def test_cli_push_end_to_end_keeps_credentials_secret(seed_build, oxigraph_server, monkeypatch):
    monkeypatch.setenv("MINUTES_GRAPH_TOKEN", "s3cret-token")
    store = seed_build.files["graph.ttl"].parent / "store"
    result = CliRunner().invoke(cli, ["push", "--endpoint", f"{oxigraph_server}/store", "--store", str(store)])
    assert result.exit_code == 0, result.output
    assert result.output == f"Pushed 3 named graphs to {oxigraph_server}/store\n"
    assert "s3cret" not in result.output


def test_wrong_port_fails_cleanly_after_retries():
    waits = []
    with pytest.raises(RemoteError, match=r"cannot reach the endpoint .* after 3 tries$"):
        push_graphs({"https://x.org/g": ""}, "http://127.0.0.1:9/store", retry=Retries(2, sleep=waits.append))
    assert waits == [0.5, 1.0]


def test_401_is_not_retried_and_says_what_to_set(scripted_server, monkeypatch):
    scripted_server.script = [401]
    monkeypatch.setenv("MINUTES_GRAPH_USER", "analyst")
    monkeypatch.setenv("MINUTES_GRAPH_PASSWORD", "pw")
    url = f"http://127.0.0.1:{scripted_server.server_port}/store"
    with pytest.raises(RemoteError, match=r"refused the credentials \(HTTP 401\); set MINUTES_GRAPH_TOKEN"):
        push_graphs({"https://x.org/g": ""}, url, auth_headers(), NO_WAIT)
    assert len(scripted_server.seen) == 1
    assert scripted_server.seen[0][1].startswith("Basic ")


def test_5xx_is_retried_then_succeeds(scripted_server):
    scripted_server.script = [500, 503]
    url = f"http://127.0.0.1:{scripted_server.server_port}/store"
    report = push_graphs(
        {"https://x.org/g": "<https://x.org/a> <https://x.org/b> <https://x.org/c> .\n"}, url, retry=NO_WAIT
    )
    assert report.tries == {"https://x.org/g": 3}
    assert scripted_server.seen[0][0] == "/store?graph=https%3A%2F%2Fx.org%2Fg"


def test_5xx_every_time_fails_with_the_status(scripted_server):
    scripted_server.script = [500] * 5
    url = f"http://127.0.0.1:{scripted_server.server_port}/store"
    with pytest.raises(RemoteError, match=r"answered HTTP 500"):
        push_graphs({"https://x.org/g": ""}, url, retry=Retries(2, sleep=lambda s: None))


def test_a_push_cut_off_half_way_leaves_the_meeting_as_it_was(seed_build, oxigraph_server):
    import socket
    import urllib.parse

    graphs = built_graphs(seed_build)
    push_graphs(graphs, f"{oxigraph_server}/store")
    before = counts(oxigraph_server)
    meeting = next(iri for iri in graphs if iri.endswith("lcrb-2021-07-06"))
    body = graphs[meeting].replace("Sophie Linden", "Someone Else").encode()
    host, port = urllib.parse.urlsplit(oxigraph_server).netloc.split(":")
    with socket.create_connection((host, int(port))) as s:
        s.sendall(
            (
                f"PUT /store?graph={urllib.parse.quote(meeting, safe='')} HTTP/1.1\r\nHost: {host}\r\n"
                f"Content-Type: application/n-triples\r\nContent-Length: {len(body)}\r\n\r\n"
            ).encode()
        )
        s.sendall(body[: len(body) // 2])  # the connection drops half-way through the graph
    assert counts(oxigraph_server) == before


def test_a_dropped_connection_is_a_clean_error(scripted_server):
    scripted_server.script = [0, 0, 0]  # 0: close the connection without an answer
    url = f"http://127.0.0.1:{scripted_server.server_port}/store"
    with pytest.raises(RemoteError, match=r"cannot reach the endpoint .* after 3 tries$"):
        push_graphs({"https://x.org/g": ""}, url, retry=Retries(2, sleep=lambda s: None))


class _Redirecting(http.server.BaseHTTPRequestHandler):
    """Answers a query with a redirect to the server's ``target``, or with no rows, recording the
    Authorization header each request carried."""

    def _answer(self):
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        self.server.seen.append(self.headers.get("Authorization"))
        if self.server.target:
            self.send_response(302)
            self.send_header("Location", self.server.target)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        body = b'{"head": {"vars": ["n"]}, "results": {"bindings": []}}'
        self.send_response(200)
        self.send_header("Content-Type", "application/sparql-results+json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_GET = do_POST = _answer  # noqa: N815 - http.server's naming

    def log_message(self, *args):
        pass


def _serve(target: str | None):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Redirecting)
    server.target, server.seen = target, []
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def test_credentials_never_follow_a_redirect_to_another_origin(monkeypatch):
    monkeypatch.setenv("MINUTES_GRAPH_TOKEN", "s3cret")
    elsewhere = _serve(None)
    endpoint = _serve(f"http://localhost:{elsewhere.server_port}/query")  # another host, another port
    try:
        query_endpoint(f"http://127.0.0.1:{endpoint.server_port}/query", "SELECT ?n {}", auth_headers())
        assert endpoint.seen == ["Bearer s3cret"]
        assert elsewhere.seen == [None]
    finally:
        for server in (endpoint, elsewhere):
            server.shutdown()
            server.server_close()


def test_the_local_store_never_follows_service_to_the_network(seed_build):
    watching = _serve(None)
    store = seed_build.files["graph.ttl"].parent / "store"
    try:
        sparql = f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{watching.server_port}/q> {{ ?s ?p ?o }} }}"
        with pytest.raises(StoreError, match=r"calls another endpoint \(SERVICE\)"):
            query_store(store, sparql)
        assert watching.seen == []
        # The word in a string or a comment is no call.
        assert query_store(store, "ASK { ?s ?p 'SERVICE' } # SERVICE").rows == (("false",),)
    finally:
        watching.shutdown()
        watching.server_close()


def test_push_removes_a_meeting_no_longer_built(seeds, tmp_path, oxigraph_server):
    import shutil

    from minutes_graph import BuildSettings, build

    folder, out = tmp_path / "minutes", tmp_path / "out"
    shutil.copytree(seeds, folder)
    build([folder], BuildSettings(out=out, jobs=1))
    push = ["push", "--endpoint", f"{oxigraph_server}/store", "--store", str(out / "store")]
    assert CliRunner().invoke(cli, push).exit_code == 0
    gone = next(iri for iri in counts(oxigraph_server) if iri.endswith("lcrb-2021-07-06"))
    next(folder.glob("003_*")).unlink()
    build([folder], BuildSettings(out=out, jobs=1))
    result = CliRunner().invoke(cli, push)
    assert result.exit_code == 0, result.output
    assert result.output == f"Pushed 2 named graphs to {oxigraph_server}/store, removed 1 no longer built\n"
    assert gone not in counts(oxigraph_server)


def test_a_transaction_push_changes_all_graphs_or_none(seed_build, oxigraph_server):
    graphs = built_graphs(seed_build)
    report = push_update(graphs, f"{oxigraph_server}/update")
    assert sorted(report.pushed) == sorted(graphs)
    first = counts(oxigraph_server)
    assert {g: first[g] for g in graphs} == {g: len(t.splitlines()) for g, t in graphs.items()}
    # One graph the store would refuse: the whole request fails and no graph changes.
    meeting = next(iri for iri in graphs if iri.endswith("lcrb-2021-07-06"))
    broken = {
        **{g: t + '<https://x.org/a> <https://x.org/b> "new" .\n' for g, t in graphs.items()},
        meeting: "<not an iri\n",
    }
    with pytest.raises(RemoteError, match=r"answered HTTP 400"):
        push_update(broken, f"{oxigraph_server}/update", retry=NO_WAIT)
    assert counts(oxigraph_server) == first


def test_cli_push_in_one_transaction(seed_build, oxigraph_server):
    store = seed_build.files["graph.ttl"].parent / "store"
    push = ["push", "--endpoint", f"{oxigraph_server}/update", "--transaction", "--store", str(store)]
    result = CliRunner().invoke(cli, push)
    assert result.exit_code == 0, result.output
    assert result.output == f"Pushed 3 named graphs to {oxigraph_server}/update\n"
