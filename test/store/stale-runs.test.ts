import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { isModeldebugError } from '../../src/core/errors.js';
import { MIGRATIONS, openDatabase, openRunStore } from '../../src/store/index.js';
import { STALE_AFTER_MS } from '../../src/store/run-ownership.js';

const tempStore = () => join(mkdtempSync(join(tmpdir(), 'modeldebug-stale-')), 'runs.db');

/** The pid of a process that has exited: certainly not alive. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
    encoding: 'utf8',
  });
  return Number(child.stdout);
}

function setOwner(path: string, runId: string, pid: number, host: string, heartbeatAt: string): void {
  const db = new Database(path);
  db.prepare('UPDATE runs SET owner_pid = ?, owner_host = ?, heartbeat_at = ? WHERE id = ?').run(
    pid,
    host,
    heartbeatAt,
    runId,
  );
  db.close();
}

const statusOf = (path: string, id: string) => {
  const store = openRunStore(path);
  try {
    return store.getRun(id);
  } finally {
    store.close();
  }
};

describe('run store: the stale rule (issue 16.14)', () => {
  it('keeps every run, trial and report of a store made before owners were recorded', () => {
    const path = tempStore();
    const old = openDatabase(
      path,
      MIGRATIONS.filter((migration) => migration.version <= 3),
    );
    old.prepare("INSERT INTO runs VALUES ('r1', 'search', 'done', '{}', NULL, NULL, 't', 't')").run();
    old
      .prepare(
        "INSERT INTO trials (run_id, trial_index, params, status, test_scores, fit_seconds, score_seconds, completed_at) VALUES ('r1', 0, '{}', 'ok', '[1]', '[0]', '[0]', 't')",
      )
      .run();
    old.prepare("INSERT INTO reports VALUES ('r1', '{}', '<p>', 't')").run();
    old.close();
    const store = openRunStore(path);
    expect(store.getRun('r1')).toMatchObject({ status: 'done', trialCount: 1 });
    expect(store.getReport('r1')).toEqual({ json: '{}', html: '<p>' });
    store.close();
    // The rebuilt table is still the parent of the others: deleting a run deletes its trials.
    const db = openDatabase(path);
    db.prepare("DELETE FROM runs WHERE id = 'r1'").run();
    expect(db.prepare('SELECT COUNT(*) AS n FROM trials').get()).toEqual({ n: 0 });
    db.close();
  });

  it('marks a running run interrupted on the next open when its process is gone, and only then', () => {
    const path = tempStore();
    const store = openRunStore(path);
    const killed = store.createRun('eval', {});
    const alive = store.createRun('search', {});
    const farAway = store.createRun('run', {});
    const farAwayStale = store.createRun('run', {});
    store.close();
    const now = new Date().toISOString();
    const long = new Date(Date.now() - STALE_AFTER_MS - 60_000).toISOString();
    setOwner(path, killed.id, deadPid(), hostname(), now);
    // This test process is alive, however old its heartbeat: on one host the process table decides.
    setOwner(path, alive.id, process.pid, hostname(), long);
    setOwner(path, farAway.id, 12345, 'another-host.invalid', now);
    setOwner(path, farAwayStale.id, 12345, 'another-host.invalid', long);

    expect(statusOf(path, killed.id).status).toBe('interrupted');
    expect(statusOf(path, killed.id).error).toMatch(
      /^interrupted: process \d+ on .+ stopped without finishing/,
    );
    expect(statusOf(path, alive.id).status).toBe('running');
    expect(statusOf(path, farAway.id).status).toBe('running');
    expect(statusOf(path, farAwayStale.id).status).toBe('interrupted');
  });

  it('lets one process hold a run: another claim is run_busy until the holder is gone', async () => {
    const path = tempStore();
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
    const exited = new Promise((resolve) => holder.on('exit', resolve));
    let runId = '';
    try {
      const store = openRunStore(path, { self: { pid: holder.pid ?? 0, host: hostname() } });
      runId = store.createRun('search', {}).id;
      store.close();
      const other = openRunStore(path);
      let error: unknown;
      try {
        other.claimRun(runId);
      } catch (thrown) {
        error = thrown;
      }
      other.close();
      expect(isModeldebugError(error) && error.code).toBe('run_busy');
      expect((error as Error).message).toContain(`is being run by process ${holder.pid} on ${hostname()}`);
    } finally {
      holder.kill('SIGKILL');
    }
    await exited;
    const after = openRunStore(path);
    expect(after.getRun(runId).status).toBe('interrupted');
    after.claimRun(runId);
    expect(after.getRun(runId)).toMatchObject({ status: 'running', error: undefined });
    after.close();
  });
});
