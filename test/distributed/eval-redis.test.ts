import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ChatBody, lastUser, startTestServer, type TestServer } from '../helpers/openai-test-server.js';
import { type CliProcess, jobEvents, startCli, startWorkerProcess, stopProcess } from './cli-processes.js';
import { flushDb, startTestRedis, type TestRedis } from './redis-server.js';

const CHAT_QUEUE = 'modeldebug-chat';
/** Only the workers have this variable: a request that carries its key was sent by a worker. */
const WORKER_KEY = { MODELDEBUG_TEST_WORKER_KEY: 'sk-worker-only-1' };

let redis: TestRedis;
let server: TestServer;
let folder: string;
const workers: CliProcess[] = [];
/** Requests per prompt text, and the Authorization header of each. */
const asked = new Map<string, number>();

/** 60 test messages, half spam; every 10th answered "maybe" (unparseable). */
function writeMessages(name: string, from: number): string {
  const lines = ['text,label'];
  for (let i = from; i < from + 60; i++) {
    const spam = i % 2 === 1;
    lines.push(
      `"message ${i}: ${spam ? 'win money now' : 'meeting notes attached'}",${spam ? 'spam' : 'ham'}`,
    );
  }
  const path = join(folder, name);
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

function answer(body: ChatBody): string {
  const text = lastUser(body);
  asked.set(text, (asked.get(text) ?? 0) + 1);
  const number = Number(/message (\d+)/.exec(text)?.[1]);
  if (number % 10 === 0) return 'maybe';
  return text.includes('money') ? 'spam' : 'ham';
}

function storedItems(path: string): { row: number; outcome: string; label: string | null }[] {
  const db = new Database(path, { readonly: true });
  try {
    return db
      .prepare('SELECT row_index AS row, outcome, label FROM llm_results ORDER BY row_index, sample_index')
      .all() as { row: number; outcome: string; label: string | null }[];
  } finally {
    db.close();
  }
}

async function evalRun(args: readonly string[]): Promise<{ json: Record<string, unknown>; stderr: string }> {
  const child = startCli([...args, '--json']);
  const code = await child.exited;
  expect(child.stderr()).toBe('');
  expect(code).toBe(0);
  return { json: JSON.parse(child.stdout()) as Record<string, unknown>, stderr: child.stderr() };
}

beforeAll(async () => {
  redis = await startTestRedis();
  server = await startTestServer({ answer });
  folder = mkdtempSync(join(tmpdir(), 'modeldebug-eval-redis-'));
}, 30_000);

afterAll(async () => {
  for (const worker of workers) await stopProcess(worker, 'SIGKILL');
  await server?.close();
  await redis?.stop();
  if (folder) rmSync(folder, { recursive: true, force: true });
});

describe('modeldebug eval --redis with an LLM model', () => {
  it('has the workers call each item once, with the local predictions; a rerun is all cache hits', async () => {
    const url = redis.url(8);
    await flushDb(url);
    const train = writeMessages('train.csv', 0);
    const test = writeMessages('test.csv', 100);
    const args = (store: string) => [
      'eval',
      train,
      '--label',
      'label',
      '--text',
      'text',
      '--test',
      test,
      '--model',
      'llm(api_key_env=MODELDEBUG_TEST_WORKER_KEY)',
      '--param',
      `base_url=${server.baseURL}`,
      '--store',
      join(folder, store),
    ];

    const local = await evalRun(args('local.db'));
    expect(server.requests()).toBe(60);
    const workerHeader = `Bearer ${WORKER_KEY.MODELDEBUG_TEST_WORKER_KEY}`;
    expect(server.authorizations().some((header) => header === workerHeader)).toBe(false);

    workers.push(
      await startWorkerProcess(url, 'one', WORKER_KEY),
      await startWorkerProcess(url, 'two', WORKER_KEY),
    );
    const remote = await evalRun([...args('remote.db'), '--redis', url]);
    expect(server.requests()).toBe(120);
    // Every test message was asked once locally and once by a worker, never twice in one run.
    expect(asked.size).toBe(60);
    expect([...asked.values()].every((count) => count === 2)).toBe(true);
    const byWorkers = server.authorizations().slice(60);
    expect(byWorkers).toHaveLength(60);
    expect(byWorkers.every((header) => header === workerHeader)).toBe(true);
    // 60 items in batches of 25: three batches, each completed once.
    const completed = [...(await jobEvents(url, CHAT_QUEUE)).values()].map((perJob) =>
      perJob.get('completed'),
    );
    expect(completed).toEqual([1, 1, 1]);

    const { llmRun: localRun, ...localRest } = local.json;
    const { llmRun: remoteRun, ...remoteRest } = remote.json;
    expect(remoteRest).toEqual(localRest);
    expect(localRest.metrics).toMatchObject({ accuracy: 54 / 60 });
    expect(remoteRun).toMatchObject({ calls: 60, cacheHits: 0, failed: 0 });
    expect(localRun).toMatchObject({ calls: 60, cacheHits: 0, failed: 0 });
    // The coordinator wrote each item's outcome to its store, as the local run did.
    const items = storedItems(join(folder, 'remote.db'));
    expect(items).toHaveLength(60);
    expect(items).toEqual(storedItems(join(folder, 'local.db')));

    const rerun = await evalRun([...args('remote.db'), '--redis', url]);
    expect(server.requests()).toBe(120);
    expect(rerun.json.llmRun).toMatchObject({ calls: 60, cacheHits: 60, failed: 0 });
    expect(rerun.json.metrics).toEqual(remote.json.metrics);
    expect([...(await jobEvents(url, CHAT_QUEUE)).values()]).toHaveLength(3);
  }, 180_000);

  it('refuses --redis for a model that eval fits here, in one line', async () => {
    const child = startCli(['eval', '--example', 'iris', '--model', 'gnb', '--redis', 'redis://127.0.0.1:1']);
    expect(await child.exited).not.toBe(0);
    expect(child.stderr()).toMatch(/--redis applies to an LLM model in eval/);
    expect(child.stderr().trim().split('\n').length).toBeLessThanOrEqual(2);
  }, 60_000);
});
