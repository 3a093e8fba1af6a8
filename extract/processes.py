"""Worker processes, forked where the system can: a forked worker starts at once with what its parent
had loaded (the spaCy model, the graph) instead of loading or receiving it again."""

from __future__ import annotations

import multiprocessing
from concurrent.futures import ProcessPoolExecutor

__all__ = ["PARALLEL_MINIMUM", "worker_pool"]

# Below this many tasks (documents to parse, meetings' parts to make), starting worker processes costs
# more than it saves: each is forked from the build, and a parsing one loads the model.
PARALLEL_MINIMUM = 16


def worker_pool(workers: int, **options) -> ProcessPoolExecutor:
    """A process pool of ``workers``, forked where possible; ``options`` as ProcessPoolExecutor takes them."""
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    return ProcessPoolExecutor(workers, mp_context=context, **options)
