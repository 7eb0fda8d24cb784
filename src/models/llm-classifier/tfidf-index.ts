/** Lower-cased runs of letters and digits. */
export function tokenize(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

export interface TfidfIndex {
  /** Pool indices by descending cosine similarity to `query` (ties by index). */
  rank(query: string): number[];
}

/**
 * TF-IDF with sklearn's smooth idf, ln((1 + n) / (1 + df)) + 1, and l2-normalised rows; the similarity
 * of two texts is the dot product of their vectors. Small and exact: pools are at most a few thousand.
 */
export function buildTfidfIndex(documents: readonly string[]): TfidfIndex {
  const df = new Map<string, number>();
  const counts = documents.map((document) => termCounts(tokenize(document)));
  for (const terms of counts) for (const term of terms.keys()) df.set(term, (df.get(term) ?? 0) + 1);
  const n = documents.length;
  const idf = (term: string): number => {
    const d = df.get(term);
    return d === undefined ? 0 : Math.log((1 + n) / (1 + d)) + 1;
  };
  const vectorise = (terms: Map<string, number>): Map<string, number> => {
    const vector = new Map<string, number>();
    let norm = 0;
    for (const [term, count] of terms) {
      const weight = count * idf(term);
      if (weight > 0) {
        vector.set(term, weight);
        norm += weight * weight;
      }
    }
    const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    for (const [term, weight] of vector) vector.set(term, weight * scale);
    return vector;
  };
  const vectors = counts.map(vectorise);
  return {
    rank(query) {
      const q = vectorise(termCounts(tokenize(query)));
      const scores = vectors.map((vector) => {
        let dot = 0;
        for (const [term, weight] of q) dot += weight * (vector.get(term) ?? 0);
        return dot;
      });
      return scores.map((_, i) => i).sort((a, b) => scores[b] - scores[a] || a - b);
    },
  };
}

function termCounts(tokens: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const token of tokens) counts.set(token, (counts.get(token) ?? 0) + 1);
  return counts;
}
