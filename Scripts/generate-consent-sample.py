#!/usr/bin/env python3
"""Writes the consent-campaign sample (Pipelines/consent-campaign.yaml) into SampleData/.

- consent-leads.csv: 26 leads with consent and business-relationship (EBR) columns, one for each case
  the campaign of 2026-12-01 decides (exemptions at their 18- and 3-month boundaries, consent regions,
  frequency caps at theirs, an internal opt-out beside an EBR).
- call-history.csv.gz: the dialer's call log (gzip with a zero time stamp, so the bytes are reproducible).
- optout-journal.jsonl: a hash-chained opt-out journal of three events, and optout-journal.idx, the
  suppression index compiled from its first two, so the run reports one event not yet compiled.

Deterministic: every run writes the same bytes. Usage, from the repository root:
    python3 Scripts/generate-consent-sample.py [path/to/scrub]   # default: .build/release/scrub
Every number is in a range reserved for fiction (SampleData/README.md).
"""
import gzip
import hashlib
import io
import json
import os
import shutil
import subprocess
import sys
import tempfile

root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
data = os.path.join(root, "SampleData")
scrub = sys.argv[1] if len(sys.argv) > 1 else os.path.join(root, ".build/release/scrub")

# id, name, phone, country, state, consent_at, consent_ref, ebr_date, ebr_type, what the run decides
leads = [
    ("1", "Avery", "(212) 555-0132", "US", "NY", "", "", "2025-06-01", "purchase", "registry; EBR purchase exactly 18 months"),
    ("2", "Blake", "713-555-0118", "US", "TX", "", "", "2025-05-31", "purchase", "registry; EBR ended 2026-11-30"),
    ("3", "Casey", "312.555.0114", "US", "IL", "", "", "2026-09-01", "inquiry", "registry; inquiry exactly 3 months"),
    ("4", "Devon", "+1 312 555 0166", "US", "IL", "", "", "2026-08-31", "inquiry", "registry; inquiry a day over"),
    ("5", "Emery", "415 555 0108", "US", "CA", "2026-05-02T10:15:00Z", "form-1182", "", "", "registry; written consent"),
    ("6", "Finley", "415-555-0173", "US", "CA", "", "", "2026-10-01", "purchase", "journal opt-out beats the EBR"),
    ("7", "Gray", "212 555 0150", "US", "NY", "", "", "", "", "clean"),
    ("8", "Harper", "305 555 0142", "US", "FL", "", "", "", "", "FL: 3 calls in 24 h"),
    ("9", "Indy", "305 555 0143", "US", "FL", "", "", "", "", "FL: 2 calls; clean"),
    ("10", "Jules", "410 555 0111", "US", "MD", "", "", "", "", "MD: oldest call exactly 24 h before"),
    ("11", "Kai", "+33 1 99 00 12 34", "FR", "", "2026-09-14T08:00:00+02:00", "optin-77", "", "", "FR consent"),
    ("12", "Lou", "+33 1 99 00 12 35", "FR", "", "", "", "", "", "FR without consent"),
    ("13", "Morgan", "+33 1 99 00 12 36", "FR", "", "2026-03-01", "optin-78", "", "", "FR refused 40 days ago"),
    ("14", "Noor", "+49 30 901820", "DE", "", "2025-11-30", "dsgvo-311", "", "", "DE consent"),
    ("15", "Oak", "+49 30 23125 123", "DE", "", "", "", "2026-11-01", "purchase", "DE: an EBR is not consent"),
    ("16", "Parker", "+31 20 794 0123", "NL", "", "2026-12-05", "nl-9", "", "", "NL consent after the campaign date"),
    ("17", "Quinn", "+34 912 345 678", "ES", "", "2026-10-10", "", "", "", "ES consent without evidence"),
    ("18", "Reese", "+34 912 345 679", "ES", "", "2026-10-10", "es-12", "", "", "ES consent"),
    ("19", "Sage", "604 555 0100", "CA", "BC", "", "", "", "", "BC: called 10 days ago; same offer"),
    ("20", "Tatum", "604 555 0101", "CA", "BC", "", "", "", "", "BC: called 10 days ago; other offer"),
    ("21", "Uma", "212 555 0160", "US", "NY", "", "", "", "", "opted out; not yet compiled"),
    ("22", "Gray", "+1 212 555 0150", "US", "NY", "", "", "", "", "duplicate of 7"),
    ("23", "Vale", "+44 20 7946 0123", "GB", "", "", "", "", "", "clean"),
    ("24", "Wren", "212 555 0170", "US", "NY", "", "", "", "", "house cap: 4 calls in 7 days"),
    ("25", "Xan", "n/a", "US", "NY", "", "", "", "", "invalid"),
    ("26", "Yael", "(212) 555-0199", "US", "NY", "2026-11-01", "form-1200", "", "", "journal opt-out beats consent"),
]
with open(os.path.join(data, "consent-leads.csv"), "w", newline="") as f:
    f.write("id,name,phone,country,state,consent_at,consent_ref,ebr_date,ebr_type,note\n")
    for row in leads:
        assert not any("," in field for field in row)
        f.write(",".join(row) + "\n")

calls = [
    ("+13055550142", "2026-11-30T15:00:00Z", "NO_ANSWER", "winter-promo"),
    ("+13055550142", "2026-11-30T18:00:00Z", "NO_ANSWER", "winter-promo"),
    ("(305) 555-0142", "2026-11-30T21:00:00Z", "CALLBACK", "winter-promo"),
    ("+13055550143", "2026-11-30T15:00:00Z", "NO_ANSWER", "winter-promo"),
    ("+13055550143", "2026-11-30T18:00:00Z", "NO_ANSWER", "winter-promo"),
    ("+14105550111", "2026-11-30T00:00:00Z", "NO_ANSWER", "winter-promo"),
    ("+14105550111", "2026-11-30T12:00:00Z", "NO_ANSWER", "winter-promo"),
    ("+14105550111", "2026-11-30T13:00:00Z", "BUSY", "winter-promo"),
    ("+33199001236", "2026-10-22T10:00:00Z", "REFUSED", "winter-promo"),
    ("+16045550100", "2026-11-21T17:00:00Z", "NO_ANSWER", "winter-promo"),
    ("+16045550101", "2026-11-21T17:00:00Z", "NO_ANSWER", "autumn-promo"),
    ("+12125550170", "2026-11-24T14:00:00Z", "NO_ANSWER", "autumn-promo"),
    ("+12125550170", "2026-11-25T14:00:00Z", "NO_ANSWER", "autumn-promo"),
    ("+12125550170", "2026-11-26T14:00:00Z", "NO_ANSWER", "autumn-promo"),
    ("+12125550170", "2026-11-29T14:00:00Z", "CALLBACK", "winter-promo"),
    ("+12125550150", "2026-06-01T14:00:00Z", "SALE", "summer-promo"),  # before the caps' window
]
buffer = io.BytesIO()
with gzip.GzipFile(fileobj=buffer, mode="wb", mtime=0, filename="") as f:
    f.write(b"phone,called_at,outcome,offer\n")
    for number, time, outcome, offer in calls:
        field = f'"{number}"' if "," in number else number
        f.write(f"{field},{time},{outcome},{offer}\n".encode())
with open(os.path.join(data, "call-history.csv.gz"), "wb") as f:
    f.write(buffer.getvalue())

# (time, number, e164, channel, reason, evidence)
events = [
    ("2026-11-02T14:03:00Z", "415-555-0173", "+14155550173", "call", "asked on the call", "rec-88213"),
    ("2026-11-10T09:30:00Z", "+1 212 555 0199", "+12125550199", "web", "unsubscribe form", "ticket-4410"),
    ("2026-11-28T16:20:00Z", "212 555 0160", "+12125550160", "sms", "replied STOP", "sms-5521"),
]
lines = []
previous = "0" * 64
for time, number, e164, channel, reason, evidence in events:
    record = {
        "actor": "sample", "channel": channel, "e164": e164, "event": "opt_out", "evidence": evidence,
        "number": number, "prev_sha256": previous, "reason": reason, "recorded_at": time, "scope": "all",
        "time": time, "version": 1,
    }
    line = json.dumps(record, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    previous = hashlib.sha256(line.encode()).hexdigest()
    lines.append(line)
journal = os.path.join(data, "optout-journal.jsonl")
with open(journal, "w") as f:
    f.write("".join(line + "\n" for line in lines))

# The index as compiled on 2026-11-27, before the third event: a copy of the first two lines, same name.
with tempfile.TemporaryDirectory() as scratch:
    earlier = os.path.join(scratch, "optout-journal.jsonl")
    with open(earlier, "w") as f:
        f.write("".join(line + "\n" for line in lines[:2]))
    subprocess.run([scrub, "optout", "compile", earlier, "--output", os.path.join(data, "optout-journal.idx")],
                   check=True)
