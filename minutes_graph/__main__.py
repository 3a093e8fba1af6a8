"""``python -m minutes_graph``: the same as the ``minutes-graph`` command."""

from .cli import main

main()
