"""Seconds spent per stage of a build (read, chunk+date, keywords, embed, vectors, write), for
`qa build --json` and `--verbose`: measured where each stage runs, added up by name."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

STAGES = ("read", "chunk+date", "keywords", "embed", "vectors", "write")


@dataclass
class Stages:
    seconds: dict[str, float] = field(default_factory=dict)

    @contextmanager
    def time(self, name: str) -> Iterator[None]:
        t0 = time.perf_counter()
        try:
            yield
        finally:
            self.seconds[name] = self.seconds.get(name, 0.0) + time.perf_counter() - t0

    def table(self) -> dict[str, float]:
        """Every stage in build order (0 for one that did not run), rounded to the millisecond."""
        names = list(STAGES) + [n for n in self.seconds if n not in STAGES]
        return {n: round(self.seconds.get(n, 0.0), 3) for n in names}
