import type { Matrix } from '../../core/matrix.js';
import { ENGLISH_STOP_WORDS } from './english-stop-words.js';

/** sklearn's default token pattern `\b\w\w+\b`, Unicode-aware. */
const TOKEN = /[\p{L}\p{N}_]{2,}/gu;

/** Cap the vocabulary at the most frequent terms so the dense matrix stays small. */
const MAX_TERMS = 2000;

/**
 * A small dense TF-IDF for a few hundred misclassified texts (not sklearn's TfidfVectorizer, which comes
 * with the text features): raw counts × smooth idf ln((1 + n)/(1 + df)) + 1, rows L2-normalised. Terms in
 * one document only are dropped unless that would leave fewer than two terms.
 */
export function tfidfMatrix(texts: readonly string[]): { matrix: Matrix; vocabulary: string[] } {
  const tokenised = texts.map((text) =>
    (text.toLowerCase().match(TOKEN) ?? []).filter((token) => !ENGLISH_STOP_WORDS.has(token)),
  );
  const documentFrequency = new Map<string, number>();
  for (const tokens of tokenised) {
    for (const term of new Set(tokens)) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
  }
  const byFrequency = [...documentFrequency.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const shared = byFrequency.filter(([, df]) => df >= 2);
  const kept = (shared.length >= 2 ? shared : byFrequency).slice(0, MAX_TERMS);
  const vocabulary = kept.map(([term]) => term).sort();
  const column = new Map(vocabulary.map((term, t) => [term, t]));
  const n = texts.length;
  const width = vocabulary.length;
  const idf = Float64Array.from(
    vocabulary,
    (term) => Math.log((1 + n) / (1 + (documentFrequency.get(term) ?? 0))) + 1,
  );
  const data = new Float64Array(n * width);
  tokenised.forEach((tokens, i) => {
    for (const token of tokens) {
      const t = column.get(token);
      if (t !== undefined) data[i * width + t] += 1;
    }
    let norm = 0;
    for (let t = 0; t < width; t++) {
      data[i * width + t] *= idf[t];
      norm += data[i * width + t] ** 2;
    }
    if (norm > 0) for (let t = 0; t < width; t++) data[i * width + t] /= Math.sqrt(norm);
  });
  return { matrix: { rows: n, cols: width, data }, vocabulary };
}
