"""pandas' side of the validate benchmark: what the seed project does before training.

Usage: python3 validate_peer.py <file.csv> — prints one JSON line with the wall time of the work
(excluding interpreter start and imports) and the counts, so both sides can be checked to agree.
"""
import json
import sys
import time

import pandas as pd

start = time.perf_counter()
data = pd.read_csv(sys.argv[1])
nulls = data.isnull().sum()
duplicates = int(data.duplicated().sum())
deduplicated = data.drop_duplicates()
seconds = time.perf_counter() - start
print(json.dumps({
    "seconds": seconds,
    "rows": len(data),
    "duplicates": duplicates,
    "rows_after_drop": len(deduplicated),
    "nulls": {name: int(n) for name, n in nulls.items()},
    "dtypes": {name: str(t) for name, t in data.dtypes.items()},
}))
