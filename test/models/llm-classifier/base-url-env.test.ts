import { afterEach, describe, expect, it } from 'vitest';
import { createLlmClassifier } from '../../../src/models/llm-classifier/index.js';
import { startTestServer, type TestServer } from '../../helpers/openai-test-server.js';
import { TEST, TRAIN } from './text-data.js';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('base_url_env: the endpoint from an environment variable', () => {
  it('calls the URL the variable holds, over base_url', async () => {
    server = await startTestServer({ answer: () => 'pos' });
    const fitted = await createLlmClassifier(
      { base_url: 'http://127.0.0.1:9/v1', base_url_env: 'MY_LLM_URL', cache: null },
      { env: { MY_LLM_URL: server.baseURL } },
    ).fit(TRAIN.features, TRAIN.labels);
    const detailed = await fitted.predictDetailed(TEST.features);
    expect(server.requests()).toBe(TEST.features.rows);
    expect(detailed.usage.errors).toBe(0);
  });

  it('refuses at fit when the variable is unset or not a URL, naming it', async () => {
    const fitWith = (env: Record<string, string>) =>
      createLlmClassifier({ base_url_env: 'MY_LLM_URL' }, { env }).fit(TRAIN.features, TRAIN.labels);
    await expect(fitWith({})).rejects.toThrow('the environment variable MY_LLM_URL is not set');
    await expect(fitWith({ MY_LLM_URL: 'localhost 11434' })).rejects.toThrow('MY_LLM_URL is not a URL');
  });

  it('needs a key when the variable points at OpenAI itself', async () => {
    await expect(
      createLlmClassifier({ base_url_env: 'U' }, { env: { U: 'https://api.openai.com/v1' } }).fit(
        TRAIN.features,
        TRAIN.labels,
      ),
    ).rejects.toThrow('OPENAI_API_KEY is not set');
  });
});
