#!/usr/bin/env python3
"""Writes libphonenumber's answers for the corpus's `tabs`-style inputs with each tab read as a space.

libphonenumber refuses numbers split by tabs; Capantra Scrub accepts tabs as separators, so the accuracy
test scores those rows against their tab-free form. Run after updating the corpus:

    pip install phonenumbers==9.0.43
    python3 Scripts/make-tabs-oracle.py
"""
import json
import os

import phonenumbers
from phonenumbers import timezone

HERE = os.path.dirname(os.path.abspath(__file__))
RESOURCES = os.path.join(HERE, "..", "Tests", "PhoneNumbersTests", "Resources")

assert phonenumbers.__version__ == "9.0.43", phonenumbers.__version__
with open(os.path.join(RESOURCES, "phone-normalization.jsonl")) as f, \
        open(os.path.join(RESOURCES, "phone-normalization-tabs.jsonl"), "w") as out:
    next(f)
    for line in f:
        row = json.loads(line)
        if not row["style"].startswith("tabs"):
            continue
        text = row["input"].replace("\t", " ")
        answer = {"input": row["input"], "tab_free": text, "e164": None, "region": None, "type": "UNKNOWN",
                  "timezones": [], "extension": None}
        try:
            n = phonenumbers.parse(text, row["default_region"])
            if phonenumbers.is_valid_number(n):
                answer.update(e164=phonenumbers.format_number(n, phonenumbers.PhoneNumberFormat.E164),
                              region=phonenumbers.region_code_for_number(n),
                              type=phonenumbers.PhoneNumberType.to_string(phonenumbers.number_type(n)),
                              timezones=list(timezone.time_zones_for_number(n)), extension=n.extension)
        except phonenumbers.NumberParseException:
            pass
        out.write(json.dumps(answer, sort_keys=True) + "\n")
