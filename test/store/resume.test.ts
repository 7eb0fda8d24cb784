import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { CLI_ARGS, ROOT, slowSearchArgs } from '../helpers/slow-search.js';

const root = ROOT;
const cli = CLI_ARGS;
const SEARCH = slowSearchArgs(2);

interface StoredTrial {
  trial_index: number;
  test_scores: string;
  completed_at: string;
}

function storedTrials(path: string): StoredTrial[] {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    return db
      .prepare('SELECT trial_index, test_scores, completed_at FROM trials ORDER BY trial_index')
      .all() as StoredTrial[];
  } catch {
    return [];
  } finally {
    db.close();
  }
}

function runToEnd(args: readonly string[]): Record<string, unknown> {
  const result = spawnSync(process.execPath, [...cli, ...args], { cwd: root, encoding: 'utf8' });
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  return JSON.parse(result.stdout) as Record<string, unknown>;
}

const withoutTimes = (json: Record<string, unknown>) => {
  const results = { ...(json.cvResults as Record<string, unknown>) };
  for (const key of ['meanFitTime', 'stdFitTime', 'meanScoreTime', 'stdScoreTime']) delete results[key];
  return [results, json.bestIndex, json.bestParams, json.bestScore];
};

describe('run store: resume after kill -9', () => {
  it('keeps every finished trial, recomputes none of them, and ends as an uninterrupted run', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'modeldebug-resume-'));
    const store = join(folder, 'runs.db');
    const child = spawn(process.execPath, [...cli, ...SEARCH, '--store', store], {
      cwd: root,
      stdio: 'ignore',
    });
    const exited = new Promise((resolve) => child.on('exit', resolve));
    let before: StoredTrial[] = [];
    for (let waited = 0; waited < 120_000 && before.length < 3; waited += 50) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      try {
        before = storedTrials(store);
      } catch {
        before = [];
      }
    }
    child.kill('SIGKILL');
    await exited;
    before = storedTrials(store);
    expect(before.length).toBeGreaterThanOrEqual(3);
    expect(before.length).toBeLessThan(16);

    const db = new Database(store, { readonly: true });
    const run = db.prepare('SELECT id, status FROM runs').get() as { id: string; status: string };
    db.close();
    expect(run.status).toBe('running');

    const resumed = runToEnd(['search', '--resume', run.id, '--store', store, '--jobs', '2', '--json']);
    expect(resumed.runId).toBe(run.id);
    expect(resumed.reusedTrials).toBe(before.length);
    const after = storedTrials(store);
    expect(after).toHaveLength(16);
    // Not recomputed: the finished trials' rows are untouched.
    const byIndex = new Map(after.map((trial) => [trial.trial_index, trial]));
    for (const trial of before) expect(byIndex.get(trial.trial_index)).toEqual(trial);

    const fresh = runToEnd([...SEARCH, '--store', join(folder, 'fresh.db')]);
    expect(fresh.reusedTrials).toBe(0);
    expect(withoutTimes(resumed)).toEqual(withoutTimes(fresh));
  }, 240_000);
});
