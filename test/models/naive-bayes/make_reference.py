"""Writes nb-knn-reference.json: MultinomialNB on digits (pixel counts 0..16) and GaussianNB on wine, and
KNeighborsClassifier variants on standardised wine, all fitted on rows with index % 4 != 0 and evaluated
on the rest (sklearn 1.2.1). Run: /usr/bin/python3 test/models/naive-bayes/make_reference.py
"""
import json
import pathlib

import numpy as np
import pandas as pd
import sklearn
from sklearn.naive_bayes import GaussianNB, MultinomialNB
from sklearn.neighbors import KNeighborsClassifier

root = pathlib.Path(__file__).resolve().parents[3]


def load(name):
    frame = pd.read_csv(root / "datasets" / name)
    X = frame.drop(columns="target").to_numpy(dtype=float)
    y = frame["target"].to_numpy()
    test = np.arange(len(y)) % 4 == 0
    return X[~test], y[~test], X[test], y[test]


cases = []
Xtr, ytr, Xte, yte = load("digits.csv")
for params in [dict(), dict(alpha=0.1), dict(alpha=2.0, fit_prior=False)]:
    model = MultinomialNB(**params).fit(Xtr, ytr)
    cases.append({"model": "mnb", "dataset": "digits.csv", "params": params,
                  "feature_log_prob": model.feature_log_prob_.tolist(),
                  "class_log_prior": model.class_log_prior_.tolist(),
                  "predict": model.predict(Xte).tolist(),
                  "predict_proba": model.predict_proba(Xte).tolist()})

Xtr, ytr, Xte, yte = load("wine.csv")
for params in [dict(), dict(var_smoothing=1e-3)]:
    model = GaussianNB(**params).fit(Xtr, ytr)
    cases.append({"model": "gnb", "dataset": "wine.csv", "params": params,
                  "theta": model.theta_.tolist(), "var": model.var_.tolist(),
                  "predict": model.predict(Xte).tolist(), "predict_proba": model.predict_proba(Xte).tolist()})

mean, std = Xtr.mean(axis=0), Xtr.std(axis=0)
Ztr, Zte = (Xtr - mean) / std, (Xte - mean) / std
for params in [dict(n_neighbors=7, weights="distance"), dict(n_neighbors=4, p=1), dict(n_neighbors=3, metric="chebyshev"),
               dict(n_neighbors=6, weights="distance", p=3)]:
    model = KNeighborsClassifier(**params).fit(Ztr, ytr)
    dist, _ = model.kneighbors(Zte, n_neighbors=params["n_neighbors"] + 1)
    k = params["n_neighbors"]
    ties = np.where(np.isclose(dist[:, k - 1], dist[:, k], rtol=1e-12, atol=0))[0].tolist()
    cases.append({"model": "knn", "dataset": "wine.csv", "params": params, "standardise": "train mean / population std",
                  "predict": model.predict(Zte).tolist(), "predict_proba": model.predict_proba(Zte).tolist(),
                  "tie_rows": ties})

out = {"sklearn_version": sklearn.__version__, "split": "test rows: index % 4 == 0", "cases": cases}
(pathlib.Path(__file__).parent / "nb-knn-reference.json").write_text(json.dumps(out))
print(len(cases), "cases; knn tie rows:", [c.get("tie_rows") for c in cases if c["model"] == "knn"])
