/**
 * `modeldebug run` with its defaults, as a user runs it (the built CLI, whole process under
 * /usr/bin/time -v for wall time and peak RSS):
 *   mixed   — the 42,000 × 6 mixed file of bench/mixed-make-data.ts (ID-like, high-cardinality and
 *             categorical columns, missing cells); no peer: the goal is absolute (≤ 60 s, ≤ 1 GB).
 *   numeric — the synthetic 100,000 × 50 file (bench/make_data.py) against the scikit-learn seed
 *             workflow on the same file (bench/python_baseline.py, n_jobs=2): ratio of whole processes.
 * Needs `npm run build` first. Run directly with `npx tsx bench/run-workflow.ts [mixed] [numeric]`, or
 * call `runWorkflowBench()` (bench/run.ts does, as `npm run bench -- run`).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeMixedData } from './mixed-make-data.js';
import { isMainModule } from './shared/command-line.js';
import { benchDir, ensureSyntheticCsv, PYTHON } from './shared/data.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const cli = join(root, 'dist/cli/main.js');

export interface ProcessRun {
  readonly wall: number;
  readonly peakRssMb: number;
  readonly ok: boolean;
  /** Per-step seconds from report.json (ours). */
  readonly timings?: Readonly<Record<string, number>>;
  readonly error?: string;
}

export interface WorkflowBenchResult {
  readonly mixed?: ProcessRun & { readonly load: number };
  readonly numeric?: {
    readonly ours: ProcessRun;
    readonly sklearn?: ProcessRun;
    readonly ratio?: number;
    readonly load: { readonly ours: number; readonly sklearn: number };
  };
}

export async function runWorkflowBench(
  cases: readonly string[] = ['mixed', 'numeric'],
  log: (line: string) => void = (line) => console.log(line),
): Promise<WorkflowBenchResult> {
  if (!existsSync(cli)) throw new Error('dist/cli/main.js is missing: run `npm run build` first');
  const result: { -readonly [K in keyof WorkflowBenchResult]: WorkflowBenchResult[K] } = {};
  if (cases.includes('mixed')) {
    const csv = `${benchDir}data/mixed_42k.csv`;
    await makeMixedData(csv);
    const load = loadavg()[0];
    const ours = runOurs(csv, 'outcome');
    result.mixed = { ...ours, load };
    log(
      `run defaults, mixed 42,000 x 6: ours ${ours.wall.toFixed(1)} s, peak RSS ${ours.peakRssMb.toFixed(0)} MB${ours.ok ? '' : ` (FAILED: ${ours.error})`} | goal <= 60 s, <= 1024 MB | load ${load.toFixed(2)} (2 cores)`,
    );
    if (ours.timings) log(`  steps: ${stepLine(ours.timings)}`);
  }
  if (cases.includes('numeric')) {
    const csv = ensureSyntheticCsv(100_000, 50, log);
    const sklearnLoad = loadavg()[0];
    const sklearn = timedProcess(PYTHON, [
      `${benchDir}python_baseline.py`,
      csv,
      '--label',
      'target',
      '--n-jobs',
      '2',
    ]);
    const oursLoad = loadavg()[0];
    const ours = runOurs(csv, 'target');
    const ratio = sklearn.ok ? ours.wall / sklearn.wall : undefined;
    result.numeric = { ours, sklearn, ratio, load: { ours: oursLoad, sklearn: sklearnLoad } };
    log(
      `run defaults, numeric 100,000 x 50: ours ${ours.wall.toFixed(1)} s (${ours.peakRssMb.toFixed(0)} MB) | sklearn seed workflow n_jobs=2 ${sklearn.ok ? `${sklearn.wall.toFixed(1)} s (${sklearn.peakRssMb.toFixed(0)} MB)` : `failed: ${sklearn.error}`} | ratio ${ratio?.toFixed(2) ?? 'n/a'}x (goal <= 1.0x) | load before sklearn ${sklearnLoad.toFixed(2)}, before ours ${oursLoad.toFixed(2)}`,
    );
    if (ours.timings) log(`  steps: ${stepLine(ours.timings)}`);
  }
  return result;
}

function runOurs(csv: string, label: string): ProcessRun {
  const out = mkdtempSync(join(tmpdir(), 'md-bench-run-'));
  try {
    const run = timedProcess(process.execPath, [
      cli,
      'run',
      '--data',
      csv,
      '--label',
      label,
      '--out',
      out,
      '--no-store',
      '--quiet',
    ]);
    const report = join(out, 'report.json');
    const timings = existsSync(report)
      ? (JSON.parse(readFileSync(report, 'utf8')) as { timings: Record<string, number> }).timings
      : undefined;
    return { ...run, timings };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

function timedProcess(command: string, args: readonly string[]): ProcessRun {
  const start = performance.now();
  const run = spawnSync('/usr/bin/time', ['-v', command, ...args], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  const wall = (performance.now() - start) / 1000;
  const kilobytes = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(run.stderr)?.[1] ?? Number.NaN);
  const ok = run.status === 0;
  return {
    wall,
    peakRssMb: kilobytes / 1024,
    ok,
    error: ok
      ? undefined
      : run.stderr
          .split('\n')
          .filter((line) => line.trim() !== '' && !line.startsWith('\t'))
          .pop(),
  };
}

function stepLine(timings: Readonly<Record<string, number>>): string {
  return Object.entries(timings)
    .map(([step, seconds]) => `${step} ${seconds.toFixed(1)}`)
    .join(', ');
}

if (isMainModule(import.meta.url)) {
  const requested = process.argv.slice(2).filter((arg) => !arg.startsWith('-'));
  await runWorkflowBench(requested.length > 0 ? requested : undefined);
}
