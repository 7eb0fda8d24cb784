/**
 * The synthetic benchmark matrix, prepared once and shared with the Python peer as raw little-endian
 * files, so both sides fit exactly the same numbers: bench/data/synth_100k_50.csv, mean-imputed and
 * standardised (population std; a constant column gets scale 1).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type Features, numericFeatures } from '../src/core/features.js';
import type { Labels } from '../src/core/labels.js';
import { createMatrix } from '../src/core/matrix.js';

export const benchDir = fileURLToPath(new URL('.', import.meta.url));
export const PYTHON = '/usr/bin/python3';

export interface BenchMatrix {
  readonly X: Features;
  readonly y: Labels;
  readonly xPath: string;
  readonly yPath: string;
}

export function loadBenchMatrix(rows: number, features: number, log: (line: string) => void): BenchMatrix {
  const csv = `${benchDir}data/synth_${rows / 1000}k_${features}.csv`;
  if (!existsSync(csv)) {
    mkdirSync(`${benchDir}data`, { recursive: true });
    log(`making ${csv} with ${PYTHON} bench/make_data.py …`);
    const made = spawnSync(
      PYTHON,
      [`${benchDir}make_data.py`, '--rows', String(rows), '--features', String(features), '--out', csv],
      { encoding: 'utf8' },
    );
    if (made.status !== 0) throw new Error(`make_data.py failed: ${made.stderr || made.error?.message}`);
  }
  const lines = readFileSync(csv, 'utf8')
    .split('\n')
    .filter((line) => line !== '');
  const header = lines[0].split(',');
  const labelAt = header.indexOf('target');
  const cols = header.length - 1;
  const n = lines.length - 1;
  const data = new Float64Array(n * cols);
  const codes = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const cells = lines[i + 1].split(',');
    let c = 0;
    for (let j = 0; j < cells.length; j++) {
      if (j === labelAt) codes[i] = Number(cells[j]);
      else data[i * cols + c++] = cells[j] === '' ? Number.NaN : Number(cells[j]);
    }
  }
  imputeAndStandardise(data, n, cols);
  const classCount = Math.max(...codes) + 1;
  const y: Labels = { classes: Array.from({ length: classCount }, (_, k) => String(k)), codes };
  const xPath = `${benchDir}data/models_X.f64`;
  const yPath = `${benchDir}data/models_y.i32`;
  writeFileSync(xPath, new Uint8Array(data.buffer));
  writeFileSync(yPath, new Uint8Array(codes.buffer));
  return { X: numericFeatures(createMatrix(n, cols, data)), y, xPath, yPath };
}

function imputeAndStandardise(data: Float64Array, rows: number, cols: number): void {
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

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
