#!/usr/bin/python3
"""scikit-learn side of bench/logreg.ts: fits LogisticRegression on the SAME preprocessed matrix the
TypeScript side fitted (float64 row-major file written by logreg.ts, already mean-imputed and
standardised), timing only `fit`.  Prints one JSON line.

  /usr/bin/python3 bench/logreg_peer.py --x X.f64 --y y.i32 --rows N --cols D --repeat R
"""
import json
import sys
import time
import warnings

import numpy as np

from peer_matrix import load_matrix, matrix_parser, print_skipped


def main(argv=None):
    ap = matrix_parser(__doc__)
    ap.add_argument("--repeat", type=int, default=3)
    a = ap.parse_args(argv)
    try:
        import sklearn
        from sklearn.exceptions import ConvergenceWarning
        from sklearn.linear_model import LogisticRegression
        from sklearn.metrics import accuracy_score, log_loss
    except ImportError as error:
        print_skipped(error)
        return 0
    X, y = load_matrix(a)
    configs = {
        "l2_lbfgs_C1": dict(C=1.0),
        "l1_liblinear_C0.1": dict(C=0.1, penalty="l1", solver="liblinear"),
    }
    out = {"sklearn_version": sklearn.__version__, "results": {}}
    for name, params in configs.items():
        times = []
        for _ in range(a.repeat):
            model = LogisticRegression(**params)
            with warnings.catch_warnings(record=True) as caught:
                warnings.simplefilter("always", ConvergenceWarning)
                t0 = time.perf_counter()
                model.fit(X, y)
                times.append(time.perf_counter() - t0)
        proba = model.predict_proba(X)
        out["results"][name] = {
            "seconds": times,
            "accuracy": float(accuracy_score(y, model.predict(X))),
            "log_loss": float(log_loss(y, proba)),
            "n_iter": np.asarray(model.n_iter_).tolist(),
            "warnings": [str(w.message)[:120] for w in caught],
        }
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
