import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type CliProcess,
  comparableSearch,
  jobEvents,
  root,
  startCli,
  startWorkerProcess,
  stopProcess,
  storedTrials,
  until,
} from './cli-processes.js';
import { flushDb, startTestRedis, type TestRedis } from './redis-server.js';

const QUEUE = 'modeldebug-folds';
/** 6 candidates x 3 folds; each forest fit takes long enough (about a second) for a kill to land mid-fit. */
const SEARCH = [
  'search',
  '--example',
  'digits',
  '--model',
  'forest(n_estimators=250)',
  '--grid',
  'max_depth=4,8,null',
  '--grid',
  'max_features=sqrt,0.3',
  '--cv',
  '3',
  '--json',
];
const JOBS = 18;

let redis: TestRedis;
let folder: string;
let local: Record<string, unknown>;
const workers: CliProcess[] = [];

beforeAll(async () => {
  redis = await startTestRedis();
  folder = mkdtempSync(join(tmpdir(), 'modeldebug-distributed-'));
  const run = spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      join(root, 'src/cli/main.ts'),
      ...SEARCH,
      '--jobs',
      '1',
      '--store',
      join(folder, 'local.db'),
    ],
    { cwd: root, encoding: 'utf8' },
  );
  expect(run.stderr).toBe('');
  local = JSON.parse(run.stdout) as Record<string, unknown>;
}, 180_000);

afterAll(async () => {
  for (const worker of workers) await stopProcess(worker, 'SIGKILL');
  await redis?.stop();
});

/** Each job of the run completed exactly once, in Redis's own event log. */
function expectEachJobCompletedOnce(events: Map<string, Map<string, number>>, jobs: number) {
  const completed = [...events.values()].map((perJob) => perJob.get('completed') ?? 0);
  expect(completed.filter((count) => count > 0)).toHaveLength(jobs);
  expect(completed.every((count) => count <= 1)).toBe(true);
}

describe('modeldebug worker processes', () => {
  it('retries the fit of a worker killed mid-job on the other, once, with the local result', async () => {
    const url = redis.url(2);
    await flushDb(url);
    const [doomed, survivor] = [
      await startWorkerProcess(url, 'doomed'),
      await startWorkerProcess(url, 'survivor'),
    ];
    workers.push(doomed, survivor);
    const store = join(folder, 'kill-worker.db');
    const coordinator = startCli([...SEARCH, '--redis', url, '--store', store]);
    const queue = new Queue(QUEUE, { connection: { url } });
    let killedJob: string | undefined;
    try {
      await until(async () => {
        const active = await queue.getActive();
        killedJob = active.find((job) => job.processedBy === 'doomed')?.id;
        return killedJob !== undefined;
      }, 120_000);
      await stopProcess(doomed, 'SIGKILL');
      expect(await coordinator.exited).toBe(0);
    } finally {
      await queue.close();
    }
    expect(coordinator.stderr()).toBe('');
    const distributed = JSON.parse(coordinator.stdout()) as Record<string, unknown>;
    expect(comparableSearch(distributed)).toEqual(comparableSearch(local));

    const events = await jobEvents(url, QUEUE);
    expectEachJobCompletedOnce(events, JOBS);
    // The killed worker's job (or, had that one just finished, the next it took) was taken back by the
    // stalled-job check and finished once by the survivor.
    const stalled = [...events].filter(([, perJob]) => (perJob.get('stalled') ?? 0) > 0);
    expect(stalled.length).toBeGreaterThanOrEqual(1);
    for (const [, perJob] of stalled) expect(perJob.get('completed')).toBe(1);
    expect(killedJob).toBeDefined();
    const trials = storedTrials(store);
    expect(trials.map((trial) => trial.trial_index)).toEqual([0, 1, 2, 3, 4, 5]);
    await stopProcess(survivor);
    expect(survivor.stderr()).toMatch(/survivor: stopped after \d+ jobs/);
  }, 240_000);

  it('resumes a killed coordinator from the store and the jobs finished meanwhile, recomputing none', async () => {
    const url = redis.url(3);
    await flushDb(url);
    workers.push(await startWorkerProcess(url, 'one'), await startWorkerProcess(url, 'two'));
    const store = join(folder, 'kill-coordinator.db');
    const first = startCli([...SEARCH, '--redis', url, '--store', store]);
    await until(() => storedTrials(store).length >= 2 || first.child.exitCode !== null, 120_000);
    await stopProcess(first, 'SIGKILL');
    const before = storedTrials(store);
    expect(before.length).toBeGreaterThanOrEqual(2);
    expect(before.length).toBeLessThan(6);

    // The workers finish the queued fits with no coordinator listening.
    const queue = new Queue(QUEUE, { connection: { url } });
    try {
      await until(async () => {
        const counts = await queue.getJobCounts('waiting', 'active', 'completed');
        return counts.waiting === 0 && counts.active === 0 && counts.completed > 0;
      }, 120_000);
    } finally {
      await queue.close();
    }
    const runId = (
      JSON.parse(
        spawnSync(
          process.execPath,
          ['--import', 'tsx', join(root, 'src/cli/main.ts'), 'runs', '--store', store, '--json'],
          { cwd: root, encoding: 'utf8' },
        ).stdout,
      ) as { runs: { id: string }[] }
    ).runs[0].id;
    const resumed = startCli(['search', '--resume', runId, '--redis', url, '--store', store, '--json']);
    expect(await resumed.exited).toBe(0);
    expect(resumed.stderr()).toBe('');
    const json = JSON.parse(resumed.stdout()) as Record<string, unknown>;
    expect(json.reusedTrials).toBe(before.length);
    expect(comparableSearch(json)).toEqual(comparableSearch(local));
    // Not one fit ran twice: what finished before the kill and after it each completed once.
    expectEachJobCompletedOnce(await jobEvents(url, QUEUE), JOBS);
    const after = storedTrials(store);
    expect(after).toHaveLength(6);
    const byIndex = new Map(after.map((trial) => [trial.trial_index, trial]));
    for (const trial of before) expect(byIndex.get(trial.trial_index)).toEqual(trial);
  }, 240_000);
});
