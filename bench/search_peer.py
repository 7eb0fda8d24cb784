#!/usr/bin/python3
"""Python peer for bench/search.ts: GridSearchCV and learning_curve as a scikit-learn user writes them.

  /usr/bin/python3 search_peer.py DATA.csv --label target --n-jobs 2

Pipeline(SimpleImputer(mean), StandardScaler, LogisticRegression(solver='liblinear')), grid C x penalty,
StratifiedKFold(5), scoring accuracy, refit=True, on every row of the file; then learning_curve of the
best pipeline with train_sizes=linspace(0.1, 1.0, 5) on the same folds. Prints ONE JSON line.
"""
import argparse
import json
import time

import numpy as np
import pandas as pd
import sklearn
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GridSearchCV, StratifiedKFold, learning_curve
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import StandardScaler


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("csv")
    ap.add_argument("--label", required=True)
    ap.add_argument("--n-jobs", type=int, default=2)
    a = ap.parse_args()
    df = pd.read_csv(a.csv)
    X = df.drop(columns=[a.label]).to_numpy(dtype=np.float64)
    y = df[a.label].to_numpy()
    cv = StratifiedKFold(n_splits=5)
    pipe = Pipeline([("impute", SimpleImputer(strategy="mean")), ("scale", StandardScaler()),
                     ("lr", LogisticRegression(solver="liblinear"))])
    grid = {"lr__C": [0.01, 0.1, 1, 10], "lr__penalty": ["l1", "l2"]}
    start = time.perf_counter()
    gs = GridSearchCV(pipe, grid, cv=cv, scoring="accuracy", n_jobs=a.n_jobs, refit=True)
    gs.fit(X, y)
    grid_seconds = time.perf_counter() - start
    start = time.perf_counter()
    sizes, train, test = learning_curve(gs.best_estimator_, X, y, cv=cv,
                                        train_sizes=np.linspace(0.1, 1.0, 5), n_jobs=a.n_jobs)
    curve_seconds = time.perf_counter() - start
    print(json.dumps({
        "sklearn_version": sklearn.__version__,
        "grid_seconds": grid_seconds,
        "curve_seconds": curve_seconds,
        "best_params": {k.replace("lr__", ""): v for k, v in gs.best_params_.items()},
        "best_score": gs.best_score_,
        "mean_test_score": gs.cv_results_["mean_test_score"].tolist(),
        "train_sizes": sizes.tolist(),
        "test_scores_mean": test.mean(axis=1).tolist(),
    }))


if __name__ == "__main__":
    main()
