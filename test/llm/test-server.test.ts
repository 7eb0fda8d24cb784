import OpenAI from 'openai';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/openai-test-server.js';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('the local OpenAI-compatible test server', () => {
  it('serves deterministic embeddings through the official SDK', async () => {
    server = await startTestServer();
    const client = new OpenAI({ baseURL: server.baseURL, apiKey: 'test', maxRetries: 0 });
    const first = await client.embeddings.create({ model: 'e', input: ['a', 'b'] });
    const again = await client.embeddings.create({ model: 'e', input: 'a' });
    expect(first.data).toHaveLength(2);
    expect(first.data[0].embedding).toHaveLength(8);
    expect(again.data[0].embedding).toEqual(first.data[0].embedding);
    expect(first.data[1].embedding).not.toEqual(first.data[0].embedding);
  });

  it('sends logprobs only when asked, with the scripted alternatives', async () => {
    server = await startTestServer({
      answer: () => ({
        content: 'yes',
        firstTokenTop: [
          { token: 'yes', logprob: -0.1 },
          { token: 'no', logprob: -2.4 },
        ],
      }),
    });
    const client = new OpenAI({ baseURL: server.baseURL, apiKey: 'test', maxRetries: 0 });
    const plain = await client.chat.completions.create({
      model: 'm',
      messages: [{ role: 'user', content: 'q' }],
    });
    expect(plain.choices[0].logprobs).toBeNull();
    const withLogprobs = await client.chat.completions.create({
      model: 'm',
      messages: [{ role: 'user', content: 'q' }],
      logprobs: true,
      top_logprobs: 2,
    });
    expect(withLogprobs.choices[0].logprobs?.content?.[0].top_logprobs.map((t) => t.token)).toEqual([
      'yes',
      'no',
    ]);
  });
});
