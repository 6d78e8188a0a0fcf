#!/usr/bin/env python3
"""Write the holiday fixture the CallingWindows tests compare against.

Usage:
    pip install 'holidays==0.109'
    python3 Scripts/generate-holiday-fixture.py > Tests/CallingWindowsTests/Fixtures/holidays-2025-2030.json

For every calendar in CALENDARS (our calendar id -> the `holidays` package's country and subdivision),
the fixture lists each date from 2025-01-01 to 2030-12-31 that the package reports as a public holiday,
with the package's name for it. Observed (substitute) days are included, as the package reports them.
Years 2024 and 2031 are computed too so that a substitute day that crosses a year end (US New Year's Day
observed on the Friday before) is present, then dates outside 2025-2030 are dropped.

The output is deterministic: keys are sorted and the JSON is written with a fixed layout.
"""
import json
import sys

import holidays

PINNED_VERSION = "0.109"

# Our calendar id -> (country, subdivision or None).
CALENDARS = {
    "AU": ("AU", None),
    "AU-ACT": ("AU", "ACT"),
    "AU-NSW": ("AU", "NSW"),
    "AU-NT": ("AU", "NT"),
    "AU-QLD": ("AU", "QLD"),
    "AU-SA": ("AU", "SA"),
    "AU-TAS": ("AU", "TAS"),
    "AU-VIC": ("AU", "VIC"),
    "AU-WA": ("AU", "WA"),
    "US": ("US", None),
    "US-AL": ("US", "AL"),
    "US-LA": ("US", "LA"),
    "US-PA": ("US", "PA"),
    "US-RI": ("US", "RI"),
    "US-UT": ("US", "UT"),
    "CA": ("CA", None),
    "CA-BC": ("CA", "BC"),
    "FR": ("FR", None),
    "ES": ("ES", None),
    "GB-EAW": ("GB", "ENG"),
}

FIRST_YEAR, LAST_YEAR = 2025, 2030


def main() -> int:
    if holidays.__version__ != PINNED_VERSION:
        sys.stderr.write(
            f"error: holidays {holidays.__version__} is installed; this fixture is pinned to {PINNED_VERSION}.\n"
            f"Run: pip install 'holidays=={PINNED_VERSION}'\n"
        )
        return 1
    out = {
        "generator": "Scripts/generate-holiday-fixture.py",
        "package": f"holidays=={holidays.__version__}",
        "first_year": FIRST_YEAR,
        "last_year": LAST_YEAR,
        "calendars": {},
    }
    for cal_id, (country, subdiv) in sorted(CALENDARS.items()):
        h = holidays.country_holidays(country, subdiv=subdiv, years=range(FIRST_YEAR - 1, LAST_YEAR + 2))
        days = {}
        for day, name in sorted(h.items()):
            if FIRST_YEAR <= day.year <= LAST_YEAR:
                days[day.isoformat()] = name
        out["calendars"][cal_id] = {"country": country, "subdivision": subdiv, "dates": days}
    json.dump(out, sys.stdout, indent=1, sort_keys=True, ensure_ascii=False)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
