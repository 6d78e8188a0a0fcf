#!/usr/bin/env python3
"""The scrub as a data engineer would write it in DuckDB, for Benchmarks/compare.sh.

US numbers are normalised by a pattern (extension dropped, digits kept, 10 digits or 1 + 10 digits),
rows whose number is on the registry or suppression list are dropped (anti-join), and the rest is
written gzipped with an `e164` column added. Other regions pass through unnormalised.

usage: duckdb_scrub.py LEADS.csv.gz REGISTRY.txt SUPPRESSION.txt OUT.csv.gz
"""
import sys

import duckdb

leads, registry, suppression, out = sys.argv[1:5]
con = duckdb.connect()
con.execute(f"""
COPY (
    WITH leads AS (
        SELECT * FROM read_csv('{leads}', header = true, all_varchar = true, quote = '"', escape = '"')
    ),
    normalised AS (
        SELECT *,
            CASE WHEN country = 'US' THEN
                regexp_replace(regexp_replace(phone, '\\s*(x|ext\\.?)\\s*[0-9]+$', ''), '[^0-9]', '', 'g')
            END AS digits
        FROM leads
    ),
    numbered AS (
        SELECT * EXCLUDE (digits),
            CASE
                WHEN length(digits) = 10 AND digits ~ '^[2-9][0-9]{{2}}[2-9][0-9]{{6}}$' THEN '+1' || digits
                WHEN length(digits) = 11 AND digits ~ '^1[2-9][0-9]{{2}}[2-9][0-9]{{6}}$' THEN '+' || digits
            END AS e164
        FROM normalised
    ),
    listed AS (
        SELECT column0 AS e164 FROM read_csv('{registry}', header = false, columns = {{'column0': 'VARCHAR'}})
        UNION ALL
        SELECT column0 FROM read_csv('{suppression}', header = false, columns = {{'column0': 'VARCHAR'}})
    )
    SELECT * FROM numbered
    WHERE e164 IS NULL OR e164 NOT IN (SELECT e164 FROM listed)
) TO '{out}' (FORMAT csv, HEADER, COMPRESSION gzip)
""")
