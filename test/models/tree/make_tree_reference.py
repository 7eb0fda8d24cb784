"""Writes tree-reference.json: DecisionTreeClassifier (sklearn 1.2.1) on bundled datasets.

Only settings whose fitted tree is identical for random_state 0..19 are kept: with max_features=None
sklearn still visits features in a random order, so a tie for the best split would make the expected
tree depend on numpy's RNG, which modeldebug does not reproduce.
Run: /usr/bin/python3 test/models/tree/make_tree_reference.py
"""
import json
import pathlib

import numpy as np
import pandas as pd
import sklearn
from sklearn.datasets import make_classification
from sklearn.tree import DecisionTreeClassifier

root = pathlib.Path(__file__).resolve().parents[3]
SETTINGS = [
    ("wine.csv", dict(criterion="entropy", max_depth=2)),
    ("wine.csv", dict(criterion="gini", min_samples_leaf=15)),
    ("breast_cancer.csv", dict(criterion="gini", min_samples_leaf=30)),
    ("breast_cancer.csv", dict(criterion="entropy", min_samples_leaf=25, max_depth=4)),
    ("synthetic", dict(criterion="gini", min_samples_leaf=20)),
    ("synthetic", dict(criterion="entropy", min_samples_leaf=15, max_depth=5)),
    ("synthetic", dict(criterion="gini", min_samples_split=60, min_samples_leaf=12)),
    ("synthetic", dict(criterion="gini", min_samples_leaf=10, min_impurity_decrease=0.005)),
    ("synthetic", dict(criterion="gini", max_depth=3)),
]

# Continuous, independent features: no two features induce the same partition.
SYN_X, SYN_y = make_classification(
    n_samples=400, n_features=6, n_informative=4, n_redundant=0, n_classes=3, random_state=7
)
SYN_X = np.round(SYN_X, 6)

cases = []
for file, params in SETTINGS:
    if file == "synthetic":
        X, y = SYN_X, SYN_y
    else:
        frame = pd.read_csv(root / "datasets" / file)
        X = frame.drop(columns="target").to_numpy(dtype=float)
        y = frame["target"].to_numpy()
    trees = [DecisionTreeClassifier(random_state=seed, **params).fit(X, y) for seed in range(20)]
    first = trees[0].tree_
    stable = all(
        np.array_equal(t.tree_.feature, first.feature) and np.array_equal(t.tree_.threshold, first.threshold)
        for t in trees
    )
    if not stable:
        print("skipped (tie for a best split):", file, params)
        continue
    model = trees[0]
    value = first.value[:, 0, :]
    cases.append(
        {
            "dataset": file,
            "params": params,
            "children_left": first.children_left.tolist(),
            "children_right": first.children_right.tolist(),
            "feature": first.feature.tolist(),
            "threshold": first.threshold.tolist(),
            "impurity": first.impurity.tolist(),
            "n_node_samples": first.n_node_samples.tolist(),
            "value_proportions": (value / value.sum(axis=1, keepdims=True)).tolist(),
            "feature_importances": model.feature_importances_.tolist(),
            "predict": model.predict(X).tolist(),
            "depth": int(model.get_depth()),
            "n_leaves": int(model.get_n_leaves()),
        }
    )
    print("kept:", file, params, "nodes:", first.node_count)

out = {
    "sklearn_version": sklearn.__version__,
    "description": "DecisionTreeClassifier fitted on all rows of each dataset; trees identical for random_state 0..19",
    "synthetic": {"X": SYN_X.tolist(), "y": SYN_y.tolist(), "how": "make_classification(n_samples=400, n_features=6, n_informative=4, n_redundant=0, n_classes=3, random_state=7), rounded to 6 decimals"},
    "cases": cases,
}
(pathlib.Path(__file__).parent / "tree-reference.json").write_text(json.dumps(out))
