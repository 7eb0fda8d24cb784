import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Classifier,
  encodeLabels,
  type Features,
  type Labels,
  takeFeatureRows,
  takeLabelRows,
} from '../../../src/core/index.js';
import { loadExample } from '../../../src/data/index.js';
import { createLlmClassifier, loadLlmClassifier } from '../../../src/models/llm-classifier/index.js';
import { errorCode } from '../../helpers/error-code.js';
import { startTestServer, type TestServer } from '../../helpers/openai-test-server.js';
import { IRIS_SERVER } from './iris-server.js';

/**
 * The estimator contract of test/contract/estimators.test.ts, run for the LLM classifier against the
 * local test server (the shared suite builds estimators from `{}`, which would call OpenAI).
 */
let server: TestServer;
let iris: { features: Features; labels: Labels };
let create: () => Classifier;

beforeAll(async () => {
  server = await startTestServer(IRIS_SERVER);
  iris = await loadExample('iris');
  create = () => createLlmClassifier({ base_url: server.baseURL, model: 'iris-test' }, { env: {} });
});
afterAll(() => server.close());

describe('estimator contract: llm (against the local test server)', () => {
  it('is deterministic: fitting twice gives the same probabilities', async () => {
    const first = await (await create().fit(iris.features, iris.labels)).predictProba(iris.features);
    const second = await (await create().fit(iris.features, iris.labels)).predictProba(iris.features);
    expect(Array.from(second.data)).toEqual(Array.from(first.data));
  });

  it('withParams returns a validated copy and leaves the original alone', () => {
    const estimator = create();
    const before = { ...estimator.params };
    const changed = estimator.withParams({ temperature: 0.5 });
    expect(changed.params).toHaveProperty('temperature', 0.5);
    expect(estimator.params).toEqual(before);
    expect(estimator.withParams({}).params).toEqual(estimator.params);
  });

  it('rejects unknown params, invalid values and any API key param with typed errors', () => {
    const estimator = create();
    expect(errorCode(() => estimator.withParams({ no_such_param: 1 } as never))).toBe('unknown_param');
    expect(errorCode(() => estimator.withParams({ temperature: -1 }))).toBe('invalid_param');
    expect(errorCode(() => estimator.withParams({ api_key: 'sk-secret-value' } as never))).toBe(
      'unknown_param',
    );
    expect(errorCode(() => estimator.withParams({ parse: 'regex' }))).toBe('invalid_param');
  });

  it('gives probabilities that sum to 1 and predictions that are their argmax', async () => {
    const fitted = await create().fit(iris.features, iris.labels);
    const proba = await fitted.predictProba(iris.features);
    const predicted = await fitted.predict(iris.features);
    expect(proba.cols).toBe(fitted.classes.length);
    for (let i = 0; i < proba.rows; i++) {
      const row = Array.from(proba.data.subarray(i * proba.cols, (i + 1) * proba.cols));
      expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
      expect(row[predicted[i]]).toBe(Math.max(...row));
    }
  });

  it('works with string labels and non-contiguous integer labels', async () => {
    for (const names of [
      ['setosa', 'versicolor', 'virginica'],
      ['3', '10', '200'],
    ]) {
      const labels = encodeLabels(Array.from(iris.labels.codes, (code) => names[code]));
      const fitted = await create().fit(iris.features, labels);
      expect(fitted.classes).toEqual(names);
      const predicted = await fitted.predict(iris.features);
      const correct = predicted.filter(
        (code, i) => fitted.classes[code] === labels.classes[labels.codes[i]],
      ).length;
      expect(correct / predicted.length).toBeGreaterThan(0.9);
    }
  });

  it('knows only the classes present in its training rows, and refuses a single class', async () => {
    const rows = Int32Array.from({ length: 100 }, (_, i) => i + 50);
    const fitted = await create().fit(takeFeatureRows(iris.features, rows), takeLabelRows(iris.labels, rows));
    expect(fitted.classes).toEqual(['versicolor', 'virginica']);
    expect((await fitted.predictProba(iris.features)).cols).toBe(2);
    const one = Int32Array.from({ length: 10 }, (_, i) => i);
    await expect(
      create().fit(takeFeatureRows(iris.features, one), takeLabelRows(iris.labels, one)),
    ).rejects.toMatchObject({ code: 'single_class' });
  });

  it('serialises to JSON and loads back to identical predictions, without the API key', async () => {
    const secret = 'sk-live-DO-NOT-LEAK-123456';
    const estimator = createLlmClassifier(
      { base_url: server.baseURL, model: 'iris-test', api_key_env: 'MY_KEY', few_shot_k: 2 },
      { env: { MY_KEY: secret } },
    );
    const fitted = await estimator.fit(iris.features, iris.labels);
    const text = JSON.stringify(fitted.toJSON());
    expect(text).not.toContain(secret);
    expect(text).toContain('MY_KEY');
    const restored = loadLlmClassifier(JSON.parse(text), { env: { MY_KEY: secret } });
    expect(restored.classes).toEqual(fitted.classes);
    expect(Array.from((await restored.predictProba(iris.features)).data)).toEqual(
      Array.from((await fitted.predictProba(iris.features)).data),
    );
    expect(server.authorizations().at(-1)).toBe(`Bearer ${secret}`);
  });
});
