#!/usr/bin/python3
"""scikit-learn side of bench/models.ts, on the SAME preprocessed matrix (float64 row-major file written
by models.ts: mean-imputed, standardised). Train on the first 80% of rows, predict the last 20%; the
timed span is fit + predict. Prints one JSON line.

  /usr/bin/python3 bench/models_peer.py --x X.f64 --y y.i32 --rows N --cols D --repeat R [--skip-forest]
"""
import json
import os
import sys
import time

from peer_matrix import holdout_split, load_matrix, matrix_parser, print_skipped


def main(argv=None):
    ap = matrix_parser(__doc__)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--forest-repeat", type=int, default=1)
    ap.add_argument("--skip-forest", action="store_true")
    a = ap.parse_args(argv)
    try:
        import numpy as np
        import sklearn
        from sklearn.ensemble import HistGradientBoostingClassifier, RandomForestClassifier, VotingClassifier
        from sklearn.linear_model import LogisticRegression
        from sklearn.naive_bayes import GaussianNB
        from sklearn.tree import DecisionTreeClassifier
    except ImportError as error:
        print_skipped(error)
        return 0
    X, y = load_matrix(a)
    Xtr, ytr, Xte, yte = holdout_split(X, y)

    def timed(make, repeat):
        seconds = []
        for _ in range(repeat):
            model = make()
            t0 = time.perf_counter()
            model.fit(Xtr, ytr)
            predicted = model.predict(Xte)
            seconds.append(time.perf_counter() - t0)
        return {"seconds": seconds, "accuracy": float((predicted == yte).mean())}

    out = {"sklearn_version": sklearn.__version__, "load": os.getloadavg()[0], "results": {}}
    members = lambda: [  # noqa: E731
        ("lr", LogisticRegression()),
        ("gnb", GaussianNB()),
        ("tree", DecisionTreeClassifier(random_state=0)),
    ]
    out["results"]["voting_hard_lr_gnb_tree"] = timed(lambda: VotingClassifier(members(), voting="hard"), a.repeat)
    for name, make in [("lr", LogisticRegression), ("gnb", GaussianNB), ("tree", lambda: DecisionTreeClassifier(random_state=0))]:
        out["results"][f"member_{name}"] = timed(make, a.repeat)
    out["results"]["hgb_defaults"] = timed(lambda: HistGradientBoostingClassifier(random_state=0), a.repeat)
    if not a.skip_forest:
        out["results"]["forest_100_njobs2"] = timed(
            lambda: RandomForestClassifier(n_estimators=100, n_jobs=2, random_state=0), a.forest_repeat
        )
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
