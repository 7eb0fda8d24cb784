#!/usr/bin/python3
"""scikit-learn side of bench/rfe.ts: RFE(LogisticRegression(solver='liblinear'), n_features_to_select=K,
step=1) on the SAME preprocessed matrix the TypeScript side used (float64 row-major file written by
rfe.ts, already mean-imputed and standardised), timing only `RFE.fit`. Prints one JSON line.

  /usr/bin/python3 bench/rfe_peer.py --x X.f64 --y y.i32 --rows N --cols D --k 10 [--repeat R]
"""
import json
import sys
import time
import warnings

import numpy as np

from peer_matrix import load_matrix, matrix_parser, print_skipped


def main(argv=None):
    ap = matrix_parser(__doc__)
    ap.add_argument("--k", type=int, default=10)
    ap.add_argument("--repeat", type=int, default=1)
    a = ap.parse_args(argv)
    try:
        import sklearn
        from sklearn.feature_selection import RFE
        from sklearn.linear_model import LogisticRegression
    except ImportError as error:
        print_skipped(error)
        return 0
    X, y = load_matrix(a)
    times = []
    for _ in range(a.repeat):
        rfe = RFE(LogisticRegression(solver="liblinear"), n_features_to_select=a.k, step=1)
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            t0 = time.perf_counter()
            rfe.fit(X, y)
            times.append(time.perf_counter() - t0)
    print(json.dumps({
        "sklearn_version": sklearn.__version__,
        "seconds": times,
        "support": np.flatnonzero(rfe.support_).tolist(),
        "ranking": rfe.ranking_.tolist(),
        "warnings": sorted({str(w.message)[:120] for w in caught}),
    }))
    return 0


if __name__ == "__main__":
    sys.exit(main())
