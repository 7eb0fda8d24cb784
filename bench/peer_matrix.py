"""What the matrix peers (logreg_peer.py, models_peer.py, rfe_peer.py, gradient_peer.py) share: the
command line naming the float64 row-major X file and int32 y file their TypeScript side wrote
(bench/shared/data.ts), reading them, the train/test cut, and the one JSON line that says scikit-learn is not importable, so the bench skips this side."""
import argparse
import json


def matrix_parser(doc):
    ap = argparse.ArgumentParser(description=doc, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--x", required=True)
    ap.add_argument("--y", required=True)
    ap.add_argument("--rows", type=int, required=True)
    ap.add_argument("--cols", type=int, required=True)
    return ap


def load_matrix(a):
    import numpy as np

    X = np.fromfile(a.x, dtype="<f8").reshape(a.rows, a.cols)
    y = np.fromfile(a.y, dtype="<i4")
    return X, y


def holdout_split(X, y):
    """The first 80% of rows to train on, the last 20% to predict (the TypeScript sides cut the same)."""
    cut = int(len(y) * 0.8)
    return X[:cut], y[:cut], X[cut:], y[cut:]


def print_skipped(error):
    print(json.dumps({"skipped": f"scikit-learn not importable: {error}"}))
