import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildModel, type ModelRuntime, parseModelSpec } from '../../src/catalog/index.js';
import { createWorkerPool } from '../../src/parallel/index.js';
import { gridStrategy, search } from '../../src/selection/index.js';
import { reviewDataset } from '../analysis/llm-reviews.js';
import { useTempDir } from '../helpers/use-temp-dir.js';
import { useTestServer } from '../helpers/use-test-server.js';
import { TEST, TRAIN } from '../models/llm-classifier/text-data.js';

const startServer = useTestServer();
const makeTempDir = useTempDir();

/** Fits a freshly built model on `train` and predicts `test` (default: 6 LLM calls unless cached). */
async function fitAndPredict(spec: string, runtime?: ModelRuntime, train = TRAIN, test = TEST) {
  const model = buildModel(parseModelSpec(spec), runtime);
  const fitted = await model.fit(train.features, train.labels);
  await fitted.predict(test.features);
  return { model, fitted };
}

describe('the cache file is runtime, not a param', () => {
  it('an LLM built with a cache file keeps it out of its params and model JSON, and a new build reads it', async () => {
    const server = await startServer({ answer: () => 'pos' });
    const file = join(makeTempDir('modeldebug-runtime-'), 'store.sqlite');
    const spec = `llm(model=m, base_url=${server.baseURL})`;
    const first = await fitAndPredict(spec, { cacheFile: file });
    expect(server.requests()).toBe(6);
    expect(first.model.params).toMatchObject({ cache: 'memory' });
    expect(JSON.stringify(first.model.params)).not.toContain(file);
    expect(JSON.stringify(first.fitted.toJSON())).not.toContain(file);
    // Another model object: no memory cache in common, so only the file can answer.
    await fitAndPredict(spec, { cacheFile: file });
    expect(server.requests()).toBe(6);
    await fitAndPredict(spec);
    expect(server.requests()).toBe(12);
  });

  it('a cache param the spec gives wins over the runtime file', async () => {
    const server = await startServer({ answer: () => 'pos' });
    const file = join(makeTempDir('modeldebug-runtime-'), 'store.sqlite');
    const spec = `llm(model=m, base_url=${server.baseURL}, cache=none)`;
    await fitAndPredict(spec, { cacheFile: file });
    await fitAndPredict(spec, { cacheFile: file });
    expect(server.requests()).toBe(12);
  });

  it('an embedding step caches in the runtime file, not in its params', async () => {
    const server = await startServer();
    const file = join(makeTempDir('modeldebug-runtime-'), 'store.sqlite');
    const spec = `embed(model=e, base_url=${server.baseURL}) | onehot | logreg`;
    // Embeddings are made at fit time for the texts of the loaded dataset: fit and predict on one.
    const reviews = reviewDataset();
    const first = await fitAndPredict(spec, { cacheFile: file }, reviews, reviews);
    const calls = server.requests();
    expect(calls).toBeGreaterThan(0);
    expect(JSON.stringify(first.fitted.toJSON())).not.toContain(file);
    await fitAndPredict(spec, { cacheFile: file }, reviews, reviews);
    expect(server.requests()).toBe(calls);
  });

  it('worker threads open the cache file their pool was started with', async () => {
    const server = await startServer({ answer: () => 'pos' });
    const file = join(makeTempDir('modeldebug-runtime-'), 'store.sqlite');
    const { features, labels } = reviewDataset();
    const steps = parseModelSpec(`llm(model=m, base_url=${server.baseURL})`);
    const searchOnPool = async () => {
      const pool = createWorkerPool(features, labels, { jobs: 2, runtime: { cacheFile: file } });
      try {
        return await search(features, labels, {
          steps,
          strategy: gridStrategy({ temperature: [0, 0.5] }),
          cv: 2,
          refit: false,
          executor: pool,
        });
      } finally {
        await pool.close();
      }
    };
    const first = await searchOnPool();
    expect(first.trials.every((trial) => trial.meanTestScore !== null)).toBe(true);
    // 2 temperatures x 40 distinct rows, each predicted once as a test row.
    expect(server.requests()).toBe(80);
    await searchOnPool();
    expect(server.requests()).toBe(80);
  }, 60_000);
});
