import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ChatBody, lastUser, startTestServer, type TestServer } from '../helpers/openai-test-server.js';
import { type CliProcess, jobEvents, startCli, startWorkerProcess, stopProcess } from './cli-processes.js';
import { flushDb, startTestRedis, type TestRedis } from './redis-server.js';

const FOLD_QUEUE = 'modeldebug-folds';
/** Two models, 3 folds; of the steps only the learning curve (2 sizes) and the grid search use the executor. */
const CONFIG = `data:
  example: iris
models:
  - scale | logreg
  - gnb
cv: 3
steps:
  validate: false
  baseline: true
  learning_curve:
    train_sizes: [0.5, 1.0]
  validation_curve: false
  search: true
  regularization: false
  selection: false
  ensemble: false
  error_analysis: false
  final_test: true
`;

/** Only the workers have this variable: a request that carries its key was sent by a worker. */
const WORKER_KEY = { MODELDEBUG_TEST_WORKER_KEY: 'sk-worker-only-2' };

let redis: TestRedis;
let server: TestServer;
let folder: string;
/** Requests per prompt text. */
const asked = new Map<string, number>();

/** Right from the words, wrong on every 7th message, no label on every 5th from 3. */
function answer(body: ChatBody): string {
  const text = lastUser(body);
  asked.set(text, (asked.get(text) ?? 0) + 1);
  const number = Number(/message (\d+)/.exec(text)?.[1]);
  const spam = text.includes('money');
  if (number % 5 === 3) return 'I would rather not say.';
  return number % 7 === 0 ? (spam ? 'ham' : 'spam') : spam ? 'spam' : 'ham';
}
const workers: CliProcess[] = [];

beforeAll(async () => {
  redis = await startTestRedis();
  server = await startTestServer({ answer });
  folder = mkdtempSync(join(tmpdir(), 'modeldebug-run-redis-'));
  writeFileSync(join(folder, 'tiny.yaml'), CONFIG);
  const lines = ['text,label'];
  for (let i = 0; i < 60; i++) {
    const spam = i % 2 === 1;
    lines.push(
      `"message ${i}: ${spam ? 'win money now' : 'meeting notes attached'}",${spam ? 'spam' : 'ham'}`,
    );
  }
  writeFileSync(join(folder, 'messages.csv'), `${lines.join('\n')}\n`);
  writeFileSync(
    join(folder, 'llm.yaml'),
    [
      'data: { train: messages.csv, label: label, text: [text] }',
      'models:',
      `  - llm(model=test-model, base_url=${server.baseURL}, few_shot_k=0, api_key_env=MODELDEBUG_TEST_WORKER_KEY)`,
      'cv: 3',
      'steps:',
      '  validate: false',
      '  learning_curve: false',
      '  selection: false',
      // Robustness calls the endpoint from this process (its variants are not the workers' batches).
      '  llm_robustness: false',
      '  error_analysis: { n_boot: 50 }',
      '  final_test: { n_boot: 50 }',
      '',
    ].join('\n'),
  );
}, 30_000);

afterAll(async () => {
  for (const worker of workers) await stopProcess(worker, 'SIGKILL');
  await server?.close();
  await redis?.stop();
  if (folder) rmSync(folder, { recursive: true, force: true });
});

async function runReport(
  name: string,
  extra: readonly string[],
  config = 'tiny.yaml',
): Promise<Record<string, unknown>> {
  const out = join(folder, name);
  const child = startCli([
    'run',
    join(folder, config),
    '--out',
    out,
    '--store',
    join(folder, `${name}.db`),
    '--quiet',
    ...extra,
  ]);
  const code = await child.exited;
  expect(child.stderr()).toBe('');
  expect(code).toBe(0);
  return JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as Record<string, unknown>;
}

/** The report with every measured latency (the front's arms' `latencyMs`) blanked. */
function withoutLatency(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value, (key, inner) => (key === 'latencyMs' ? null : inner)));
}

describe('modeldebug run --redis', () => {
  it('fits the curve and the search on two workers, with the local report', async () => {
    const url = redis.url(9);
    await flushDb(url);
    const local = await runReport('local', []);
    workers.push(await startWorkerProcess(url, 'one'), await startWorkerProcess(url, 'two'));
    const remote = await runReport('remote', ['--redis', url]);

    expect(remote.summary).toEqual(local.summary);
    expect(remote.sections).toEqual(local.sections);
    expect(remote.findings).toEqual(local.findings);
    const sections = local.sections as Record<string, { trials?: unknown[]; trainSizes?: unknown[] }>;
    expect(sections.search.trials).toHaveLength(10);
    expect(sections.learningCurve.trainSizes).toHaveLength(2);

    // 2 curve sizes x 3 folds on shuffled rows + the file-order curve's half size x 3 folds (its full
    // size fits the same rows as the shuffled curve's, so those jobs are the same jobs) + 10 candidates
    // x 3 folds: 39, each fitted once, all by the workers.
    const completed = [...(await jobEvents(url, FOLD_QUEUE)).values()].map((perJob) =>
      perJob.get('completed'),
    );
    expect(completed).toHaveLength(39);
    expect(completed.every((count) => count === 1)).toBe(true);
    let done = 0;
    for (const worker of workers.splice(0)) {
      await stopProcess(worker);
      const stopped = /stopped after (\d+) jobs/.exec(worker.stderr());
      expect(stopped).not.toBeNull();
      done += Number(stopped?.[1]);
    }
    expect(done).toBe(39);
  }, 180_000);

  it("sends an LLM model's items to the workers in batches, with the local report; a rerun calls nothing", async () => {
    const url = redis.url(11);
    await flushDb(url);
    const local = await runReport('llm-local', [], 'llm.yaml');
    const calls = server.requests();
    expect(calls).toBe(asked.size);
    const workerHeader = `Bearer ${WORKER_KEY.MODELDEBUG_TEST_WORKER_KEY}`;
    expect(server.authorizations()).not.toContain(workerHeader);

    workers.push(
      await startWorkerProcess(url, 'three', WORKER_KEY),
      await startWorkerProcess(url, 'four', WORKER_KEY),
    );
    const remote = await runReport('llm-remote', ['--redis', url], 'llm.yaml');
    expect(remote.summary).toEqual(local.summary);
    // Latency is each machine's clock (the workers' under --redis), the one field that may differ.
    expect(withoutLatency(remote.sections)).toEqual(withoutLatency(local.sections));
    expect(remote.skipped).toEqual(local.skipped);
    // The same prompts again, each once, every one of them from a worker.
    expect(server.requests()).toBe(2 * calls);
    expect([...asked.values()].every((count) => count === 2)).toBe(true);
    expect(
      server
        .authorizations()
        .slice(calls)
        .every((header) => header === workerHeader),
    ).toBe(true);
    const batches = [...(await jobEvents(url, 'modeldebug-chat')).values()];
    expect(batches.length).toBeGreaterThan(0);
    expect(batches.every((perJob) => perJob.get('completed') === 1)).toBe(true);
    expect(await jobEvents(url, FOLD_QUEUE)).toEqual(new Map());

    const rerun = await runReport('llm-remote', ['--redis', url], 'llm.yaml');
    expect(server.requests()).toBe(2 * calls);
    expect(rerun.summary).toEqual(local.summary);
  }, 180_000);
});
