import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { frontOutputSchema } from '../../src/cli/output-schemas/front-output.js';
import { reviewCsv } from '../analysis/llm-reviews.js';
import { FRONT_PRICES, frontScriptedModel } from '../helpers/front-scripted-model.js';
import { startTestServer, type TestServer } from '../helpers/openai-test-server.js';
import { type CliProcess, startCli, startWorkerProcess, stopProcess } from './cli-processes.js';
import { flushDb, startTestRedis, type TestRedis } from './redis-server.js';

let redis: TestRedis;
let server: TestServer;
let folder: string;
let csv: string;
let requests = 0;
beforeAll(async () => {
  redis = await startTestRedis();
  server = await startTestServer({
    answer: (body) => {
      requests++;
      return frontScriptedModel(body);
    },
  });
  folder = mkdtempSync(join(tmpdir(), 'modeldebug-front-redis-'));
  csv = join(folder, 'reviews.csv');
  writeFileSync(csv, reviewCsv(120));
}, 60_000);
afterAll(async () => {
  await server?.close();
  await redis?.stop();
  rmSync(folder, { recursive: true, force: true });
});

const model = (name: string) =>
  `llm(model=${name}, base_url=${server.baseURL}, temperature=0.7, template='Review: {{review}}')`;
const frontArgs = (store: string, ...extra: string[]) => [
  'front',
  csv,
  '--label',
  'y',
  '--text',
  'review',
  '--model',
  model('cheap'),
  '--model',
  model('flaky'),
  '--maj',
  '1,3',
  '--first-rung',
  '40',
  '--prices',
  JSON.stringify(FRONT_PRICES),
  '--store',
  join(folder, store),
  '--json',
  ...extra,
];

async function front(args: readonly string[]) {
  const child = startCli(args);
  const code = await child.exited;
  expect(child.stderr()).toBe('');
  expect(code).toBe(0);
  return frontOutputSchema.parse(JSON.parse(child.stdout()));
}

describe('modeldebug front --redis', () => {
  it('races on a worker process to the same front as a local run, and reruns from the cache', async () => {
    const url = redis.url(10);
    await flushDb(url);
    const worker: CliProcess = await startWorkerProcess(url, 'front-w1');
    try {
      const local = await front(frontArgs('local.sqlite'));
      const localRequests = requests;
      const remote = await front(frontArgs('remote.sqlite', '--redis', url));
      expect(remote.front).toEqual(local.front);
      expect(remote.arms.map((arm) => [arm.name, arm.rows, arm.accuracy, arm.status])).toEqual(
        local.arms.map((arm) => [arm.name, arm.rows, arm.accuracy, arm.status]),
      );
      expect(requests - localRequests).toBe(local.httpCalls);
      expect(remote.httpCalls).toBe(local.httpCalls);
      const again = await front(frontArgs('remote.sqlite', '--redis', url));
      expect(again.httpCalls).toBe(0);
      expect(requests - localRequests).toBe(local.httpCalls);
      expect(again.front).toEqual(local.front);
    } finally {
      await stopProcess(worker);
    }
  }, 300_000);
});
