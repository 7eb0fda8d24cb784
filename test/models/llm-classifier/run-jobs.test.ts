import { describe, expect, it } from 'vitest';
import { buildModel } from '../../../src/catalog/index.js';
import { createMemoryCache, runChatJobs } from '../../../src/llm/index.js';
import { createLlmClassifier } from '../../../src/models/llm-classifier/index.js';
import { useTestServer } from '../../helpers/use-test-server.js';
import { TEST, TRAIN } from './text-data.js';

const startServer = useTestServer();

describe('LLM classifier runJobs (the runtime that --redis swaps in)', () => {
  it('sends every call through the given runner, with the local predictions, cache and items', async () => {
    const server = await startServer({
      answer: (body) => (JSON.stringify(body).includes('good') ? 'pos' : 'neg'),
    });
    const local = await (
      await createLlmClassifier({ base_url: server.baseURL, cache: null }, { env: {} }).fit(
        TRAIN.features,
        TRAIN.labels,
      )
    ).predictProba(TEST.features);
    expect(server.requests()).toBe(TEST.features.rows);

    const batches: number[] = [];
    const items: number[] = [];
    const runJobs: typeof runChatJobs = (engine, provider, jobs, onResult, options) => {
      batches.push(options.total);
      return runChatJobs(engine, provider, jobs, onResult, options);
    };
    const runtime = {
      env: {},
      cache: createMemoryCache(),
      runJobs,
      onItem: (item: { row: number }) => items.push(item.row),
    };
    const classifier = buildModel([{ name: 'llm', params: { base_url: server.baseURL } }], { llm: runtime });
    const fitted = await classifier.fit(TRAIN.features, TRAIN.labels);
    expect(await fitted.predictProba(TEST.features)).toEqual(local);
    expect(batches).toEqual([TEST.features.rows]);
    expect(items.sort((a, b) => a - b)).toEqual(Array.from({ length: TEST.features.rows }, (_, row) => row));
    expect(server.requests()).toBe(2 * TEST.features.rows);
    // The runner gets the cache: a second prediction goes through it again and calls nothing.
    await (await classifier.fit(TRAIN.features, TRAIN.labels)).predict(TEST.features);
    expect(batches).toHaveLength(2);
    expect(server.requests()).toBe(2 * TEST.features.rows);
  });
});
