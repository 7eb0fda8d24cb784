import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { spamAnswer, writeSpamMessages } from '../helpers/spam-messages.js';
import { useTempDir } from '../helpers/use-temp-dir.js';
import { useTestServer } from '../helpers/use-test-server.js';
import { expectOneLineError, runCli } from './run-cli.js';
import { runCliAsync } from './run-cli-async.js';

const startServer = useTestServer();
const makeTempDir = useTempDir();

/**
 * Train and test files of 40 messages each, half spam; the server answers from the words and says
 * "maybe" to every message whose number is a multiple of 10 (4 of the test messages).
 */
function writeMessages(folder: string): { train: string; test: string } {
  return {
    train: writeSpamMessages(join(folder, 'train.csv'), 0, 40),
    test: writeSpamMessages(join(folder, 'test.csv'), 40, 40),
  };
}

function storeCounts(path: string): { cached: number; results: number; runs: { status: string }[] } {
  const db = new Database(path, { readonly: true });
  try {
    const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
    return {
      cached: count('SELECT COUNT(*) AS n FROM llm_response_cache_v1'),
      results: count('SELECT COUNT(*) AS n FROM llm_results'),
      runs: db.prepare('SELECT status FROM runs ORDER BY created_at').all() as { status: string }[],
    };
  } finally {
    db.close();
  }
}

describe('modeldebug eval with an LLM model', () => {
  it('keeps answers in the run store: a rerun makes zero HTTP calls, --no-cache calls again', async () => {
    const dir = makeTempDir('modeldebug-eval-llm-');
    const data = writeMessages(dir);
    const store = join(dir, 'runs.db');
    const server = await startServer({ answer: spamAnswer });
    const args = [
      'eval',
      data.train,
      '--label',
      'label',
      '--test',
      data.test,
      '--model',
      'llm',
      '--param',
      `base_url=${server.baseURL}`,
      '--store',
      store,
    ];
    const first = await runCliAsync([...args, '--json']);
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    expect(server.requests()).toBe(40);
    const document = JSON.parse(first.stdout);
    // 4 of the 40 test messages (numbers divisible by 10) get "maybe": unparseable, so counted as errors.
    expect(document.llmOutcomes.counts.unparseable).toBe(4);
    expect(document.metrics.accuracy).toBeCloseTo(36 / 40, 12);
    expect(document.llmRun).toMatchObject({ calls: 40, cacheHits: 0, failed: 0, costUsd: null });
    // No price for the model: tokens only (the test server counts a token per 4 prompt characters).
    expect(document.llmRun.promptTokens).toBeGreaterThan(40 * 20);
    expect(document.confusionMatrix.predictedLabels).toEqual(['ham', 'spam', 'unparseable']);
    expect(storeCounts(store)).toMatchObject({ cached: 40, results: 40, runs: [{ status: 'done' }] });

    const again = await runCliAsync(args);
    expect(again.status).toBe(0);
    expect(server.requests()).toBe(40);
    expect(again.stdout).toContain('40 calls: 0 answered by the endpoint, 40 from the cache, 0 failed');
    expect(again.stdout).toContain('tokens 0 prompt + 0 completion; cost unknown (no price for the model)');

    const uncached = await runCliAsync([...args, '--no-cache', '--json']);
    expect(uncached.status).toBe(0);
    expect(server.requests()).toBe(80);
    expect(JSON.parse(uncached.stdout).llmRun.cacheHits).toBe(0);
  }, 60_000);

  it('resumes a run killed with SIGKILL: the rerun calls only the rows that had not finished', async () => {
    const dir = makeTempDir('modeldebug-eval-llm-');
    const data = writeMessages(dir);
    const store = join(dir, 'runs.db');
    const server = await startServer({ answer: spamAnswer, latencyMs: 40 });
    const args = [
      'eval',
      data.train,
      '--label',
      'label',
      '--test',
      data.test,
      '--model',
      'llm(concurrency=2)',
      '--param',
      `base_url=${server.baseURL}`,
      '--store',
      store,
      '--json',
    ];
    const killed = await runCliAsync(args, (child) => {
      const poll = setInterval(() => {
        if (server.requests() >= 12) {
          clearInterval(poll);
          child.kill('SIGKILL');
        }
      }, 5);
    });
    expect(killed.signal).toBe('SIGKILL');
    const afterKill = storeCounts(store);
    expect(afterKill.cached).toBeGreaterThanOrEqual(10);
    expect(afterKill.cached).toBeLessThan(40);
    // An answer is cached, then its item recorded: a kill can fall between the two for the (at most 2)
    // calls in flight, never more. The run stays 'running'.
    expect(afterKill.results).toBeLessThanOrEqual(afterKill.cached);
    expect(afterKill.results).toBeGreaterThanOrEqual(afterKill.cached - 2);
    expect(afterKill.runs).toEqual([{ status: 'running' }]);

    const before = server.requests();
    const resumed = await runCliAsync(args);
    expect(resumed.status).toBe(0);
    expect(server.requests() - before).toBe(40 - afterKill.cached);
    const document = JSON.parse(resumed.stdout);
    expect(document.llmRun.cacheHits).toBe(afterKill.cached);
    expect(document.llmOutcomes.counts.unparseable).toBe(4);
  }, 60_000);

  it('refuses --max-cost above the estimate, and the LLM flags on a classical model', async () => {
    const dir = makeTempDir('modeldebug-eval-llm-');
    const data = writeMessages(dir);
    const server = await startServer({ answer: spamAnswer });
    const refused = await runCliAsync([
      'eval',
      data.train,
      '--label',
      'label',
      '--model',
      `llm(base_url="${server.baseURL}", model="m", prices={"m": {"input": 1000, "output": 1000}})`,
      '--max-cost',
      '0.01',
      '--store',
      join(dir, 'runs.db'),
    ]);
    expectOneLineError(refused, /estimated cost \$\d+\.\d+ exceeds max_cost \$0\.01/);
    expect(server.requests()).toBe(0);
    // The refused run is on record as failed, with the reason.
    const db = new Database(join(dir, 'runs.db'), { readonly: true });
    const runs = db.prepare('SELECT kind, status, error FROM runs').all() as {
      status: string;
      error: string;
    }[];
    db.close();
    expect(runs).toEqual([
      { kind: 'eval', status: 'failed', error: expect.stringContaining('exceeds max_cost') },
    ]);
    expectOneLineError(
      runCli(['eval', '--example', 'iris', '--max-cost', '1']),
      '--max-cost applies to an LLM model only',
    );
  }, 60_000);
});
