/**
 * RFE down to 10 features with LogisticRegression(liblinear), ours vs scikit-learn, in one run on the
 * same preprocessed matrix (the synthetic 100k x 50 file, mean-imputed and standardised once, as
 * bench/python_baseline.py's pipeline does before its RFE step). Only the RFE fit is timed on both sides.
 * Run directly with `npx tsx bench/rfe.ts [--repeat N]`, or call `runRfeBench()`.
 */
import { recursiveFeatureElimination } from '../src/features/index.js';
import { createLogisticRegression } from '../src/models/logistic-regression/index.js';
import { isMainModule, numberFlag } from './shared/command-line.js';
import { type BenchMatrix, loadBenchMatrix, median } from './shared/data.js';
import { matrixArgs, runPeer } from './shared/peer.js';

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
  // Mean-imputed and standardised once, as bench/python_baseline.py's pipeline does before its RFE
  // step (bit for bit what SimpleImputer(mean) then StandardScaler give).
  const matrix = loadBenchMatrix('rfe', ROWS, FEATURES, log);
  const { X, y } = matrix;

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

  const peer = runSklearn(matrix, repeat);
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

function runSklearn(matrix: BenchMatrix, repeat: number) {
  const run = runPeer<{ seconds?: number[]; support?: number[]; sklearn_version?: string }>('rfe_peer.py', [
    ...matrixArgs(matrix),
    '--k',
    String(K),
    '--repeat',
    String(repeat),
  ]);
  if (!run.ok) return { skipped: run.skipped, seconds: [], support: [], version: '' };
  return {
    skipped: undefined,
    seconds: run.output.seconds ?? [],
    support: run.output.support ?? [],
    version: run.output.sklearn_version ?? '',
  };
}

if (isMainModule(import.meta.url)) await runRfeBench({ repeat: numberFlag('--repeat') ?? 1 });
