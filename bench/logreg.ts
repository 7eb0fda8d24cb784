/**
 * LogisticRegression, ours vs scikit-learn, in one run on the same preprocessed matrix:
 * L2 (C=1, lbfgs, multinomial) and L1 (C=0.1, liblinear, one-vs-rest) on the synthetic 100k x 50 file.
 * Only `fit` is timed on both sides. Run directly with `npx tsx bench/logreg.ts [--repeat N]`, or call
 * `runLogregBench()` (bench/run.ts does).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { numericFeatures } from '../src/core/features.js';
import type { Labels } from '../src/core/labels.js';
import { createMatrix } from '../src/core/matrix.js';
import {
  createLogisticRegression,
  type LogisticRegressionParams,
} from '../src/models/logistic-regression/index.js';

const benchDir = fileURLToPath(new URL('.', import.meta.url));
const PYTHON = '/usr/bin/python3';
const ROWS = 100_000;
const FEATURES = 50;

const CASES: readonly { name: string; params: Partial<LogisticRegressionParams> }[] = [
  { name: 'l2_lbfgs_C1', params: { C: 1 } },
  { name: 'l1_liblinear_C0.1', params: { C: 0.1, penalty: 'l1', solver: 'liblinear' } },
];

export interface SideResult {
  readonly seconds: number[];
  readonly accuracy: number;
  readonly logLoss: number;
  readonly iterations: number | number[];
}

export interface LogregBenchCase {
  readonly name: string;
  readonly ours: SideResult;
  readonly sklearn?: SideResult;
  /** median(ours) / median(sklearn). */
  readonly ratio?: number;
}

export interface LogregBenchResult {
  readonly rows: number;
  readonly features: number;
  readonly cases: LogregBenchCase[];
  /** Why the scikit-learn side did not run, if it did not. */
  readonly sklearnSkipped?: string;
}

export interface LogregBenchOptions {
  readonly repeat?: number;
  readonly log?: (line: string) => void;
}

export async function runLogregBench(options: LogregBenchOptions = {}): Promise<LogregBenchResult> {
  const repeat = options.repeat ?? 5;
  const log = options.log ?? ((line: string) => console.log(line));
  const csv = `${benchDir}data/synth_${ROWS / 1000}k_${FEATURES}.csv`;
  ensureData(csv, log);
  const { X, y } = prepare(readCsv(csv, 'target'));
  const xPath = `${benchDir}data/logreg_X.f64`;
  const yPath = `${benchDir}data/logreg_y.i32`;
  writeFileSync(xPath, new Uint8Array(X.data.buffer, X.data.byteOffset, X.data.byteLength));
  writeFileSync(yPath, new Uint8Array(y.codes.buffer, y.codes.byteOffset, y.codes.byteLength));

  const peer = runPeer(xPath, yPath, X.rows, X.cols, repeat);
  const cases: LogregBenchCase[] = [];
  for (const { name, params } of CASES) {
    const seconds: number[] = [];
    let model = await createLogisticRegression(params).fit(X, y);
    for (let r = 0; r < repeat; r++) {
      const start = performance.now();
      model = await createLogisticRegression(params).fit(X, y);
      seconds.push((performance.now() - start) / 1000);
    }
    const proba = await model.predictProba(X);
    const predicted = await model.predict(X);
    const ours: SideResult = {
      seconds,
      accuracy: accuracy(predicted, y.codes),
      logLoss: logLoss(proba.data, proba.cols, y.codes),
      iterations: model.diagnostics.iterations,
    };
    const sklearn = peer.results?.[name];
    const ratio = sklearn ? median(seconds) / median(sklearn.seconds) : undefined;
    cases.push({ name, ours, sklearn, ratio });
  }
  log(`logreg bench: ${X.rows} x ${X.cols}, ${y.classes.length} classes, fit time median of ${repeat}`);
  for (const c of cases) {
    const theirs = c.sklearn
      ? `sklearn ${fmt(median(c.sklearn.seconds))}s acc ${c.sklearn.accuracy.toFixed(5)} logloss ${c.sklearn.logLoss.toFixed(5)} | ratio ${c.ratio?.toFixed(2)}`
      : `sklearn skipped (${peer.skipped})`;
    log(
      `  ${c.name.padEnd(18)} ours ${fmt(median(c.ours.seconds))}s acc ${c.ours.accuracy.toFixed(5)} logloss ${c.ours.logLoss.toFixed(5)} | ${theirs}`,
    );
  }
  return { rows: X.rows, features: X.cols, cases, sklearnSkipped: peer.skipped };
}

function ensureData(csv: string, log: (line: string) => void): void {
  if (existsSync(csv)) return;
  mkdirSync(`${benchDir}data`, { recursive: true });
  log(`making ${csv} with ${PYTHON} bench/make_data.py …`);
  const made = spawnSync(
    PYTHON,
    [`${benchDir}make_data.py`, '--rows', String(ROWS), '--features', String(FEATURES), '--out', csv],
    { encoding: 'utf8' },
  );
  if (made.status !== 0) throw new Error(`make_data.py failed: ${made.stderr || made.error?.message}`);
}

/** A numeric CSV with a header; empty cells are NaN. Labels keep file order of first appearance sorted numerically. */
function readCsv(
  path: string,
  label: string,
): { data: Float64Array; rows: number; cols: number; labels: Int32Array } {
  const lines = readFileSync(path, 'utf8').split('\n');
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  const header = lines[0].split(',');
  const labelAt = header.indexOf(label);
  const cols = header.length - 1;
  const rows = lines.length - 1;
  const data = new Float64Array(rows * cols);
  const labels = new Int32Array(rows);
  for (let i = 0; i < rows; i++) {
    const cells = lines[i + 1].split(',');
    let c = 0;
    for (let j = 0; j < cells.length; j++) {
      if (j === labelAt) labels[i] = Number(cells[j]);
      else data[i * cols + c++] = cells[j] === '' ? Number.NaN : Number(cells[j]);
    }
  }
  return { data, rows, cols, labels };
}

/** Mean imputation, then StandardScaler (population std; a constant column gets scale 1). */
function prepare(raw: ReturnType<typeof readCsv>) {
  const { data, rows, cols } = raw;
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
  const classCount = Math.max(...raw.labels) + 1;
  const y: Labels = { classes: Array.from({ length: classCount }, (_, k) => String(k)), codes: raw.labels };
  return { X: numericFeatures(createMatrix(rows, cols, data)), y };
}

interface PeerOutput {
  readonly results?: Record<string, SideResult>;
  readonly skipped?: string;
}

function runPeer(xPath: string, yPath: string, rows: number, cols: number, repeat: number): PeerOutput {
  if (!existsSync(PYTHON)) return { skipped: `${PYTHON} not found` };
  const args = [
    '--x',
    xPath,
    '--y',
    yPath,
    '--rows',
    String(rows),
    '--cols',
    String(cols),
    '--repeat',
    String(repeat),
  ];
  const run = spawnSync(PYTHON, [`${benchDir}logreg_peer.py`, ...args], { encoding: 'utf8' });
  if (run.status !== 0) return { skipped: `logreg_peer.py failed: ${run.stderr.trim().split('\n').pop()}` };
  const out = JSON.parse(run.stdout) as {
    skipped?: string;
    results?: Record<string, { seconds: number[]; accuracy: number; log_loss: number; n_iter: number[] }>;
  };
  if (out.skipped || !out.results) return { skipped: out.skipped ?? 'no results' };
  const results: Record<string, SideResult> = {};
  for (const [name, r] of Object.entries(out.results)) {
    results[name] = { seconds: r.seconds, accuracy: r.accuracy, logLoss: r.log_loss, iterations: r.n_iter };
  }
  return { results };
}

function accuracy(predicted: Int32Array, codes: Int32Array): number {
  let correct = 0;
  for (let i = 0; i < codes.length; i++) if (predicted[i] === codes[i]) correct++;
  return correct / codes.length;
}

/** sklearn's log_loss: probabilities clipped to [eps, 1 − eps] (float64 eps) and rows renormalised. */
function logLoss(proba: Float64Array, K: number, codes: Int32Array): number {
  const eps = Number.EPSILON;
  let total = 0;
  for (let i = 0; i < codes.length; i++) {
    let rowSum = 0;
    for (let k = 0; k < K; k++) rowSum += Math.min(Math.max(proba[i * K + k], eps), 1 - eps);
    const p = Math.min(Math.max(proba[i * K + codes[i]], eps), 1 - eps) / rowSum;
    total -= Math.log(p);
  }
  return total / codes.length;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function fmt(seconds: number): string {
  return seconds.toFixed(3);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const at = process.argv.indexOf('--repeat');
  await runLogregBench({ repeat: at > 0 ? Number(process.argv[at + 1]) : undefined });
}
