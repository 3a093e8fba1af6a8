"""Minutes on the web: fetched politely (one at a time, a timeout, a size limit) and cached."""

from __future__ import annotations

import hashlib
import json
import urllib.error
import urllib.request
from pathlib import Path

from .errors import DocumentError

__all__ = ["is_url", "fetch", "USER_AGENT"]

USER_AGENT = "minutes-graph/0.1 (knowledge graphs of public bodies' minutes)"


def is_url(text: str) -> bool:
    """True for an http(s) address."""
    return text.startswith(("http://", "https://"))


def _read_limited(response, url: str, max_bytes: int) -> bytes:
    data = response.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise DocumentError(f"{url}: larger than the {max_bytes / 1e6:.0f} MB limit")
    return data


def fetch(
    url: str, cache: Path | None, timeout: float = 30, max_bytes: int = 20 * 1024 * 1024
) -> tuple[bytes, str | None]:
    """The body and media type at ``url``; with a cache folder, a page fetched before is asked for again
    only conditionally (ETag / Last-Modified) and read from the cache when unchanged."""
    key = hashlib.sha256(url.encode("utf-8")).hexdigest()[:32]
    body_file = cache / f"{key}.body" if cache else None
    meta_file = cache / f"{key}.json" if cache else None
    meta = json.loads(meta_file.read_text()) if meta_file and meta_file.exists() and body_file.exists() else {}
    headers = {"User-Agent": USER_AGENT}
    if meta.get("etag"):
        headers["If-None-Match"] = meta["etag"]
    if meta.get("last_modified"):
        headers["If-Modified-Since"] = meta["last_modified"]
    try:
        with urllib.request.urlopen(urllib.request.Request(url, headers=headers), timeout=timeout) as response:  # noqa: S310
            data = _read_limited(response, url, max_bytes)
            media_type = (response.headers.get_content_type() or "").lower() or None
            etag, modified = response.headers.get("ETag"), response.headers.get("Last-Modified")
    except urllib.error.HTTPError as e:
        if e.code == 304 and meta:
            return body_file.read_bytes(), meta.get("media_type")
        raise DocumentError(f"{url}: the server answered HTTP {e.code} {e.reason}") from e
    except (urllib.error.URLError, TimeoutError, ConnectionError) as e:
        raise DocumentError(f"{url}: cannot fetch ({getattr(e, 'reason', e)})") from e
    if cache:
        cache.mkdir(parents=True, exist_ok=True)
        body_file.write_bytes(data)
        meta_file.write_text(
            json.dumps(
                {
                    "url": url,
                    "etag": etag,
                    "last_modified": modified,
                    "media_type": media_type,
                    "sha256": hashlib.sha256(data).hexdigest(),
                }
            )
        )
    return data, media_type
