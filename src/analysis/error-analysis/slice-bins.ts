import type { Features } from '../../core/features.js';

/** A feature cut into slices: each row's slice code and each code's description. */
export interface FeatureBins {
  readonly feature: string;
  readonly codes: Int32Array;
  readonly labels: readonly string[];
}

/**
 * Numeric columns are cut at quantiles (duplicate edges merged, so a column with few values gets fewer
 * bins), categorical ones by value; a missing cell gets its own `missing` slice. Text columns and columns
 * with a single value give no slices (undefined).
 */
export function featureBins(features: Features, column: number, nBins: number): FeatureBins | undefined {
  const info = features.columns[column];
  if (info.kind === 'text') return undefined;
  const values = columnValues(features, column);
  return info.kind === 'categorical'
    ? categoricalBins(info.name, values, info.levels ?? [])
    : numericBins(info.name, values, nBins);
}

function columnValues(features: Features, column: number): Float64Array {
  const values = new Float64Array(features.rows);
  for (let i = 0; i < features.rows; i++) values[i] = features.data[i * features.cols + column];
  return values;
}

function categoricalBins(feature: string, values: Float64Array, levels: readonly string[]): FeatureBins {
  const missingCode = levels.length;
  const codes = Int32Array.from(values, (value) => (Number.isNaN(value) ? missingCode : value));
  return { feature, codes, labels: [...levels.map((level) => `= ${level}`), 'missing'] };
}

function numericBins(feature: string, values: Float64Array, nBins: number): FeatureBins | undefined {
  const present = values.filter((value) => !Number.isNaN(value)).sort();
  if (present.length === 0 || present[0] === present[present.length - 1]) return undefined;
  const edges: number[] = [];
  for (let b = 1; b < nBins; b++) {
    const edge = present[Math.floor((b / nBins) * (present.length - 1) + 0.5)];
    // An edge at the minimum would leave the first bin empty.
    if (edge > present[0] && edge !== edges[edges.length - 1]) edges.push(edge);
  }
  if (edges.length === 0) edges.push(present[present.length - 1]);
  const labels = [`< ${short(edges[0])}`];
  for (let e = 1; e < edges.length; e++) labels.push(`in [${short(edges[e - 1])}, ${short(edges[e])})`);
  labels.push(`≥ ${short(edges[edges.length - 1])}`, 'missing');
  const missingCode = edges.length + 1;
  const codes = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (Number.isNaN(value)) {
      codes[i] = missingCode;
      continue;
    }
    let code = 0;
    while (code < edges.length && value >= edges[code]) code++;
    codes[i] = code;
  }
  return { feature, codes, labels };
}

function short(value: number): string {
  return String(Number(value.toPrecision(4)));
}
