#!/usr/bin/env python3
"""Writes Tests/PhoneNumbersTests/Resources/phone-fuzz.jsonl: inputs generated here (not the shared
corpus) with libphonenumber's answers, so the accuracy test also covers inputs nobody hand-picked.

Numbers start from libphonenumber's example numbers for every type of every region in the data, with
random digits substituted and lengths changed, then are written in many styles (libphonenumber's own
formats, IDD prefixes of other regions, `+CC (0)`, `tel:` URIs, every extension label, full-width and
Arabic-Indic digits, vanity letters, odd separators) and read with a random default region.

    pip install phonenumbers==9.0.43
    python3 Scripts/make-phone-fuzz-corpus.py
"""
import json
import os
import random

import phonenumbers as pn
from phonenumbers import PhoneNumberFormat as F
from phonenumbers import PhoneNumberType as T
from phonenumbers import timezone

assert pn.__version__ == "9.0.43", pn.__version__
SEED = 20261129
COUNT = 12000
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "Tests", "PhoneNumbersTests", "Resources", "phone-fuzz.jsonl")
SCOPE = ["US", "CA", "PR", "VI", "GU", "AS", "MP", "AU", "GB", "IE", "FR", "DE", "ES", "IT", "NL", "BE", "AT",
         "CH", "SE", "DK", "NO", "FI", "PL", "PT", "NZ"]
REGIONS = sorted({r for s in SCOPE for r in pn.COUNTRY_CODE_TO_REGION_CODE[pn.country_code_for_region(s)]})
TYPES = [T.FIXED_LINE, T.MOBILE, T.TOLL_FREE, T.PREMIUM_RATE, T.SHARED_COST, T.VOIP, T.PERSONAL_NUMBER, T.PAGER,
         T.UAN, T.VOICEMAIL]
EXT_LABELS = [" x", " x ", " ext. ", " ext ", "ext", " extension ", ";ext=", " #", "#", " ~", ",,", ";", ",",
              " int ", " anexo ", " EXT: ", " Ext.", " - "]
WIDE = {str(d): chr(0xFF10 + d) for d in range(10)}
ARABIC = {str(d): chr(0x0660 + d) for d in range(10)}
KEYPAD = {"2": "ABC", "3": "DEF", "4": "GHI", "5": "JKL", "6": "MNO", "7": "PQRS", "8": "TUV", "9": "WXYZ"}

rng = random.Random(SEED)
examples = []
for region in REGIONS:
    for t in TYPES:
        n = pn.example_number_for_type(region, t)
        if n is not None:
            examples.append((region, n))


def mutate(n):
    digits = list(pn.national_significant_number(n))
    roll = rng.random()
    keep = rng.randint(1, min(4, len(digits)))
    for i in range(keep, len(digits)):
        digits[i] = str(rng.randint(0, 9))
    if roll < 0.08 and len(digits) > 4:
        del digits[rng.randrange(keep, len(digits))]
    elif roll < 0.16:
        digits.insert(rng.randrange(keep, len(digits) + 1), str(rng.randint(0, 9)))
    elif roll < 0.20:
        digits[0] = str(rng.randint(0, 9))
    m = pn.PhoneNumber(country_code=n.country_code, national_number=int("".join(digits)))
    if digits[0] == "0":
        m.italian_leading_zero = True
        zeros = len("".join(digits)) - len("".join(digits).lstrip("0"))
        if zeros > 1:
            m.number_of_leading_zeros = zeros
    return m


def styled(n, region):
    e164 = pn.format_number(n, F.E164)
    cc = str(n.country_code)
    nsn = pn.national_significant_number(n)
    national = pn.format_number(n, F.NATIONAL)
    intl = pn.format_number(n, F.INTERNATIONAL)
    other = rng.choice(REGIONS)
    idd = pn.PhoneMetadata.metadata_for_region(other).preferred_international_prefix or "00"
    styles = {
        "e164": e164,
        "intl": intl,
        "national": national,
        "rfc3966": pn.format_number(n, F.RFC3966),
        "nsn": nsn,
        "digits_national": "".join(ch for ch in national if ch.isdigit()),
        "cc_digits": cc + nsn,
        "idd": (idd + " " + intl[1:], other),
        "plus_cc_trunk": "+" + cc + " (0)" + nsn,
        "dots": ".".join(intl[1:].split(" ")),
        "dashes": "-".join(national.replace("(", "").replace(")", "").split()),
        "slashes": national.replace(" ", "/", 1),
        "parens": "(" + nsn[:3] + ") " + nsn[3:],
        "spaces": "  ".join(intl.split(" ")),
        "tel_context": "tel:" + nsn + ";phone-context=+" + cc,
        "nanp_1": "1 " + national,
    }
    name = rng.choice(list(styles))
    text = styles[name]
    default = region
    if isinstance(text, tuple):
        text, default = text
    elif rng.random() < 0.15:
        default = rng.choice(REGIONS)
    mods = []
    if rng.random() < 0.12:
        text += rng.choice(EXT_LABELS) + str(rng.randint(1, 10 ** rng.randint(1, 7)))
        mods.append("ext")
    if rng.random() < 0.05:
        text = "".join(WIDE.get(ch, ch) for ch in text)
        mods.append("fullwidth")
    elif rng.random() < 0.05:
        text = "".join(ARABIC.get(ch, ch) for ch in text)
        mods.append("arabic_indic")
    if rng.random() < 0.04:
        tail = [i for i, ch in enumerate(text) if ch in KEYPAD][-rng.randint(3, 5):]
        text = "".join(rng.choice(KEYPAD[ch]) if i in tail else ch for i, ch in enumerate(text))
        mods.append("vanity")
    if rng.random() < 0.08:
        text = rng.choice([" ", "  ", "Tel: ", "phone ", "\u00a0"]) + text + rng.choice(["", " ", ".", " ;", "  "])
        mods.append("pad")
    if rng.random() < 0.03:
        text = text.replace(" ", rng.choice(["\u2013", "\u00a0", "\u3000", "\u2212"]))
        mods.append("unicode_punct")
    return text, default, "+".join([name] + mods)


rows = []
while len(rows) < COUNT:
    region, example = rng.choice(examples)
    text, default, style = styled(mutate(example), region)
    answer = {"input": text, "default_region": default, "style": style, "e164": None, "region": None,
              "type": "UNKNOWN", "timezones": [], "extension": None}
    try:
        n = pn.parse(text, default)
        if pn.is_valid_number(n):
            answer.update(e164=pn.format_number(n, F.E164), region=pn.region_code_for_number(n),
                          type=T.to_string(pn.number_type(n)), timezones=list(timezone.time_zones_for_number(n)),
                          extension=n.extension)
    except pn.NumberParseException:
        pass
    rows.append(answer)

with open(OUT, "w") as out:
    out.write(json.dumps({"meta": {"generator": "Scripts/make-phone-fuzz-corpus.py", "seed": SEED,
                                   "phonenumbers_version": pn.__version__, "records": len(rows)}}) + "\n")
    for row in rows:
        out.write(json.dumps(row, ensure_ascii=False, sort_keys=True) + "\n")
print(f"wrote {OUT}: {len(rows)} rows, {sum(1 for r in rows if r['e164'])} valid")
