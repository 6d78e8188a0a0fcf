#!/usr/bin/env python3
"""The scrub as a data engineer would write it with Polars, for Benchmarks/compare.sh.

The same rules as duckdb_scrub.py: US numbers normalised by a pattern, anti-join against the registry
and suppression list, gzip out (Python's gzip module at level 1, as Polars writes no gzip itself).

usage: polars_scrub.py LEADS.csv.gz REGISTRY.txt SUPPRESSION.txt OUT.csv.gz
"""
import gzip
import sys

import polars as pl

leads, registry, suppression, out = sys.argv[1:5]
frame = pl.read_csv(leads, infer_schema=False)
digits = (
    pl.col("phone").str.replace(r"\s*(x|ext\.?)\s*[0-9]+$", "").str.replace_all(r"[^0-9]", "")
)
frame = frame.with_columns(
    pl.when(pl.col("country") != "US").then(None)
    .when(digits.str.contains(r"^[2-9][0-9]{2}[2-9][0-9]{6}$")).then(pl.lit("+1") + digits)
    .when(digits.str.contains(r"^1[2-9][0-9]{2}[2-9][0-9]{6}$")).then(pl.lit("+") + digits)
    .otherwise(None)
    .alias("e164")
)
listed = pl.concat([
    pl.read_csv(registry, has_header=False, new_columns=["e164"], infer_schema=False),
    pl.read_csv(suppression, has_header=False, new_columns=["e164"], infer_schema=False),
])
clean = frame.join(listed, on="e164", how="anti")
with gzip.open(out, "wb", compresslevel=1) as sink:
    clean.write_csv(sink)
