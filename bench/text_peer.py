#!/usr/bin/python3
"""scikit-learn side of bench/text.ts: the same emails CSV, the same TF-IDF settings, then
LogisticRegression(C=1) or MultinomialNB in a Pipeline; times each pipeline fit (repeated) and the
prediction of the training rows, and reports the peak RSS of this process (ru_maxrss). Prints one JSON line.

  /usr/bin/python3 bench/text_peer.py --csv emails.csv --repeat R --tfidf JSON
"""
import argparse
import json
import resource
import sys
import time


def rss_mb():
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * resource.getpagesize() / 1024 / 1024


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--csv", required=True)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--tfidf", required=True, help="TfidfVectorizer params as JSON")
    a = ap.parse_args(argv)
    try:
        import pandas as pd
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.linear_model import LogisticRegression
        from sklearn.naive_bayes import MultinomialNB
        from sklearn.pipeline import make_pipeline
    except ImportError as error:
        print(json.dumps({"skipped": f"import failed: {error}"}))
        return 0
    params = json.loads(a.tfidf)
    if "ngram_range" in params:
        params["ngram_range"] = tuple(params["ngram_range"])
    t0 = time.perf_counter()
    data = pd.read_csv(a.csv)
    load_seconds = time.perf_counter() - t0
    rss_after_load = rss_mb()
    texts, labels = data["text"].fillna(""), data["label"].astype(str)
    fits = {}
    for name, make in [("logreg", lambda: LogisticRegression(C=1.0)), ("mnb", lambda: MultinomialNB())]:
        make_pipeline(TfidfVectorizer(**params), make()).fit(texts, labels)
        seconds = []
        for _ in range(a.repeat):
            pipeline = make_pipeline(TfidfVectorizer(**params), make())
            start = time.perf_counter()
            pipeline.fit(texts, labels)
            seconds.append(time.perf_counter() - start)
        start = time.perf_counter()
        predicted = pipeline.predict(texts)
        predict_seconds = time.perf_counter() - start
        matrix = pipeline[0].transform(texts)
        fits[name] = {
            "seconds": seconds,
            "predict_seconds": predict_seconds,
            "accuracy": float((predicted == labels.to_numpy()).mean()),
        }
    print(
        json.dumps(
            {
                "rows": int(len(data)),
                "vocabulary": int(matrix.shape[1]),
                "stored": int(matrix.nnz),
                "load_seconds": load_seconds,
                "fits": fits,
                "rss_after_load_mb": rss_after_load,
                "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            }
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
