#!/usr/bin/python3
"""scikit-learn side of bench/gradient.ts, on the SAME preprocessed matrix (float64 row-major file written
by gradient.ts: mean-imputed, standardised). Train on the first 80% of rows, predict the last 20%; the
timed span is fit + predict (wall time, and CPU time of every thread of the process). Settings (the
TypeScript side uses the same):

  mlp: MLPClassifier(hidden_layer_sizes=(100,), solver="adam", batch_size=64, max_iter=20,
       n_iter_no_change=20, early_stopping=False, random_state=r)  -> exactly 20 epochs
  sgd: SGDClassifier(loss="log_loss", max_iter=10, tol=None, random_state=r)  -> exactly 10 epochs
  hgb: HistGradientBoostingClassifier(random_state=r)  -> defaults, early stopping on (80k rows)

Repeat r uses random_state=r; the accuracy is the mean over the repeats (see gradient.ts for why).

Prints one JSON line.

  /usr/bin/python3 bench/gradient_peer.py --x X.f64 --y y.i32 --rows N --cols D [--mlp-repeat R] [--sgd-repeat R] [--hgb-repeat R]
"""
import json
import os
import resource
import sys
import time
import warnings

from peer_matrix import holdout_split, load_matrix, matrix_parser, print_skipped


def cpu_time():
    """User + system CPU seconds of every thread of this process (OpenMP's and BLAS's included)."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def main(argv=None):
    ap = matrix_parser(__doc__)
    ap.add_argument("--mlp-repeat", type=int, default=1)
    ap.add_argument("--sgd-repeat", type=int, default=5)
    ap.add_argument("--hgb-repeat", type=int, default=1)
    a = ap.parse_args(argv)
    try:
        import sklearn
        from sklearn.exceptions import ConvergenceWarning
        from sklearn.ensemble import HistGradientBoostingClassifier
        from sklearn.linear_model import SGDClassifier
        from sklearn.neural_network import MLPClassifier
    except ImportError as error:
        print_skipped(error)
        return 0
    X, y = load_matrix(a)
    Xtr, ytr, Xte, yte = holdout_split(X, y)

    def timed(make, repeat):
        seconds = []
        cpu_seconds = []
        accuracies = []
        for r in range(repeat):
            model = make(r)
            t0 = time.perf_counter()
            c0 = cpu_time()
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", ConvergenceWarning)
                model.fit(Xtr, ytr)
            predicted = model.predict(Xte)
            seconds.append(time.perf_counter() - t0)
            cpu_seconds.append(cpu_time() - c0)
            accuracies.append(float((predicted == yte).mean()))
        return {"seconds": seconds, "cpuSeconds": cpu_seconds, "accuracy": sum(accuracies) / repeat, "epochs": int(model.n_iter_)}

    out = {"sklearn_version": sklearn.__version__, "load": os.getloadavg()[0], "results": {}}
    if a.mlp_repeat > 0:
        out["results"]["mlp_100_adam_b64_20ep"] = timed(
            lambda r: MLPClassifier(
                hidden_layer_sizes=(100,),
                solver="adam",
                batch_size=64,
                max_iter=20,
                n_iter_no_change=20,
                early_stopping=False,
                random_state=r,
            ),
            a.mlp_repeat,
        )
    if a.sgd_repeat > 0:
        out["results"]["sgd_log_loss_10ep"] = timed(
            lambda r: SGDClassifier(loss="log_loss", max_iter=10, tol=None, random_state=r), a.sgd_repeat
        )
    if a.hgb_repeat > 0:
        out["results"]["hgb_defaults"] = timed(
            lambda r: HistGradientBoostingClassifier(random_state=r), a.hgb_repeat
        )
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
