#!/usr/bin/env python3
"""Writes SampleData/leads.csv.gz: a small, deterministic, messy lead file for demos and tests.

Every phone number is from a range reserved for fiction or documentation (see SampleData/README.md),
so the file can be shared freely. Run from the repository root: python3 Scripts/generate-sample-data.py
"""
import gzip
import io
import random

rng = random.Random(20261129)

FIRST = ["Ada", "Grace", "Alan", "Linus", "Margaret", "Dennis", "Barbara", "Ken", "Frances", "Edsger",
         "Sophie", "Lucas", "Chloé", "Noah", "Olivia", "Jack", "Isla", "Mia", "Liam", "Zoë"]
LAST = ["Lovelace", "Hopper", "Turing", "Torvalds", "Hamilton", "Ritchie", "Liskov", "Thompson", "Allen",
        "Dijkstra", "Martin", "Bernard", "Dubois", "Smith", "Brown", "Wilson", "Taylor", "O'Brien", "Nguyen", "Müller"]
SOURCES = ["webform", "tradeshow", "partner", "referral", "import-2025"]

US_AREAS = [("212", "NY", "New York"), ("415", "CA", "San Francisco"), ("305", "FL", "Miami"),
            ("713", "TX", "Houston"), ("206", "WA", "Seattle"), ("860", "CT", "Hartford"),
            ("801", "UT", "Salt Lake City"), ("504", "LA", "New Orleans"), ("401", "RI", "Providence"),
            ("312", "IL", "Chicago"), ("907", "AK", "Anchorage"), ("808", "HI", "Honolulu")]
CA_AREAS = [("416", "ON", "Toronto"), ("604", "BC", "Vancouver"), ("514", "QC", "Montreal"), ("403", "AB", "Calgary")]
AU_LANDLINE = [("02", "NSW", "Sydney", "2000"), ("03", "VIC", "Melbourne", "3000"),
               ("07", "QLD", "Brisbane", "4000"), ("08", "WA", "Perth", "6000")]
# ACMA's numbers for use in creative works (mobile range 0491 570 xxx ... 0491 579 xxx, selected numbers).
AU_MOBILES = ["0491570006", "0491570156", "0491570157", "0491570158", "0491570159", "0491570110",
              "0491570313", "0491570737", "0491571266", "0491571491", "0491571804", "0491572549"]
# Ofcom's drama numbers: geographic 0113/0114/0115/0116/0117/0118/0121/0131/0141/0151/0161 496 0xxx,
# London 020 7946 0xxx, mobile 07700 900xxx (not valid for calling by design).
UK_GEO = [("0113", "496"), ("0121", "496"), ("0131", "496"), ("0141", "496"), ("0161", "496")]


def nanp(area):
    line = "01%02d" % rng.randrange(100)
    styles = [
        "({a}) 555-{l}", "{a}.555.{l}", "+1 {a} 555 {l}", "1-{a}-555-{l}", "{a}555{l}",
        "tel:+1-{a}-555-{l}", "({a}) 555-{l} x{e}", "+1 ({a}) 555-{l}", "001 {a} 555 {l}", "{a}-555-{l}",
    ]
    return rng.choice(styles).format(a=area, l=line, e=rng.randrange(10, 999))


def uk():
    kind = rng.random()
    if kind < 0.45:
        code, mid = rng.choice(UK_GEO)
        n = "%s %s 0%03d" % (code, mid, rng.randrange(1000))
        return rng.choice([n, "+44 (0)" + n[1:], "+44 " + n[1:], n.replace(" ", "")])
    if kind < 0.8:
        n = "020 7946 0%03d" % rng.randrange(1000)
        return rng.choice([n, "+44 20 7946 0%03d" % rng.randrange(1000), "0044 20 7946 0%03d" % rng.randrange(1000)])
    return rng.choice(["07700 900%03d", "+44 7700 900%03d"]) % rng.randrange(1000)


def au(state_index):
    if rng.random() < 0.5:
        m = rng.choice(AU_MOBILES)
        return rng.choice([m, "%s %s %s" % (m[:4], m[4:7], m[7:]), "+61 %s %s %s" % (m[1:4], m[4:7], m[7:]),
                           "0011 61 " + m[1:]])
    prefix = AU_LANDLINE[state_index][0]
    n = "5550 %04d" % rng.randrange(10000)
    return rng.choice(["(%s) %s" % (prefix, n), "%s %s" % (prefix, n), "+61 %s %s" % (prefix[1], n)])


def fr():
    # ARCEP's numbers reserved for fiction: 01 99 00 xx xx (and 06 39 98 xx xx, not valid for calling).
    if rng.random() < 0.85:
        n = "01 99 00 %02d %02d" % (rng.randrange(100), rng.randrange(100))
        return rng.choice([n, n.replace(" ", "."), "+33 " + n[1:], "+33 (0)" + n[1:], "0033" + n[1:].replace(" ", "")])
    return "06 39 98 %02d %02d" % (rng.randrange(100), rng.randrange(100))


rows = []
for i in range(1, 301):
    first, last = rng.choice(FIRST), rng.choice(LAST)
    country = rng.choices(["US", "CA", "AU", "GB", "FR"], weights=[40, 12, 20, 16, 12])[0]
    if country == "US":
        area, state, city = rng.choice(US_AREAS)
        phone, postcode = nanp(area), "%05d" % rng.randrange(10000, 99999)
        address = "%d Main St" % rng.randrange(1, 9999)
    elif country == "CA":
        area, state, city = rng.choice(CA_AREAS)
        phone, postcode = nanp(area), rng.choice(["M5V 2T6", "V6B 1A1", "H2X 1Y4", "T2P 1J9"])
        address = "%d King St W" % rng.randrange(1, 999)
    elif country == "AU":
        index = rng.randrange(len(AU_LANDLINE))
        _, state, city, postcode = AU_LANDLINE[index]
        phone = au(index)
        address = "%d George St" % rng.randrange(1, 500)
    elif country == "GB":
        state, city, postcode = "", rng.choice(["London", "Leeds", "Manchester"]), "SW1A 1AA"
        phone, address = uk(), "%d High Street" % rng.randrange(1, 300)
    else:
        state, city, postcode = "", "Paris", "750%02d" % rng.randrange(1, 21)
        phone, address = fr(), "%d rue de Rivoli" % rng.randrange(1, 200)
    if rng.random() < 0.12:
        address = "%s, Apt %d" % (address, rng.randrange(1, 40))  # a delimiter inside a quoted field
    if rng.random() < 0.03:
        address = "%s\nBuilding %s" % (address, rng.choice("ABC"))  # a line break inside a quoted field
    if rng.random() < 0.03:
        phone = ""
    elif rng.random() < 0.03:
        phone = rng.choice(["n/a", "call me", "12345", "+999 1234 5678", "0000000000000000000"])
    email = "%s.%s@example.com" % (first.lower().replace("'", ""), last.lower().replace("'", ""))
    created = "2026-%02d-%02dT%02d:%02d:00Z" % (rng.randrange(1, 12), rng.randrange(1, 29), rng.randrange(24), rng.randrange(60))
    rows.append([str(i), first, last, phone, email, address, city, state, postcode, country, rng.choice(SOURCES), created])

# Duplicates: the same people again, with their numbers written another way.
for i in (5, 17, 42):
    again = list(rows[i])
    again[0] = str(len(rows) + 1)
    rows.append(again)


def encode(row):
    out = []
    for field in row:
        if any(c in field for c in ',"\n\r'):
            field = '"' + field.replace('"', '""') + '"'
        out.append(field)
    return ",".join(out)


header = ["id", "first_name", "last_name", "phone", "email", "address", "city", "state", "postcode",
          "country", "source", "created_at"]
lines = [encode(header)] + [encode(r) for r in rows]
text = "\n".join(lines) + "\n"
data = text.encode("utf-8")
# Deliberately messy rows: a Latin-1 name from an old CRM, a short row, and an unclosed quote.
data += "304,Jos\xe9,Garc\xeda,(415) 555-0199,jose@example.com,1 Elm St,San Francisco,CA,94103,US,import-2025,2026-01-02T10:00:00Z\n".encode("latin-1")
data += b"305,Short,Row,(212) 555-0101\n"
data += b'306,"Unclosed,Quote,(305) 555-0150,uq@example.com,2 Bay Rd,Miami,FL,33101,US,webform,2026-02-03T11:00:00Z\n'
data += b"307,Last,Row,+1 713 555 0177,last@example.com,9 Oak St,Houston,TX,77002,US,partner,2026-03-04T12:00:00Z\n"

buffer = io.BytesIO()
with gzip.GzipFile(fileobj=buffer, mode="wb", mtime=0, filename="") as f:
    f.write(data)
open("SampleData/leads.csv.gz", "wb").write(buffer.getvalue())
print("wrote SampleData/leads.csv.gz: %d bytes raw, %d compressed" % (len(data), len(buffer.getvalue())))
