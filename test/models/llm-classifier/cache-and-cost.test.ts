import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createMemoryCache, SQLITE_CACHE_TABLE } from '../../../src/llm/index.js';
import { createLlmClassifier } from '../../../src/models/llm-classifier/index.js';
import { useTempDir } from '../../helpers/use-temp-dir.js';
import { useTestServer } from '../../helpers/use-test-server.js';
import { TEST, TRAIN } from './text-data.js';

const startServer = useTestServer();
const makeTempDir = useTempDir();

describe('LLM classifier cache', () => {
  it('re-running the same evaluation makes zero HTTP calls (memory cache shared by withParams copies)', async () => {
    const server = await startServer({ answer: () => 'pos' });
    const estimator = createLlmClassifier({ base_url: server.baseURL }, { env: {} });
    await (await estimator.fit(TRAIN.features, TRAIN.labels)).predict(TEST.features);
    expect(server.requests()).toBe(6);
    await (await estimator.withParams({ concurrency: 2 }).fit(TRAIN.features, TRAIN.labels)).predict(
      TEST.features,
    );
    expect(server.requests()).toBe(6);
    // A param that changes the prompt misses.
    await (await estimator.withParams({ temperature: 0.3 }).fit(TRAIN.features, TRAIN.labels)).predict(
      TEST.features,
    );
    expect(server.requests()).toBe(12);
  });

  it('predict and predictProba on the same rows share one run', async () => {
    const server = await startServer({ answer: () => 'pos' });
    const fitted = await createLlmClassifier({ base_url: server.baseURL, cache: null }, { env: {} }).fit(
      TRAIN.features,
      TRAIN.labels,
    );
    await Promise.all([fitted.predict(TEST.features), fitted.predictProba(TEST.features)]);
    expect(server.requests()).toBe(6);
  });

  it('keeps answers in a SQLite file across processes, never the key, and never errors', async () => {
    const dir = makeTempDir('modeldebug-llm-');
    const file = join(dir, 'cache.sqlite');
    const secret = 'sk-sqlite-SECRET-987654321';
    let failFirst = true;
    const server = await startServer({
      answer: () => 'neg',
      fault: () => {
        if (!failFirst) return undefined;
        failFirst = false;
        return { kind: 'status', status: 500 };
      },
    });
    const make = () =>
      createLlmClassifier(
        { base_url: server.baseURL, cache: file, api_key_env: 'KEY', max_attempts: 1 },
        { env: { KEY: secret } },
      );
    const first = await (await make().fit(TRAIN.features, TRAIN.labels)).predictDetailed(TEST.features);
    expect(first.usage.errors).toBe(1);
    expect(server.requests()).toBe(6);
    const second = await (await make().fit(TRAIN.features, TRAIN.labels)).predictDetailed(TEST.features);
    expect(server.requests()).toBe(7);
    expect(second.usage.cacheHits).toBe(5);
    const third = await (await make().fit(TRAIN.features, TRAIN.labels)).predictDetailed(TEST.features);
    expect(server.requests()).toBe(7);
    expect(third.usage.cacheHits).toBe(6);
    // The database and its WAL, whatever has been checkpointed.
    const bytes = Buffer.concat(readdirSync(dir).map((name) => readFileSync(join(dir, name))));
    expect(bytes.includes(Buffer.from(secret))).toBe(false);
    expect(bytes.includes(Buffer.from(SQLITE_CACHE_TABLE))).toBe(true);
  });

  it('bypasses the cache when the runtime says null (--no-cache)', async () => {
    const server = await startServer({ answer: () => 'pos' });
    const estimator = createLlmClassifier({ base_url: server.baseURL }, { env: {}, cache: null });
    await (await estimator.fit(TRAIN.features, TRAIN.labels)).predict(TEST.features);
    await (await estimator.fit(TRAIN.features, TRAIN.labels)).predict(TEST.features);
    expect(server.requests()).toBe(12);
  });
});

describe('LLM classifier tokens and cost', () => {
  const prices = { m: { input: 1, output: 2 } };

  it('counts tokens and dollars per run; an unpriced model shows tokens only', async () => {
    const server = await startServer({ answer: () => 'pos' });
    const priced = await createLlmClassifier(
      { base_url: server.baseURL, model: 'm', prices },
      { env: {} },
    ).fit(TRAIN.features, TRAIN.labels);
    const { usage } = await priced.predictDetailed(TEST.features);
    expect(usage.promptTokens).toBeGreaterThan(0);
    expect(usage.completionTokens).toBe(6);
    expect(usage.costUsd).toBeCloseTo((usage.promptTokens * 1 + usage.completionTokens * 2) / 1e6, 15);
    const unpriced = await createLlmClassifier({ base_url: server.baseURL, model: 'x' }, { env: {} }).fit(
      TRAIN.features,
      TRAIN.labels,
    );
    expect((await unpriced.predictDetailed(TEST.features)).usage.costUsd).toBeUndefined();
  });

  it('refuses to start a run whose estimate exceeds max_cost, before any call', async () => {
    const server = await startServer({ answer: () => 'pos' });
    const fitted = await createLlmClassifier(
      { base_url: server.baseURL, model: 'm', prices, max_cost: 1e-6 },
      { env: {} },
    ).fit(TRAIN.features, TRAIN.labels);
    await expect(fitted.predict(TEST.features)).rejects.toMatchObject({ code: 'budget_exceeded' });
    expect(server.requests()).toBe(0);
    const unpriced = await createLlmClassifier(
      { base_url: server.baseURL, model: 'y', max_cost: 1 },
      { env: {} },
    ).fit(TRAIN.features, TRAIN.labels);
    await expect(unpriced.predict(TEST.features)).rejects.toMatchObject({ code: 'invalid_param' });
  });

  it('reports progress: done, total, errors, rate, ETA and cost so far', async () => {
    const server = await startServer({ answer: () => 'pos' });
    const seen: { done: number; total: number; costUsd: number | undefined }[] = [];
    const fitted = await createLlmClassifier(
      { base_url: server.baseURL, model: 'm', prices },
      { env: {}, cache: createMemoryCache(), onProgress: (p) => seen.push(p) },
    ).fit(TRAIN.features, TRAIN.labels);
    await fitted.predict(TEST.features);
    expect(seen.map((p) => p.done)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(seen.at(-1)).toMatchObject({ total: 6, errors: 0 });
    expect(seen.at(-1)!.costUsd).toBeGreaterThan(0);
  });
});
