#!/usr/bin/python3
"""Writes extra-reference.json next to this file: scikit-learn 1.2.1 (Debian's /usr/bin/python3) fits for
the LogisticRegression options the shared fixtures do not cover — class weights (balanced and dict,
including liblinear's one-vs-rest weighting), multi_class='ovr' with lbfgs, and multi_class='multinomial'
on two classes. Same preprocessing as the shared fixtures: StandardScaler fitted on all rows.

lbfgs stops early (see the shared README), so every lbfgs case is also polished with scipy's L-BFGS-B
from sklearn's solution on the same objective (`refined`); liblinear cases use tol=1e-12.

  /usr/bin/python3 test/models/logistic-regression/make_extra_reference.py
"""
import json
import os

import numpy as np
import sklearn
from scipy.optimize import minimize
from scipy.special import logsumexp
from sklearn.linear_model import LogisticRegression
from sklearn.preprocessing import StandardScaler

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "..", "..", "..", "datasets")


def load(name, rows=None):
    raw = np.genfromtxt(os.path.join(DATA, name), delimiter=",", skip_header=1)
    if rows is not None:
        raw = raw[rows]
    X, y = raw[:, :-1], raw[:, -1].astype(int)
    return StandardScaler().fit_transform(X), y


def refine_multinomial(X, y, C, sw, W0, b0):
    classes = np.unique(y)
    K, d = len(classes), X.shape[1]
    Y = (y[:, None] == classes[None, :]).astype(float)

    def f(theta):
        W = theta[: K * d].reshape(K, d)
        b = theta[K * d:]
        Z = X @ W.T + b
        lse = logsumexp(Z, axis=1)
        P = np.exp(Z - lse[:, None])
        loss = C * np.sum(sw * (lse - np.sum(Y * Z, axis=1))) + 0.5 * np.sum(W * W)
        R = C * sw[:, None] * (P - Y)
        return loss, np.concatenate([(R.T @ X + W).ravel(), R.sum(axis=0)])

    theta = np.concatenate([W0.ravel(), b0])
    res = minimize(f, theta, jac=True, method="L-BFGS-B", options={"gtol": 1e-13, "ftol": 1e-16, "maxiter": 100000})
    W, b = res.x[: K * d].reshape(K, d), res.x[K * d:]
    b = b - b.mean()
    return W, b, float(res.fun), float(np.max(np.abs(res.jac)))


def refine_binary(X, s, C, sw, w0, b0):
    def f(theta):
        w, b = theta[:-1], theta[-1]
        m = s * (X @ w + b)
        loss = C * np.sum(sw * np.logaddexp(0, -m)) + 0.5 * w @ w
        r = -C * sw * s * np.exp(-np.logaddexp(0, m))
        return loss, np.concatenate([X.T @ r + w, [r.sum()]])

    res = minimize(f, np.concatenate([w0, [b0]]), jac=True, method="L-BFGS-B",
                   options={"gtol": 1e-13, "ftol": 1e-16, "maxiter": 100000})
    return res.x[:-1], res.x[-1], float(res.fun), float(np.max(np.abs(res.jac)))


def case(case_id, dataset, rows, params, refine):
    X, y = load(dataset, rows)
    model = LogisticRegression(**params).fit(X, y)
    out = {
        "id": case_id, "dataset": dataset, "rows": rows if rows is None else [rows.start, rows.stop],
        "params": params, "classes_": model.classes_.tolist(), "coef_": model.coef_.tolist(),
        "intercept_": model.intercept_.tolist(), "predict_proba_first_rows": model.predict_proba(X[:5]).tolist(),
        "train_accuracy": float(model.score(X, y)),
    }
    if refine:
        out["refined"] = refine(X, y, model)
    return out


def balanced(y):
    classes, counts = np.unique(y, return_counts=True)
    return dict(zip(classes, len(y) / (len(classes) * counts)))


def refine_multi(params):
    def go(X, y, model):
        cw = params["class_weight"]
        weights = balanced(y) if cw == "balanced" else {int(k): v for k, v in (cw or {}).items()}
        sw = np.array([weights.get(c, 1.0) for c in y])
        W, b, fun, g = refine_multinomial(X, y, params["C"], sw, model.coef_, model.intercept_)
        return {"coef_": W.tolist(), "intercept_": b.tolist(), "objective": fun, "max_abs_gradient": g}
    return go


def refine_ovr(params):
    def go(X, y, model):
        coefs, intercepts, total = [], [], 0.0
        for k, c in enumerate(model.classes_):
            s = np.where(y == c, 1.0, -1.0)
            sw = np.ones(len(y))
            if params["class_weight"] == "balanced":
                n_pos = np.sum(s > 0)
                sw = np.where(s > 0, len(y) / (2 * n_pos), len(y) / (2 * (len(y) - n_pos)))
            w, b, fun, _ = refine_binary(X, s, params["C"], sw, model.coef_[k], model.intercept_[k])
            coefs.append(w.tolist())
            intercepts.append(float(b))
            total += fun
        return {"coef_": coefs, "intercept_": intercepts, "objective": total}
    return go


def main():
    lbfgs = {"solver": "lbfgs", "tol": 1e-10, "max_iter": 10000}
    cases = []
    p = {**lbfgs, "C": 1.0, "class_weight": "balanced"}
    cases.append(case("breast_cancer_l2_balanced", "breast_cancer.csv", None, p, None))  # refined below (binary)
    p = {**lbfgs, "C": 0.5, "class_weight": "balanced"}
    cases.append(case("iris_first120_multinomial_balanced", "iris.csv", slice(0, 120), p, refine_multi(p)))
    p = {**lbfgs, "C": 0.5, "class_weight": {"0": 3.0, "2": 0.5}}
    sk = {**p, "class_weight": {0: 3.0, 2: 0.5}}
    c = case("iris_multinomial_dict_weights", "iris.csv", None, sk, refine_multi(p))
    c["params"] = p
    cases.append(c)
    p = {**lbfgs, "C": 1.0, "class_weight": "balanced", "multi_class": "ovr"}
    cases.append(case("iris_first120_ovr_lbfgs_balanced", "iris.csv", slice(0, 120), p, refine_ovr(p)))
    p = {"solver": "liblinear", "tol": 1e-12, "max_iter": 100000, "C": 1.0, "class_weight": {"0": 3.0, "2": 0.5}}
    sk = {**p, "class_weight": {0: 3.0, 2: 0.5}}
    c = case("iris_liblinear_ovr_dict_weights", "iris.csv", None, sk, None)
    c["params"] = p
    cases.append(c)
    p = {**lbfgs, "C": 1.0, "multi_class": "multinomial"}
    cases.append(case("breast_cancer_multinomial_two_classes", "breast_cancer.csv", None, p, None))
    # Binary refinement: sklearn's binary lbfgs objective with balanced weights.
    X, y = load("breast_cancer.csv")
    sk_model = LogisticRegression(**{**lbfgs, "C": 1.0, "class_weight": "balanced"}).fit(X, y)
    s = np.where(y == 1, 1.0, -1.0)
    wts = balanced(y)
    sw = np.array([wts[c] for c in y])
    w, b, fun, g = refine_binary(X, s, 1.0, sw, sk_model.coef_[0], sk_model.intercept_[0])
    cases[0]["refined"] = {"coef_": [w.tolist()], "intercept_": [float(b)], "objective": fun, "max_abs_gradient": g}
    out = {"sklearn_version": sklearn.__version__, "generated_by": "make_extra_reference.py", "cases": cases}
    with open(os.path.join(HERE, "extra-reference.json"), "w") as fh:
        json.dump(out, fh, indent=1)


if __name__ == "__main__":
    main()
