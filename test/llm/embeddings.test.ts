import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createMemoryEmbeddingCache, openSqliteEmbeddingCache } from '../../src/llm/cache/embedding-cache.js';
import { createLlmEngine } from '../../src/llm/engine/llm-engine.js';
import { embedTexts } from '../../src/llm/engine/run-embedding-jobs.js';
import { createOpenAIEmbeddingsProvider } from '../../src/llm/provider/embeddings-provider.js';
import { startTestServer, type TestServer } from '../helpers/openai-test-server.js';
import { serverVector } from './server-vector.js';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const fastEngine = () => createLlmEngine({ maxConcurrency: 2, policy: { baseDelayMs: 1, maxDelayMs: 5 } });

describe('embeddings through the engine', () => {
  it('returns one vector per input in order, each distinct text once, in batches', async () => {
    server = await startTestServer();
    const provider = createOpenAIEmbeddingsProvider({ baseURL: server.baseURL });
    const texts = ['a', 'b', 'a', 'c', 'd', 'e'];
    const { vectors, summary } = await embedTexts(fastEngine(), provider, texts, {
      model: 'e',
      batchSize: 2,
    });
    expect(vectors.map((vector) => Array.from(vector))).toEqual(texts.map(serverVector));
    expect(summary).toEqual({ requests: 3, cacheHits: 0, promptTokens: 5 });
    expect(server.requests()).toBe(3);
  });

  it('answers a repeated text from the cache with no HTTP call (memory and SQLite)', async () => {
    server = await startTestServer();
    const provider = createOpenAIEmbeddingsProvider({ baseURL: server.baseURL });
    const memory = createMemoryEmbeddingCache();
    await embedTexts(fastEngine(), provider, ['x', 'y'], { model: 'e', cache: memory });
    const again = await embedTexts(fastEngine(), provider, ['y', 'x'], { model: 'e', cache: memory });
    expect(again.summary).toEqual({ requests: 0, cacheHits: 2, promptTokens: 0 });
    expect(server.requests()).toBe(1);

    const path = join(mkdtempSync(join(tmpdir(), 'modeldebug-embed-')), 'cache.sqlite');
    const first = openSqliteEmbeddingCache(path);
    await embedTexts(fastEngine(), provider, ['x', 'z'], { model: 'e', cache: first });
    first.close();
    const reopened = openSqliteEmbeddingCache(path);
    const cached = await embedTexts(fastEngine(), provider, ['z', 'x'], { model: 'e', cache: reopened });
    reopened.close();
    expect(cached.summary.requests).toBe(0);
    expect(cached.vectors.map((vector) => Array.from(vector))).toEqual([
      serverVector('z'),
      serverVector('x'),
    ]);
    // Another model is another key.
    const memoryOther = await embedTexts(fastEngine(), provider, ['x'], { model: 'other', cache: memory });
    expect(memoryOther.summary.requests).toBe(1);
  });

  it('retries 429 and 500 answers and a reset, then succeeds', async () => {
    server = await startTestServer({
      fault: (n) =>
        n === 0
          ? { kind: 'status', status: 429, retryAfterSeconds: 0 }
          : n === 1
            ? { kind: 'status', status: 500 }
            : n === 2
              ? { kind: 'reset' }
              : undefined,
    });
    const provider = createOpenAIEmbeddingsProvider({ baseURL: server.baseURL });
    const { vectors } = await embedTexts(fastEngine(), provider, ['q'], { model: 'e' });
    expect(Array.from(vectors[0])).toEqual(serverVector('q'));
    expect(server.requests()).toBe(4);
  });

  it('fails fast on a 401: the key goes in the header, never into the message', async () => {
    server = await startTestServer({ fault: () => ({ kind: 'status', status: 401 }) });
    const provider = createOpenAIEmbeddingsProvider({ baseURL: server.baseURL, apiKey: 'sk-secret-123' });
    const failure = embedTexts(fastEngine(), provider, ['q'], { model: 'e' });
    await expect(failure).rejects.toMatchObject({ code: 'llm_request_failed', reason: 'authentication' });
    await expect(failure).rejects.not.toThrow(/sk-secret/);
    expect(server.requests()).toBe(1);
    expect(server.authorizations()[0]).toBe('Bearer sk-secret-123');
  });

  it('turns a body that is not an embedding list into a retried malformed_response', async () => {
    server = await startTestServer({ fault: () => ({ kind: 'empty' }) });
    const provider = createOpenAIEmbeddingsProvider({ baseURL: server.baseURL });
    const engine = createLlmEngine({ policy: { baseDelayMs: 1, maxDelayMs: 2, maxAttempts: 2 } });
    await expect(embedTexts(engine, provider, ['q'], { model: 'e' })).rejects.toMatchObject({
      reason: 'malformed_response',
    });
    expect(server.requests()).toBe(2);
  });
});
