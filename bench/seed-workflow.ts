/**
 * The seed workflow composed from our CLI, as a user types it, against bench/python_baseline.py
 * (pandas + scikit-learn, n_jobs=2) on the synthetic 100,000 × 50 file, in the same run. Every command
 * is a whole process of the built CLI (`npm run build` first); the peer is one process, timed per step
 * by itself. Our steps and the peer's they stand for:
 *   validate    validate --fail-on never                     read_csv + isnull_sum
 *   clean       clean --impute mean --test-out (20 %)        drop_duplicates + split (+ the imputer's means)
 *   search      search C {0.01,0.1,1,10} × {l1,l2}, 5 folds  grid_search
 *   curve       curve of the best, 5 sizes, --no-probe       learning_curve
 *   rfe         select --rfe 10                              rfe
 *   vote        eval --test of hard vote(LR, GNB, tree)      voting
 *   eval        eval --test of the best                      evaluate (the peer reuses its fitted model)
 * The splits differ (our seeded RNG is not numpy's), so the results agree within sampling noise, not
 * exactly: the check allows 0.01 in CV accuracy and 0.015 in test accuracy (about 3.5 standard errors
 * of the difference of two 19,900-row test sets). Run with `npm run bench -- seed` or
 * `npx tsx bench/seed-workflow.ts [--skip-peer]`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isMainModule } from './shared/command-line.js';
import { benchDir, ensureSyntheticCsv, PYTHON } from './shared/data.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const cli = join(root, 'dist/cli/main.js');
const GRID = ['--grid', 'C=0.01,0.1,1,10', '--grid', 'penalty=l1,l2'];
const PREP = 'impute | scale';
const VOTE = `${PREP} | vote(logreg(solver=liblinear); gnb; tree, voting=hard)`;

/** Our side's outcome, in the peer's terms where they compare. */
export interface SeedResults {
  readonly bestParams: { readonly C: number; readonly penalty: string };
  readonly bestCvAccuracy: number;
  readonly testAccuracy: number;
  readonly testF1Weighted: number;
  readonly votingAccuracy: number;
  readonly rfeSelected: readonly string[];
}

export interface SeedBenchResult {
  readonly ours: {
    readonly steps: Record<string, number>;
    readonly total: number;
    readonly results: SeedResults;
  };
  readonly sklearn?: {
    readonly steps: Record<string, number>;
    readonly total: number;
    readonly results: SeedResults;
  };
  readonly ratio?: number;
  readonly load: { readonly ours: number; readonly sklearn?: number };
}

export async function runSeedWorkflowBench(
  options: { readonly peer?: boolean } = {},
  log: (line: string) => void = (line) => console.log(line),
): Promise<SeedBenchResult> {
  if (!existsSync(cli)) throw new Error('dist/cli/main.js is missing: run `npm run build` first');
  const csv = ensureSyntheticCsv(100_000, 50, log);
  const oursLoad = loadavg()[0];
  const ours = runOurs(csv);
  log(`ours (load ${oursLoad.toFixed(2)}): ${stepLine(ours.steps)} | total ${ours.total.toFixed(1)} s`);
  if (options.peer === false) return { ours, load: { ours: oursLoad } };

  const sklearnLoad = loadavg()[0];
  const sklearn = runPeer(csv);
  const ratio = ours.total / sklearn.total;
  log(
    `sklearn n_jobs=2 (load ${sklearnLoad.toFixed(2)}): ${stepLine(sklearn.steps)} | total ${sklearn.total.toFixed(1)} s`,
  );
  log(
    `seed workflow via the CLI, 100,000 x 50: ours ${ours.total.toFixed(1)} s | sklearn ${sklearn.total.toFixed(1)} s | ratio ${ratio.toFixed(2)}x (goal <= 0.25x)`,
  );
  for (const line of agreement(ours.results, sklearn.results)) log(`  ${line}`);
  return { ours, sklearn, ratio, load: { ours: oursLoad, sklearn: sklearnLoad } };
}

function runOurs(csv: string): { steps: Record<string, number>; total: number; results: SeedResults } {
  const dir = mkdtempSync(join(tmpdir(), 'md-bench-seed-'));
  const train = join(dir, 'train.csv');
  const test = join(dir, 'test.csv');
  const data = [train, '--label', 'target'];
  const steps: Record<string, number> = {};
  const step = <T>(name: string, args: readonly string[]): T => {
    const start = performance.now();
    const run = spawnSync(process.execPath, [cli, ...args, '--json'], {
      cwd: dir,
      encoding: 'utf8',
      maxBuffer: 1 << 28,
    });
    steps[name] = (performance.now() - start) / 1000;
    if (run.status !== 0)
      throw new Error(`modeldebug ${args[0]} failed: ${run.stderr.trim().split('\n').pop()}`);
    return JSON.parse(run.stdout) as T;
  };
  try {
    step('validate', ['validate', csv, '--label', 'target', '--fail-on', 'never']);
    step('clean', [
      'clean',
      csv,
      '--label',
      'target',
      '--impute',
      'mean',
      '--out',
      train,
      '--test-out',
      test,
    ]);
    const search = step<{ bestParams: { C: number; penalty: string }; bestScore: number }>('search', [
      'search',
      ...data,
      '--model',
      `${PREP} | logreg(solver=liblinear)`,
      ...GRID,
      '--cv',
      '5',
      '--jobs',
      '2',
      '--store',
      join(dir, 'runs.db'),
    ]);
    const best = `${PREP} | logreg(solver=liblinear, C=${search.bestParams.C}, penalty=${search.bestParams.penalty})`;
    step('curve', [
      'curve',
      ...data,
      '--model',
      best,
      '--cv',
      '5',
      '--no-probe',
      '--no-shuffle',
      '--jobs',
      '2',
    ]);
    const select = step<{ selected: string[] }>('rfe', [
      'select',
      ...data,
      '--model',
      `${PREP} | logreg(solver=liblinear)`,
      '--rfe',
      '10',
    ]);
    type Evaluated = { metrics: { accuracy: number; f1: { weighted: number } } };
    const vote = step<Evaluated>('vote', ['eval', ...data, '--test', test, '--model', VOTE]);
    const evaluated = step<Evaluated>('eval', ['eval', ...data, '--test', test, '--model', best]);
    const total = Object.values(steps).reduce((sum, seconds) => sum + seconds, 0);
    return {
      steps,
      total,
      results: {
        bestParams: search.bestParams,
        bestCvAccuracy: search.bestScore,
        testAccuracy: evaluated.metrics.accuracy,
        testF1Weighted: evaluated.metrics.f1.weighted,
        votingAccuracy: vote.metrics.accuracy,
        rfeSelected: select.selected,
      },
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

interface PeerLine {
  timings_s: Record<string, number>;
  results: {
    grid_best_params: { lr__C: number; lr__penalty: string };
    grid_best_cv_accuracy: number;
    test_accuracy: number;
    test_f1_weighted: number;
    voting_test_accuracy: number;
    rfe_selected: string[];
  };
}

function runPeer(csv: string): { steps: Record<string, number>; total: number; results: SeedResults } {
  const start = performance.now();
  const run = spawnSync(
    PYTHON,
    [`${benchDir}python_baseline.py`, csv, '--label', 'target', '--n-jobs', '2'],
    {
      encoding: 'utf8',
      maxBuffer: 1 << 26,
    },
  );
  const total = (performance.now() - start) / 1000;
  if (run.status !== 0) throw new Error(`python_baseline.py failed: ${run.stderr.trim().split('\n').pop()}`);
  const line = JSON.parse(run.stdout.trim().split('\n').pop() ?? '{}') as PeerLine;
  const { total: _inProcess, ...steps } = line.timings_s;
  const r = line.results;
  return {
    steps,
    total,
    results: {
      bestParams: { C: r.grid_best_params.lr__C, penalty: r.grid_best_params.lr__penalty },
      bestCvAccuracy: r.grid_best_cv_accuracy,
      testAccuracy: r.test_accuracy,
      testF1Weighted: r.test_f1_weighted,
      votingAccuracy: r.voting_test_accuracy,
      rfeSelected: r.rfe_selected,
    },
  };
}

/** One line per result: both sides, and whether they agree within the sampling noise of different splits. */
function agreement(ours: SeedResults, sklearn: SeedResults): string[] {
  const near = (a: number, b: number, tolerance: number) =>
    `${a.toFixed(4)} vs ${b.toFixed(4)}: ${Math.abs(a - b) <= tolerance ? 'agree' : 'DIFFER'} (±${tolerance})`;
  const params = (p: SeedResults['bestParams']) => `C=${p.C}, ${p.penalty}`;
  const shared = ours.rfeSelected.filter((name) => sklearn.rfeSelected.includes(name));
  return [
    `best params: ${params(ours.bestParams)} vs ${params(sklearn.bestParams)}${params(ours.bestParams) === params(sklearn.bestParams) ? '' : ' (differ; see the CV accuracies: the grid is nearly flat)'}`,
    `best CV accuracy ${near(ours.bestCvAccuracy, sklearn.bestCvAccuracy, 0.01)}`,
    `test accuracy ${near(ours.testAccuracy, sklearn.testAccuracy, 0.015)}`,
    `test F1 weighted ${near(ours.testF1Weighted, sklearn.testF1Weighted, 0.015)}`,
    `voting test accuracy ${near(ours.votingAccuracy, sklearn.votingAccuracy, 0.015)}`,
    `RFE: ${shared.length} of 10 selected features shared (${ours.rfeSelected.join(' ')} | ${sklearn.rfeSelected.join(' ')})`,
  ];
}

function stepLine(steps: Readonly<Record<string, number>>): string {
  return Object.entries(steps)
    .map(([name, seconds]) => `${name} ${seconds.toFixed(1)}`)
    .join(', ');
}

if (isMainModule(import.meta.url)) {
  await runSeedWorkflowBench({ peer: !process.argv.includes('--skip-peer') });
}
