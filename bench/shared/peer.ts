/**
 * Runs a benchmark's Python peer (bench/*_peer.py under /usr/bin/python3) and reads the one JSON line
 * it prints. A peer that cannot run — no interpreter, a crash, or `{"skipped": …}` because scikit-learn
 * or pandas is not importable — gives a reason instead, and the bench reports our side alone.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { benchDir, PYTHON } from './data.js';

export type PeerRun<T> =
  | { readonly ok: true; readonly output: T; readonly wallSeconds: number }
  | { readonly ok: false; readonly skipped: string };

export function runPeer<T extends object>(script: string, args: readonly string[]): PeerRun<T> {
  if (!existsSync(PYTHON)) return { ok: false, skipped: `${PYTHON} not found` };
  const start = performance.now();
  const run = spawnSync(PYTHON, [`${benchDir}${script}`, ...args], { encoding: 'utf8', maxBuffer: 1 << 26 });
  const wallSeconds = (performance.now() - start) / 1000;
  if (run.status !== 0 || run.error) {
    const why = (run.stderr || run.error?.message || '').trim().split('\n').pop();
    return { ok: false, skipped: `${script} failed: ${why}` };
  }
  // The JSON is the last line: anything a library printed before it is not ours to parse.
  const output = JSON.parse(run.stdout.trim().split('\n').pop() ?? '{}') as T | { skipped: string };
  if ('skipped' in output && typeof output.skipped === 'string')
    return { ok: false, skipped: output.skipped };
  return { ok: true, output: output as T, wallSeconds };
}

/** The arguments every matrix peer (logreg, models, rfe) takes to read the matrix files. */
export function matrixArgs(matrix: {
  readonly xPath: string;
  readonly yPath: string;
  readonly X: { readonly rows: number; readonly cols: number };
}): string[] {
  const { xPath, yPath, X } = matrix;
  return ['--x', xPath, '--y', yPath, '--rows', String(X.rows), '--cols', String(X.cols)];
}
