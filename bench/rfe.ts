/**
 * RFE down to 10 features with LogisticRegression(liblinear), ours vs scikit-learn, in one run on the
 * same preprocessed matrix (the synthetic 100k x 50 file, mean-imputed and standardised once, as
 * bench/python_baseline.py's pipeline does before its RFE step). Only the RFE fit is timed on both sides.
 * Run directly with `npx tsx bench/rfe.ts [--repeat N]`, or call `runRfeBench()`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { encodeLabels, type Features, numericFeatures } from '../src/core/index.js';
import {
  createSimpleImputer,
  createStandardScaler,
  recursiveFeatureElimination,
} from '../src/features/index.js';
import { createLogisticRegression } from '../src/models/logistic-regression/index.js';

const benchDir = fileURLToPath(new URL('.', import.meta.url));
const PYTHON = '/usr/bin/python3';
const ROWS = 100_000;
const FEATURES = 50;
const K = 10;

export interface RfeBenchResult {
  readonly rows: number;
  readonly features: number;
  readonly k: number;
  readonly ours: { readonly seconds: number[]; readonly selected: number[] };
  readonly sklearn?: { readonly seconds: number[]; readonly selected: number[]; readonly version: string };
  /** median(ours) / median(sklearn); the goal is <= 0.7. */
  readonly ratio?: number;
  /** Features selected by one side only (the solvers stop at slightly different points). */
  readonly selectionDifference?: number[];
  readonly sklearnSkipped?: string;
}

export async function runRfeBench(
  options: { repeat?: number; log?: (line: string) => void } = {},
): Promise<RfeBenchResult> {
  const repeat = options.repeat ?? 1;
  const log = options.log ?? ((line: string) => console.log(line));
  const csv = `${benchDir}data/synth_${ROWS / 1000}k_${FEATURES}.csv`;
  ensureData(csv, log);
  const { X, y } = await prepare(readCsv(csv, 'target'));
  const xPath = `${benchDir}data/rfe_X.f64`;
  const yPath = `${benchDir}data/rfe_y.i32`;
  writeFileSync(xPath, new Uint8Array(X.data.buffer, X.data.byteOffset, X.data.byteLength));
  writeFileSync(yPath, new Uint8Array(y.codes.buffer, y.codes.byteOffset, y.codes.byteLength));

  const estimator = createLogisticRegression({ solver: 'liblinear' });
  const seconds: number[] = [];
  let selected: number[] = [];
  for (let r = 0; r < repeat; r++) {
    const start = performance.now();
    const result = await recursiveFeatureElimination(estimator, X, y, { nFeaturesToSelect: K, step: 1 });
    seconds.push((performance.now() - start) / 1000);
    selected = Array.from(result.selected);
  }
  log(
    `rfe bench: ${X.rows} x ${X.cols} -> ${K} features, step 1, LogisticRegression(liblinear); median of ${repeat}`,
  );
  log(`  ours    ${median(seconds).toFixed(2)}s  selected ${selected.join(',')}`);

  const peer = runPeer(xPath, yPath, X.rows, X.cols, repeat);
  if (peer.skipped !== undefined) {
    log(`  sklearn skipped (${peer.skipped})`);
    return {
      rows: X.rows,
      features: X.cols,
      k: K,
      ours: { seconds, selected },
      sklearnSkipped: peer.skipped,
    };
  }
  const ratio = median(seconds) / median(peer.seconds);
  const theirs = new Set(peer.support);
  const difference = [
    ...selected.filter((j) => !theirs.has(j)),
    ...peer.support.filter((j) => !selected.includes(j)),
  ];
  log(`  sklearn ${median(peer.seconds).toFixed(2)}s  selected ${peer.support.join(',')}  (${peer.version})`);
  log(
    `  ratio ours/sklearn ${ratio.toFixed(3)} (goal <= 0.7); selections ${difference.length === 0 ? 'identical' : `differ in ${difference.join(',')}`}`,
  );
  return {
    rows: X.rows,
    features: X.cols,
    k: K,
    ours: { seconds, selected },
    sklearn: { seconds: peer.seconds, selected: peer.support, version: peer.version },
    ratio,
    selectionDifference: difference,
  };
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

/** The synthetic file is all numeric with a header; empty cells are missing (NaN). */
function readCsv(path: string, label: string): { X: Features; labels: string[] } {
  const lines = readFileSync(path, 'utf8').split('\n');
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  const header = lines[0].split(',');
  const labelAt = header.indexOf(label);
  const names = header.filter((_, j) => j !== labelAt);
  const rows = lines.length - 1;
  const data = new Float64Array(rows * names.length);
  const labels: string[] = [];
  for (let i = 0; i < rows; i++) {
    const cells = lines[i + 1].split(',');
    let c = 0;
    for (let j = 0; j < cells.length; j++) {
      if (j === labelAt) labels.push(cells[j]);
      else data[i * names.length + c++] = cells[j] === '' ? Number.NaN : Number(cells[j]);
    }
  }
  return { X: numericFeatures({ rows, cols: names.length, data }, names), labels };
}

/** SimpleImputer(mean) then StandardScaler on all rows, once; both sides then see the same matrix. */
async function prepare(raw: { X: Features; labels: string[] }) {
  const imputed = (await createSimpleImputer({ strategy: 'mean' }).fit(raw.X)).transform(raw.X);
  const X = (await createStandardScaler().fit(imputed)).transform(imputed);
  return { X, y: encodeLabels(raw.labels) };
}

function runPeer(xPath: string, yPath: string, rows: number, cols: number, repeat: number) {
  const run = spawnSync(
    PYTHON,
    [
      `${benchDir}rfe_peer.py`,
      '--x',
      xPath,
      '--y',
      yPath,
      '--rows',
      String(rows),
      '--cols',
      String(cols),
      '--k',
      String(K),
      '--repeat',
      String(repeat),
    ],
    { encoding: 'utf8', maxBuffer: 1 << 24 },
  );
  if (run.status !== 0 || run.error) {
    return {
      skipped: `${PYTHON} failed: ${(run.stderr || run.error?.message || '').trim().split('\n').pop()}`,
      seconds: [],
      support: [],
      version: '',
    };
  }
  const out = JSON.parse(run.stdout.trim().split('\n').pop() ?? '{}') as {
    skipped?: string;
    seconds?: number[];
    support?: number[];
    sklearn_version?: string;
  };
  return {
    skipped: out.skipped,
    seconds: out.seconds ?? [],
    support: out.support ?? [],
    version: out.sklearn_version ?? '',
  };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const at = process.argv.indexOf('--repeat');
  await runRfeBench({ repeat: at > 0 ? Number(process.argv[at + 1]) : 1 });
}
