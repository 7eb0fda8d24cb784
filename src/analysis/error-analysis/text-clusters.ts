import type { Features } from '../../core/features.js';
import type { Rng } from '../../core/rng.js';
import type { TextCluster } from './error-analysis-types.js';
import { kMeans } from './k-means.js';
import { tfidfMatrix } from './tfidf.js';

export interface TextClusterOptions {
  /** Most clusters per text column; default 5. */
  readonly maxClusters?: number;
  /** Terms listed per cluster; default 5. */
  readonly topTerms?: number;
}

/** Fewer misclassified texts than this give no clusters: k-means on a handful of rows says nothing. */
const MIN_TEXTS = 6;

/**
 * Groups the misclassified texts of each text column: TF-IDF over those rows, seeded k-means with
 * k = min(maxClusters, ⌈√(n/2)⌉), and the heaviest centroid terms as the cluster's description.
 */
export function clusterMisclassifiedTexts(
  features: Features,
  errorRows: readonly number[],
  rng: Rng,
  options: TextClusterOptions = {},
): TextCluster[] {
  const clusters: TextCluster[] = [];
  features.columns.forEach((column, j) => {
    if (column.kind !== 'text' || errorRows.length < MIN_TEXTS) return;
    const levels = column.levels ?? [];
    const texts = errorRows.map((row) => {
      const code = features.data[row * features.cols + j];
      return Number.isNaN(code) ? '' : (levels[code] ?? '');
    });
    const { matrix, vocabulary } = tfidfMatrix(texts);
    if (vocabulary.length < 2) return;
    const k = Math.min(options.maxClusters ?? 5, Math.ceil(Math.sqrt(texts.length / 2)));
    const result = kMeans(matrix, Math.max(2, k), rng);
    const width = vocabulary.length;
    for (let c = 0; c < result.centroids.rows; c++) {
      const members = errorRows
        .map((row, i) => ({ row, i }))
        .filter(({ i }) => result.assignment[i] === c)
        .sort((a, b) => result.distances[a.i] - result.distances[b.i]);
      if (members.length === 0) continue;
      const weights = result.centroids.data.subarray(c * width, (c + 1) * width);
      const topTerms = Array.from({ length: width }, (_, t) => t)
        .filter((t) => weights[t] > 0)
        .sort((a, b) => weights[b] - weights[a] || a - b)
        .slice(0, options.topTerms ?? 5)
        .map((t) => vocabulary[t]);
      clusters.push({
        column: column.name,
        size: members.length,
        topTerms,
        exampleRows: members.slice(0, 3).map(({ row }) => row),
        exampleTexts: members.slice(0, 3).map(({ i }) => shorten(texts[i])),
        rows: members.map(({ row }) => row).sort((a, b) => a - b),
      });
    }
  });
  return clusters.sort((a, b) => b.size - a.size);
}

const SHOWN_CHARACTERS = 300;

function shorten(text: string): string {
  return text.length <= SHOWN_CHARACTERS ? text : `${text.slice(0, SHOWN_CHARACTERS - 1)}…`;
}
