#!/usr/bin/env python3
"""Throughput of Python `phonenumbers` (libphonenumber's port) on the benchmark's messy mix.

Regenerates exactly the inputs of Benchmarks/PhoneNumbersBenchmarks/MessyPhoneMix.swift (same seed and
generator) and runs parse + is_valid_number on each, as the Swift normaliser does in one call.

    pip install phonenumbers==9.0.43
    python3 Scripts/bench-phonenumbers.py [--dump FILE]
"""
import sys
import time

import phonenumbers

REGIONS = ["US", "CA", "GB", "DE", "FR", "AU", "IT", "ES", "NL", "SE"]
TEMPLATES = {
    "US": ("1", "1", ["415555XXXX", "201555XXXX", "312555XXXX", "800555XXXX"]),
    "CA": ("1", "1", ["416555XXXX", "604555XXXX", "514555XXXX"]),
    "GB": ("44", "0", ["20794XXXXX", "7700900XXX", "1614960XXX", "800XXXXXXX"]),
    "DE": ("49", "0", ["30XXXXXXXX", "151XXXXXXXX", "89XXXXXXX"]),
    "FR": ("33", "0", ["1XXXXXXXX", "6XXXXXXXX", "7XXXXXXXX"]),
    "AU": ("61", "0", ["2XXXXXXXX", "4XXXXXXXX", "3XXXXXXXX"]),
    "IT": ("39", "", ["06XXXXXXXX", "3XXXXXXXXX", "02XXXXXXXX"]),
    "ES": ("34", "", ["91XXXXXXX", "6XXXXXXXX"]),
    "NL": ("31", "0", ["20XXXXXXX", "6XXXXXXXX"]),
    "SE": ("46", "0", ["8XXXXXXX", "7XXXXXXXX"]),
}
MASK = (1 << 64) - 1


def group(digits, sizes):
    out, rest = [], digits
    for size in sizes:
        if not rest:
            break
        out.append(rest[:size])
        rest = rest[size:]
    if rest:
        out[-1] += rest
    return out


def make(count, seed=0x5EED):
    state = seed

    def nxt():
        nonlocal state
        state = (state * 6364136223846793005 + 1442695040888963407) & MASK
        return state >> 33

    inputs = []
    for _ in range(count):
        region = REGIONS[nxt() % len(REGIONS)]
        cc, trunk, nsns = TEMPLATES[region]
        template = nsns[nxt() % len(nsns)]
        nsn = "".join(str(nxt() % 10) if ch == "X" else ch for ch in template)
        national = nsn if trunk == "1" else trunk + nsn
        grouped = group(national, [3, 3, 4])
        roll = nxt() % 100
        if roll < 22: text = " ".join(grouped)
        elif roll < 34: text = "+" + cc + nsn
        elif roll < 44: text = "+" + cc + " " + " ".join(group(nsn, [3, 3, 4]))
        elif roll < 52:
            text = f"({nsn[:3]}) {nsn[3:6]}-{nsn[-4:]}" if region in ("US", "CA") else "-".join(grouped)
        elif roll < 60: text = national
        elif roll < 65: text = ".".join(grouped)
        elif roll < 70: text = " ".join(grouped) + " ext. " + str(nxt() % 9000 + 100)
        elif roll < 74: text = ("011 " if region in ("US", "CA") else "00 ") + "44 20 7946 " + str(nxt() % 9000 + 1000)
        elif roll < 77: text = "tel:+" + cc + "-" + "-".join(group(nsn, [3, 3, 4]))
        elif roll < 80: text = "+" + cc + " (0)" + nsn
        elif roll < 82: text = "\uff0b" + cc + "".join(chr(ord(d) - 0x30 + 0xFF10) for d in nsn)
        elif roll < 84: text = "1-800-FLOWERS"
        elif roll < 88: text = ""
        elif roll < 92: text = ["n/a", "none", "unknown", "refused", "-"][nxt() % 5]
        elif roll < 96: text = nsn[:nxt() % 6 + 2]
        else: text = national + str(nxt() % 1000)
        if nxt() % 20 == 0:
            text = "  " + text + " "
        inputs.append((text, region))
    return inputs


def main():
    inputs = make(100_000)
    if "--dump" in sys.argv:
        with open(sys.argv[sys.argv.index("--dump") + 1], "w") as f:
            for text, region in inputs:
                f.write(region + "\t" + text + "\n")
        return
    accepted = 0
    start = time.process_time()
    for text, region in inputs:
        try:
            n = phonenumbers.parse(text, region)
            if phonenumbers.is_valid_number(n):
                accepted += 1
        except phonenumbers.NumberParseException:
            pass
    elapsed = time.process_time() - start
    print(f"phonenumbers {phonenumbers.__version__}: {len(inputs)} inputs, {accepted} valid, "
          f"{len(inputs) / elapsed:,.0f} numbers per CPU-second")


if __name__ == "__main__":
    main()
