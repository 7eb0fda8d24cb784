/**
 * Gradient-trained models, ours vs scikit-learn, in one run on the same preprocessed matrix (the
 * synthetic 100k x 50 file, mean-imputed and standardised): an MLP with one hidden layer of 100 relu
 * units, adam, batch 64, exactly 20 epochs (no early stopping), and SGDClassifier with log loss for
 * exactly 10 epochs (tol=None). Our MLP runs with n_jobs=2 (each batch split over two threads, as
 * sklearn's BLAS splits its products) and again with n_jobs=1, both against the same sklearn run. Train on the first 80% of rows, predict the rest; fit + predict are
 * timed. Repeat r uses random_state r on both sides and the accuracy printed is the mean over the
 * repeats: the seeds drive different generators, and a 10-epoch SGD's test accuracy moves by about
 * 1 pp from seed to seed (sklearn: 0.731–0.743 over seeds 0–4), so one seed cannot compare accuracy. The peer runs first, then ours, never both at once. scikit-learn's matrix products go through
 * OpenBLAS (Debian's openblas-pthread, both cores); ours run on one thread except the n_jobs=2 MLP. Run directly with
 * `npx tsx bench/gradient.ts [--mlp-repeat N] [--sgd-repeat N] [--hgb-repeat N]` (0 skips that model), or call
 * `runGradientBench()`. HistGradientBoostingClassifier runs with its defaults on both sides (early stopping
 * 'auto': on, a 10 % validation split); sklearn's uses both cores through OpenMP, ours runs with n_jobs=2
 * (each node's histograms and split search shared by feature over two threads) and again with n_jobs=1,
 * both against the same sklearn run. Each case also prints the CPU time of its fit + predict (every
 * thread of the process, process.cpuUsage() on ours, getrusage on sklearn's): at load the wall-time
 * ratio swings, the CPU time much less.
 */
import { loadavg } from 'node:os';
import type { Classifier } from '../src/core/estimator.js';
import type { Features } from '../src/core/features.js';
import type { Labels } from '../src/core/labels.js';
import { createHistGradientBoosting, createMlpClassifier, createSgdClassifier } from '../src/models/index.js';
import { isMainModule, numberFlag } from './shared/command-line.js';
import { type BenchMatrix, holdoutSplit, loadBenchMatrix, median } from './shared/data.js';
import { matrixArgs, runPeer } from './shared/peer.js';

const ROWS = 100_000;
const FEATURES = 50;

interface Timing {
  readonly seconds: number[];
  /** CPU time of each fit + predict, every thread of the process (user + system). */
  readonly cpuSeconds?: number[];
  readonly accuracy: number;
  readonly epochs: number;
}

export interface GradientBenchCase {
  readonly name: string;
  readonly ours: Timing;
  readonly sklearn?: Timing;
  /** median(ours) / median(sklearn). */
  readonly ratio?: number;
}

export interface GradientBenchResult {
  readonly rows: number;
  readonly features: number;
  readonly cases: GradientBenchCase[];
  /** 1-minute load average before each side ran (the machine is shared). */
  readonly load: { readonly sklearn?: number; readonly ours: number };
  readonly sklearnSkipped?: string;
}

export interface GradientBenchOptions {
  readonly mlpRepeat?: number;
  readonly sgdRepeat?: number;
  /** HistGradientBoosting with defaults (early stopping on: 80k training rows); 0 skips a family. */
  readonly hgbRepeat?: number;
  readonly log?: (line: string) => void;
}

/** The MLP case's settings; `n_jobs` is ours alone (sklearn's BLAS uses both cores on its own). */
const mlp = (seed: number, nJobs: number) =>
  createMlpClassifier({
    hidden_layer_sizes: [100],
    solver: 'adam',
    batch_size: 64,
    max_iter: 20,
    n_iter_no_change: 20,
    early_stopping: false,
    random_state: seed,
    n_jobs: nJobs,
  });

/** `peer`: the sklearn result to compare with, when it is not the case's own name. */
const CASES: readonly {
  name: string;
  peer?: string;
  make: (seed: number) => Classifier;
  repeat: 'mlp' | 'sgd' | 'hgb';
}[] = [
  { name: 'mlp_100_adam_b64_20ep', make: (seed) => mlp(seed, 2), repeat: 'mlp' },
  {
    name: 'mlp_100_adam_b64_20ep_1thread',
    peer: 'mlp_100_adam_b64_20ep',
    make: (seed) => mlp(seed, 1),
    repeat: 'mlp',
  },
  {
    name: 'sgd_log_loss_10ep',
    make: (seed) => createSgdClassifier({ loss: 'log_loss', max_iter: 10, tol: null, random_state: seed }),
    repeat: 'sgd',
  },
  {
    name: 'hgb_defaults',
    make: (seed) => createHistGradientBoosting({ random_state: seed, n_jobs: 2 }),
    repeat: 'hgb',
  },
  {
    name: 'hgb_defaults_1thread',
    peer: 'hgb_defaults',
    make: (seed) => createHistGradientBoosting({ random_state: seed, n_jobs: 1 }),
    repeat: 'hgb',
  },
];

export async function runGradientBench(options: GradientBenchOptions = {}): Promise<GradientBenchResult> {
  const repeats = { mlp: options.mlpRepeat ?? 1, sgd: options.sgdRepeat ?? 5, hgb: options.hgbRepeat ?? 1 };
  const log = options.log ?? ((line: string) => console.log(line));
  const matrix = loadBenchMatrix('gradient', ROWS, FEATURES, log);
  const { X, y } = matrix;
  const { cut, train, test } = holdoutSplit(X, y);

  const peer = runSklearn(matrix, repeats);
  const oursLoad = loadavg()[0];
  const cases: GradientBenchCase[] = [];
  for (const { name, peer: peerName, make, repeat } of CASES) {
    if (repeats[repeat] === 0) continue;
    const ours = await timed(make, train, test, repeats[repeat]);
    const sklearn = peer.results?.[peerName ?? name];
    const ratio = sklearn ? median(ours.seconds) / median(sklearn.seconds) : undefined;
    cases.push({ name, ours, sklearn, ratio });
  }
  log(
    `gradient bench: ${X.rows} x ${X.cols}, ${y.classes.length} classes, train ${cut} / predict ${X.rows - cut}, fit+predict median and accuracy mean of ${repeats.mlp} (mlp) / ${repeats.sgd} (sgd) / ${repeats.hgb} (hgb) seeds`,
  );
  log(
    `  load average before sklearn ${peer.load?.toFixed(2) ?? 'n/a'}, before ours ${oursLoad.toFixed(2)} (2 cores)`,
  );
  const cpu = (timing: Timing) => (timing.cpuSeconds ? ` cpu ${median(timing.cpuSeconds).toFixed(2)}s` : '');
  for (const c of cases) {
    const theirs = c.sklearn
      ? `sklearn ${median(c.sklearn.seconds).toFixed(3)}s${cpu(c.sklearn)} acc ${c.sklearn.accuracy.toFixed(4)} (${c.sklearn.epochs} ep) | ratio ${c.ratio?.toFixed(2)}x | acc diff ${((c.ours.accuracy - c.sklearn.accuracy) * 100).toFixed(2)} pp`
      : `sklearn skipped (${peer.skipped})`;
    log(
      `  ${c.name.padEnd(30)} ours ${median(c.ours.seconds).toFixed(3)}s${cpu(c.ours)} acc ${c.ours.accuracy.toFixed(4)} (${c.ours.epochs} ep) | ${theirs}`,
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
  make: (seed: number) => Classifier,
  train: { X: Features; y: Labels },
  test: { X: Features; y: Labels },
  repeat: number,
): Promise<Timing> {
  const seconds: number[] = [];
  const cpuSeconds: number[] = [];
  let correct = 0;
  let epochs = 0;
  for (let r = 0; r < repeat; r++) {
    const start = performance.now();
    const cpuStart = process.cpuUsage();
    const fitted = await make(r).fit(train.X, train.y);
    const predicted = await fitted.predict(test.X);
    seconds.push((performance.now() - start) / 1000);
    const cpu = process.cpuUsage(cpuStart);
    cpuSeconds.push((cpu.user + cpu.system) / 1e6);
    epochs = fitted.diagnostics.iterations ?? 0;
    correct += predicted.filter((code, i) => code === test.y.codes[i]).length;
  }
  return { seconds, cpuSeconds, accuracy: correct / (repeat * test.y.codes.length), epochs };
}

interface PeerOutput {
  readonly results?: Record<string, Timing>;
  readonly load?: number;
  readonly skipped?: string;
}

function runSklearn(matrix: BenchMatrix, repeats: { mlp: number; sgd: number; hgb: number }): PeerOutput {
  const args = [
    ...matrixArgs(matrix),
    '--mlp-repeat',
    String(repeats.mlp),
    '--sgd-repeat',
    String(repeats.sgd),
    '--hgb-repeat',
    String(repeats.hgb),
  ];
  const run = runPeer<PeerOutput>('gradient_peer.py', args);
  return run.ok ? run.output : { skipped: run.skipped };
}

if (isMainModule(import.meta.url)) {
  await runGradientBench({
    mlpRepeat: numberFlag('--mlp-repeat'),
    sgdRepeat: numberFlag('--sgd-repeat'),
    hgbRepeat: numberFlag('--hgb-repeat'),
  });
}
