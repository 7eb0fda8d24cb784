import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixturePath } from '../helpers/fixtures.js';
import { type CliProcess, jobEvents, startCli, startWorkerProcess, stopProcess } from './cli-processes.js';
import { flushDb, startTestRedis, type TestRedis } from './redis-server.js';

const FOLD_QUEUE = 'modeldebug-folds';
let redis: TestRedis;
let folder: string;
const workers: CliProcess[] = [];

beforeAll(async () => {
  redis = await startTestRedis();
  folder = mkdtempSync(join(tmpdir(), 'modeldebug-fix-redis-'));
}, 30_000);

afterAll(async () => {
  for (const worker of workers) await stopProcess(worker, 'SIGKILL');
  await redis?.stop();
  if (folder) rmSync(folder, { recursive: true, force: true });
});

/** `fix --allow params` on the planted "C far off" file: one grid search, its folds the jobs. */
async function fixParams(name: string, extra: readonly string[]) {
  const dir = fixturePath('fix');
  const child = startCli([
    'fix',
    '--data',
    join(dir, 'clean_train.csv'),
    '--test',
    join(dir, 'clean_test.csv'),
    '--label',
    'y',
    '--model',
    'scale | logreg(C=0.0001)',
    '--metric',
    'accuracy',
    '--allow',
    'params',
    '--out',
    join(folder, name),
    '--store',
    join(folder, `${name}.db`),
    '--json',
    ...extra,
  ]);
  const code = await child.exited;
  expect(child.stderr()).toBe('');
  expect(code).toBe(0);
  const document = JSON.parse(child.stdout());
  const comparable = (change: Record<string, unknown>) => ({ ...change, seconds: undefined });
  return { ...document, seconds: undefined, changes: document.changes.map(comparable) };
}

describe('modeldebug fix --redis', () => {
  it("fits the params search's folds on the workers, with the local result", async () => {
    const url = redis.url(13);
    await flushDb(url);
    const local = await fixParams('local', []);
    workers.push(await startWorkerProcess(url, 'fix-one'));
    const remote = await fixParams('remote', ['--redis', url]);

    expect(remote.changes).toEqual(local.changes);
    expect(remote.fixedModel).toBe(local.fixedModel);
    expect(remote.test).toEqual(local.test);
    expect(
      local.changes.map((change: { code: string; status: string }) => [change.code, change.status]),
    ).toEqual([['tuning_gain', 'kept']]);

    const completed = [...(await jobEvents(url, FOLD_QUEUE)).values()].map((perJob) =>
      perJob.get('completed'),
    );
    expect(completed.length).toBeGreaterThan(0);
    expect(completed.every((count) => count === 1)).toBe(true);
    const [worker] = workers.splice(0);
    await stopProcess(worker);
    expect(Number(/stopped after (\d+) jobs/.exec(worker.stderr())?.[1])).toBe(completed.length);
  }, 240_000);
});
