import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { evaluate } from '../../../src/analysis/evaluation/evaluate.js';
import { parseModelSpec } from '../../../src/catalog/index.js';
import { loadExample } from '../../../src/data/index.js';
import { createLlmClassifier } from '../../../src/models/index.js';
import { loadRunConfig } from '../../../src/workflow/index.js';
import { lastUser, startTestServer, type TestServer } from '../../helpers/openai-test-server.js';

const CONFIG = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'examples', 'spam-llm.yaml');

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('examples/spam-llm.yaml', () => {
  it('is a valid run config whose LLM reads its endpoint from OPENAI_BASE_URL', () => {
    const config = loadRunConfig(CONFIG);
    expect(config.data.example).toBe('spam');
    expect(config.models).toHaveLength(2);
    const [llm] = parseModelSpec(config.models![0]);
    const classifier = createLlmClassifier(llm.params, { env: {} });
    expect(classifier.params).toMatchObject({ base_url_env: 'OPENAI_BASE_URL', max_cost: 1 });
    expect(classifier.params.template).toBe('Email body:\n{{text}}');
  });

  it('runs its LLM on the bundled sample against the endpoint OPENAI_BASE_URL names', async () => {
    // A scripted "LLM": spam when the body shouts about money or clicking.
    server = await startTestServer({
      answer: (body) => (/click|\$|free|money|order/i.test(lastUser(body)) ? 'spam' : 'ham'),
    });
    const [llm] = parseModelSpec(loadRunConfig(CONFIG).models![0]);
    const env = { OPENAI_BASE_URL: server.baseURL };
    const evaluation = await evaluate(
      createLlmClassifier(llm.params, { env, cache: null }),
      await loadExample('spam'),
      {
        kind: 'holdout',
        testSize: 0.2,
        seed: 0,
      },
    );
    // No cache: one request per test row (the sample has a few duplicate bodies a cache would answer).
    expect(server.requests()).toBe(120);
    expect(evaluation.llmOutcomes!.counts.label).toBe(120);
    await expect(
      createLlmClassifier(llm.params, { env: {} }).fit(
        (await loadExample('spam')).features,
        (await loadExample('spam')).labels,
      ),
    ).rejects.toThrow('the environment variable OPENAI_BASE_URL is not set');
  }, 30_000);
});
