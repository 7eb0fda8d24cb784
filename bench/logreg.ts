/**
 * LogisticRegression, ours vs scikit-learn, in one run on the same preprocessed matrix:
 * L2 (C=1, lbfgs, multinomial) and L1 (C=0.1, liblinear, one-vs-rest) on the synthetic 100k x 50 file.
 * Only `fit` is timed on both sides. Run directly with `npx tsx bench/logreg.ts [--repeat N]`, or call
 * `runLogregBench()` (bench/run.ts does).
 */
import {
  createLogisticRegression,
  type LogisticRegressionParams,
} from '../src/models/logistic-regression/index.js';
import { isMainModule, numberFlag } from './shared/command-line.js';
import { type BenchMatrix, loadBenchMatrix, median } from './shared/data.js';
import { matrixArgs, runPeer } from './shared/peer.js';

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
  const matrix = loadBenchMatrix('logreg', ROWS, FEATURES, log);
  const { X, y } = matrix;

  const peer = runSklearn(matrix, repeat);
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

interface PeerOutput {
  readonly results?: Record<string, SideResult>;
  readonly skipped?: string;
}

function runSklearn(matrix: BenchMatrix, repeat: number): PeerOutput {
  const run = runPeer<{
    results?: Record<string, { seconds: number[]; accuracy: number; log_loss: number; n_iter: number[] }>;
  }>('logreg_peer.py', [...matrixArgs(matrix), '--repeat', String(repeat)]);
  if (!run.ok) return { skipped: run.skipped };
  if (!run.output.results) return { skipped: 'no results' };
  const results: Record<string, SideResult> = {};
  for (const [name, r] of Object.entries(run.output.results)) {
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

function fmt(seconds: number): string {
  return seconds.toFixed(3);
}

if (isMainModule(import.meta.url)) await runLogregBench({ repeat: numberFlag('--repeat') });
