import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { CLI_ARGS, ROOT, slowSearchArgs } from '../helpers/slow-search.js';

const root = ROOT;
const cli = CLI_ARGS;
const SEARCH = slowSearchArgs(1);
const PLANNED = 16;

function storedTrialCount(path: string): number {
  try {
    const db = new Database(path, { readonly: true, fileMustExist: true });
    try {
      return (db.prepare('SELECT COUNT(*) AS n FROM trials').get() as { n: number }).n;
    } finally {
      db.close();
    }
  } catch {
    return 0;
  }
}

function runCli(args: readonly string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...cli, ...args], { cwd: root });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('exit', (status) => resolve({ status, stdout, stderr }));
  });
}

describe('a killed search, then two resumes at once (issue 16.14, real processes)', () => {
  it('reads as interrupted in `runs`, and no trial is computed twice', async () => {
    const store = join(mkdtempSync(join(tmpdir(), 'modeldebug-lease-')), 'runs.db');
    const child = spawn(process.execPath, [...cli, ...SEARCH, '--store', store], {
      cwd: root,
      stdio: 'ignore',
    });
    const exited = new Promise((resolve) => child.on('exit', resolve));
    for (let waited = 0; waited < 120_000 && storedTrialCount(store) < 2; waited += 50) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    child.kill('SIGKILL');
    await exited;
    const before = storedTrialCount(store);
    expect(before).toBeGreaterThanOrEqual(2);
    expect(before).toBeLessThan(PLANNED);

    const listed = spawnSync(process.execPath, [...cli, 'runs', '--store', store, '--json'], {
      cwd: root,
      encoding: 'utf8',
    });
    const [run] = (JSON.parse(listed.stdout) as { runs: { id: string; status: string; error: string }[] })
      .runs;
    expect(run.status).toBe('interrupted');
    expect(run.error).toMatch(/^interrupted: process \d+ on .+ stopped without finishing/);
    const table = spawnSync(process.execPath, [...cli, 'runs', '--store', store], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(table.stdout).toMatch(new RegExp(`${run.id}\\s+search\\s+interrupted`));

    const resume = ['search', '--resume', run.id, '--store', store, '--jobs', '1', '--json'];
    const results = await Promise.all([runCli(resume), runCli(resume)]);
    const finished = results.filter((result) => result.status === 0);
    const refused = results.filter((result) => result.status !== 0);
    expect(finished.length).toBeGreaterThanOrEqual(1);
    for (const result of refused) {
      expect(result.status).toBe(2);
      expect(result.stderr).toMatch(
        new RegExp(`^modeldebug: error: run ${run.id} is being run by process \\d+`),
      );
    }
    // Every trial the resumes computed between them was missing before: none twice.
    const computed = finished.map((result) => PLANNED - (JSON.parse(result.stdout).reusedTrials as number));
    expect(computed.reduce((a, b) => a + b, 0)).toBe(PLANNED - before);
    expect(storedTrialCount(store)).toBe(PLANNED);
  }, 300_000);
});
