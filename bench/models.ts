/**
 * Models and ensembles, ours vs scikit-learn, in one run on the same preprocessed matrix (the synthetic
 * 100k x 50 file, mean-imputed and standardised): hard voting of logistic regression, GaussianNB and a
 * decision tree, each member alone, HistGradientBoosting with defaults (early stopping on: > 10k rows;
 * scikit-learn's uses both cores through OpenMP, ours one thread), and a random forest of 100 trees on
 * 2 threads (n_jobs=2 on both sides). Train on the first 80% of rows, predict the rest; fit + predict
 * are timed. The peer runs first, then ours, never both at once. Run directly with
 * `npx tsx bench/models.ts [--repeat N] [--no-forest]`, or call `runModelsBench()`.
 */
import { loadavg } from 'node:os';
import type { Classifier } from '../src/core/estimator.js';
import type { Features } from '../src/core/features.js';
import type { Labels } from '../src/core/labels.js';
import { createVotingClassifier } from '../src/ensemble/index.js';
import {
  createDecisionTree,
  createGaussianNb,
  createHistGradientBoosting,
  createLogisticRegression,
  createRandomForest,
} from '../src/models/index.js';
import { isMainModule, numberFlag } from './shared/command-line.js';
import { type BenchMatrix, holdoutSplit, loadBenchMatrix, median } from './shared/data.js';
import { matrixArgs, runPeer } from './shared/peer.js';

const ROWS = 100_000;
const FEATURES = 50;

export interface ModelsBenchCase {
  readonly name: string;
  readonly ours: { readonly seconds: number[]; readonly accuracy: number };
  readonly sklearn?: { readonly seconds: number[]; readonly accuracy: number };
  /** median(ours) / median(sklearn). */
  readonly ratio?: number;
}

export interface ModelsBenchResult {
  readonly rows: number;
  readonly features: number;
  readonly cases: ModelsBenchCase[];
  /** 1-minute load average before each side ran (the machine is shared). */
  readonly load: { readonly sklearn?: number; readonly ours: number };
  readonly sklearnSkipped?: string;
}

export interface ModelsBenchOptions {
  readonly repeat?: number;
  readonly forest?: boolean;
  readonly log?: (line: string) => void;
}

const members = (): [string, Classifier][] => [
  ['lr', createLogisticRegression()],
  ['gnb', createGaussianNb()],
  ['tree', createDecisionTree({ random_state: 0 })],
];

const CASES: readonly { name: string; make: () => Classifier; forest?: boolean }[] = [
  { name: 'voting_hard_lr_gnb_tree', make: () => createVotingClassifier(members(), { voting: 'hard' }) },
  { name: 'member_lr', make: () => createLogisticRegression() },
  { name: 'member_gnb', make: () => createGaussianNb() },
  { name: 'member_tree', make: () => createDecisionTree({ random_state: 0 }) },
  { name: 'hgb_defaults', make: () => createHistGradientBoosting({ random_state: 0 }) },
  {
    name: 'forest_100_njobs2',
    make: () => createRandomForest({ n_estimators: 100, n_jobs: 2, random_state: 0 }),
    forest: true,
  },
];

export async function runModelsBench(options: ModelsBenchOptions = {}): Promise<ModelsBenchResult> {
  const repeat = options.repeat ?? 3;
  const withForest = options.forest ?? true;
  const log = options.log ?? ((line: string) => console.log(line));
  const matrix = loadBenchMatrix('models', ROWS, FEATURES, log);
  const { X, y } = matrix;
  const { cut, train, test } = holdoutSplit(X, y);

  const peer = runSklearn(matrix, repeat, withForest);
  const oursLoad = loadavg()[0];
  const cases: ModelsBenchCase[] = [];
  for (const { name, make, forest } of CASES) {
    if (forest && !withForest) continue;
    const ours = await timed(make, train, test, forest ? 1 : repeat);
    const sklearn = peer.results?.[name];
    const ratio = sklearn ? median(ours.seconds) / median(sklearn.seconds) : undefined;
    cases.push({ name, ours, sklearn, ratio });
  }
  log(
    `models bench: ${X.rows} x ${X.cols}, ${y.classes.length} classes, train ${cut} / predict ${X.rows - cut}, fit+predict median of ${repeat} (forest: 1)`,
  );
  log(
    `  load average before sklearn ${peer.load?.toFixed(2) ?? 'n/a'}, before ours ${oursLoad.toFixed(2)} (2 cores)`,
  );
  for (const c of cases) {
    const theirs = c.sklearn
      ? `sklearn ${median(c.sklearn.seconds).toFixed(3)}s acc ${c.sklearn.accuracy.toFixed(4)} | ratio ${c.ratio?.toFixed(2)}x`
      : `sklearn skipped (${peer.skipped})`;
    log(
      `  ${c.name.padEnd(24)} ours ${median(c.ours.seconds).toFixed(3)}s acc ${c.ours.accuracy.toFixed(4)} | ${theirs}`,
    );
  }
  return {
    rows: X.rows,
    features: X.cols,
    cases,
    load: { sklearn: peer.load, ours: oursLoad },
    sklearnSkipped: peer.skipped,
  };
}

async function timed(
  make: () => Classifier,
  train: { X: Features; y: Labels },
  test: { X: Features; y: Labels },
  repeat: number,
): Promise<{ seconds: number[]; accuracy: number }> {
  const seconds: number[] = [];
  let predicted: Int32Array = new Int32Array(0);
  for (let r = 0; r < repeat; r++) {
    const start = performance.now();
    const fitted = await make().fit(train.X, train.y);
    predicted = await fitted.predict(test.X);
    seconds.push((performance.now() - start) / 1000);
  }
  const correct = predicted.filter((code, i) => code === test.y.codes[i]).length;
  return { seconds, accuracy: correct / predicted.length };
}

interface PeerOutput {
  readonly results?: Record<string, { seconds: number[]; accuracy: number }>;
  readonly load?: number;
  readonly skipped?: string;
}

function runSklearn(matrix: BenchMatrix, repeat: number, forest: boolean): PeerOutput {
  const args = [...matrixArgs(matrix), '--repeat', String(repeat)];
  if (!forest) args.push('--skip-forest');
  const run = runPeer<PeerOutput>('models_peer.py', args);
  return run.ok ? run.output : { skipped: run.skipped };
}

if (isMainModule(import.meta.url)) {
  await runModelsBench({ repeat: numberFlag('--repeat'), forest: !process.argv.includes('--no-forest') });
}
