import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadExample } from '../../../src/data/index.js';
import { createLlmClassifier, loadLlmClassifier } from '../../../src/models/llm-classifier/index.js';
import { describeEstimatorContract } from '../../contract/estimator-contract.js';
import { errorCode } from '../../helpers/error-code.js';
import { startTestServer, type TestServer } from '../../helpers/openai-test-server.js';
import { IRIS_SERVER } from './iris-server.js';

/**
 * The shared estimator contract, run for the LLM classifier against the local test server (the registry's
 * suite builds estimators from `{}`, which would call OpenAI), plus what only an LLM must honour: no API
 * key as a param, and none in its JSON.
 */
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer(IRIS_SERVER);
});
afterAll(() => server.close());

describeEstimatorContract({
  name: 'llm (against the local test server)',
  create: () => createLlmClassifier({ base_url: server.baseURL, model: 'iris-test' }, { env: {} }),
  invalidValue: { temperature: -1 },
  validPatch: { temperature: 0.5 },
  minAccuracy: 0.9,
  load: (serialized) => loadLlmClassifier(serialized, { env: {} }),
});

describe('llm classifier: params and secrets', () => {
  it('rejects any API key param and a regex parser without a pattern', () => {
    const estimator = createLlmClassifier({ base_url: server.baseURL, model: 'iris-test' }, { env: {} });
    expect(errorCode(() => estimator.withParams({ api_key: 'sk-secret-value' } as never))).toBe(
      'unknown_param',
    );
    expect(errorCode(() => estimator.withParams({ parse: 'regex' }))).toBe('invalid_param');
  });

  it('serialises to JSON without the API key and loads back to identical predictions', async () => {
    const iris = await loadExample('iris');
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
