/**
 * The synthetic benchmark matrix, shared by the benches: bench/data/synth_<rows/1000>k_<features>.csv
 * (made once by bench/make_data.py), read, mean-imputed and standardised (population std; a constant
 * column gets scale 1), and written as raw little-endian files so the Python peer fits exactly the same
 * numbers.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type Features, numericFeatures, takeFeatureRows } from '../../src/core/features.js';
import { type Labels, takeLabelRows } from '../../src/core/labels.js';
import { createMatrix } from '../../src/core/matrix.js';

/** bench/, with a trailing slash. */
export const benchDir = fileURLToPath(new URL('..', import.meta.url));
/** Debian's interpreter, the one with scikit-learn and pandas (see bench/PEER.md). */
export const PYTHON = '/usr/bin/python3';

/** The synthetic CSV's path, made with bench/make_data.py if it is not there yet. */
export function ensureSyntheticCsv(rows: number, features: number, log: (line: string) => void): string {
  const csv = `${benchDir}data/synth_${rows / 1000}k_${features}.csv`;
  if (existsSync(csv)) return csv;
  mkdirSync(`${benchDir}data`, { recursive: true });
  log(`making ${csv} with ${PYTHON} bench/make_data.py …`);
  const made = spawnSync(
    PYTHON,
    [`${benchDir}make_data.py`, '--rows', String(rows), '--features', String(features), '--out', csv],
    { encoding: 'utf8' },
  );
  if (made.status !== 0) throw new Error(`make_data.py failed: ${made.stderr || made.error?.message}`);
  return csv;
}

export interface NumericCsv {
  /** Row-major, rows x names.length; empty cells are NaN. */
  readonly data: Float64Array;
  readonly rows: number;
  /** The feature columns' names, in file order. */
  readonly names: string[];
  /** The label column's cells, as written. */
  readonly labels: string[];
}

/** A numeric CSV with a header and no quoting (what make_data.py writes). */
export function readNumericCsv(path: string, label: string): NumericCsv {
  const lines = readFileSync(path, 'utf8').split('\n');
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  const header = lines[0].split(',');
  const labelAt = header.indexOf(label);
  const names = header.filter((_, j) => j !== labelAt);
  const cols = names.length;
  const rows = lines.length - 1;
  const data = new Float64Array(rows * cols);
  const labels: string[] = new Array(rows);
  for (let i = 0; i < rows; i++) {
    const cells = lines[i + 1].split(',');
    let c = 0;
    for (let j = 0; j < cells.length; j++) {
      if (j === labelAt) labels[i] = cells[j];
      else data[i * cols + c++] = cells[j] === '' ? Number.NaN : Number(cells[j]);
    }
  }
  return { data, rows, names, labels };
}

/** In place: each column's NaNs become its mean, then (x − mean) / std (population; 0 → 1). */
export function imputeAndStandardise(data: Float64Array, rows: number, cols: number): void {
  for (let j = 0; j < cols; j++) {
    let sum = 0;
    let count = 0;
    for (let i = 0; i < rows; i++) {
      const v = data[i * cols + j];
      if (!Number.isNaN(v)) {
        sum += v;
        count++;
      }
    }
    const fill = sum / count;
    let mean = 0;
    for (let i = 0; i < rows; i++) {
      if (Number.isNaN(data[i * cols + j])) data[i * cols + j] = fill;
      mean += data[i * cols + j];
    }
    mean /= rows;
    let variance = 0;
    for (let i = 0; i < rows; i++) variance += (data[i * cols + j] - mean) ** 2;
    const scale = Math.sqrt(variance / rows) || 1;
    for (let i = 0; i < rows; i++) data[i * cols + j] = (data[i * cols + j] - mean) / scale;
  }
}

export interface BenchMatrix {
  readonly X: Features;
  readonly y: Labels;
  /** The matrix as float64 row-major (`<f8`) and the label codes as int32 (`<i4`), for the peer. */
  readonly xPath: string;
  readonly yPath: string;
}

/**
 * The synthetic matrix, prepared and written to bench/data/<name>_X.f64 and <name>_y.i32. Labels are
 * the integers 0..K−1 the file holds, so class k is code k.
 */
export function loadBenchMatrix(
  name: string,
  rows: number,
  features: number,
  log: (line: string) => void,
): BenchMatrix {
  const csv = ensureSyntheticCsv(rows, features, log);
  const raw = readNumericCsv(csv, 'target');
  const cols = raw.names.length;
  imputeAndStandardise(raw.data, raw.rows, cols);
  const codes = Int32Array.from(raw.labels, Number);
  const classCount = Math.max(...codes) + 1;
  const y: Labels = { classes: Array.from({ length: classCount }, (_, k) => String(k)), codes };
  const X = numericFeatures(createMatrix(raw.rows, cols, raw.data), raw.names);
  const xPath = `${benchDir}data/${name}_X.f64`;
  const yPath = `${benchDir}data/${name}_y.i32`;
  writeMatrixFiles(X, y, xPath, yPath);
  return { X, y, xPath, yPath };
}

export function writeMatrixFiles(X: Features, y: Labels, xPath: string, yPath: string): void {
  writeFileSync(xPath, new Uint8Array(X.data.buffer, X.data.byteOffset, X.data.byteLength));
  writeFileSync(yPath, new Uint8Array(y.codes.buffer, y.codes.byteOffset, y.codes.byteLength));
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export interface HoldoutSplit {
  /** Rows before this train, the rest are predicted. */
  readonly cut: number;
  readonly train: { readonly X: Features; readonly y: Labels };
  readonly test: { readonly X: Features; readonly y: Labels };
}

/** The first 80% of rows to train on, the last 20% to predict (the peers' holdout_split cuts the same). */
export function holdoutSplit(X: Features, y: Labels): HoldoutSplit {
  const cut = Math.floor(X.rows * 0.8);
  const trainRows = Int32Array.from({ length: cut }, (_, i) => i);
  const testRows = Int32Array.from({ length: X.rows - cut }, (_, i) => cut + i);
  return {
    cut,
    train: { X: takeFeatureRows(X, trainRows), y: takeLabelRows(y, trainRows) },
    test: { X: takeFeatureRows(X, testRows), y: takeLabelRows(y, testRows) },
  };
}
