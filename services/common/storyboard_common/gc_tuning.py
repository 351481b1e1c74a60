"""Garbage-collector settings for long-running servers.

Request handling allocates many short-lived objects; with the default thresholds (700, 10, 10) the collector runs
every few requests and its pauses show up as tail latency (bench/rest_latency.py). Objects alive after start-up
(modules, descriptors, settings) are moved out of the collector's sight with gc.freeze(), and young collections
run less often. Reference counting still frees almost everything at once; only cycles wait longer.
"""

from __future__ import annotations

import gc

YOUNG_THRESHOLD = 50_000


def tune_for_serving() -> None:
    gc.collect()
    gc.freeze()
    gc.set_threshold(YOUNG_THRESHOLD, 20, 20)
