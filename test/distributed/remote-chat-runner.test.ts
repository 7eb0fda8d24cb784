import { describe, expect, it } from 'vitest';
import { createRemoteChatRunner, startChatWorker } from '../../src/distributed/index.js';
import {
  type ChatJob,
  type ChatJobResult,
  createLlmEngine,
  createMemoryCache,
  createOpenAIProvider,
  runChatJobs,
} from '../../src/llm/index.js';
import { lastUser, startTestServer } from '../helpers/openai-test-server.js';
import { useTestRedis } from './redis-server.js';

function items(n: number): ChatJob[] {
  return Array.from({ length: n }, (_, i) => ({
    request: { model: 'test-model', messages: [{ role: 'user', content: `item ${i}` }], temperature: 0 },
    sampleIndex: i % 2,
  }));
}

const testRedis = useTestRedis();

describe('remote LLM batches', () => {
  it('answers every item once on two workers, as the local scheduler does, and caches on the coordinator', async () => {
    const target = await testRedis.emptyTarget(5);
    const server = await startTestServer({ answer: (body) => `echo ${lastUser(body)}` });
    const env = { MODELDEBUG_TEST_KEY: 'sk-test-remote-123' };
    const workers = [
      await startChatWorker({ redis: target, name: 'a', env }),
      await startChatWorker({ redis: target, name: 'b', env }),
    ];
    const runner = createRemoteChatRunner({ redis: target, apiKeyEnv: 'MODELDEBUG_TEST_KEY', batchSize: 7 });
    try {
      const provider = createOpenAIProvider({ baseURL: server.baseURL });
      const local: ChatJobResult[] = [];
      await runChatJobs(createLlmEngine(), provider, items(60), (i, r) => (local[i] = r), { total: 60 });
      expect(server.requests()).toBe(60);

      const engine = createLlmEngine({ cache: createMemoryCache() });
      const remote: ChatJobResult[] = [];
      const summary = await runner.run(engine, provider, items(60), (i, r) => (remote[i] = r), { total: 60 });
      expect(server.requests()).toBe(120);
      expect(summary).toMatchObject({ calls: 60, cacheHits: 0, errors: 0 });
      // The same answers; each timed by the client that made the call (here the workers').
      const untimed = (r: ChatJobResult) => (r.ok ? { ...r, result: { ...r.result, latencyMs: 0 } } : r);
      expect(remote.map(untimed)).toEqual(local.map((r) => ({ ...untimed(r), cached: false })));
      for (const r of remote) expect(r.ok && r.result.latencyMs! > 0).toBe(true);
      // The key came from the worker's environment, never through Redis.
      expect(
        server
          .authorizations()
          .slice(60)
          .every((a) => a === 'Bearer sk-test-remote-123'),
      ).toBe(true);

      const again = await runner.run(engine, provider, items(60), () => {}, { total: 60 });
      expect(again).toMatchObject({ calls: 0, cacheHits: 60 });
      expect(server.requests()).toBe(120);
    } finally {
      await runner.close();
      for (const worker of workers) await worker.close();
      await server.close();
    }
  });

  it('delivers every item of the last batch before the run ends, however slow the cache is to write', async () => {
    const target = await testRedis.emptyTarget(9);
    const server = await startTestServer({ answer: (body) => `echo ${lastUser(body)}` });
    const worker = await startChatWorker({ redis: target, name: 'slow-cache' });
    const runner = createRemoteChatRunner({ redis: target, batchSize: 7 });
    const memory = createMemoryCache();
    // Each write waits: the run must not see its batches settled while their answers are still on the way.
    const slowCache = {
      get: (key: string) => memory.get(key),
      set: async (key: string, value: Parameters<typeof memory.set>[1]) => {
        await new Promise((resolve) => setTimeout(resolve, 5));
        await memory.set(key, value);
      },
    };
    try {
      const provider = createOpenAIProvider({ baseURL: server.baseURL });
      const delivered: number[] = [];
      const summary = await runner.run(
        createLlmEngine({ cache: slowCache }),
        provider,
        items(30),
        (i) => delivered.push(i),
        { total: 30 },
      );
      expect(summary).toMatchObject({ calls: 30, errors: 0 });
      expect(delivered.sort((a, b) => a - b)).toEqual(Array.from({ length: 30 }, (_, i) => i));
    } finally {
      await runner.close();
      await worker.close();
      await server.close();
    }
  });

  it('stops the run with a worker’s fail-fast error (401)', async () => {
    const target = await testRedis.emptyTarget(6);
    const server = await startTestServer({ fault: () => ({ kind: 'status', status: 401 }) });
    const worker = await startChatWorker({ redis: target, name: 'c' });
    const runner = createRemoteChatRunner({ redis: target });
    try {
      const provider = createOpenAIProvider({ baseURL: server.baseURL });
      const error = await runner
        .run(createLlmEngine(), provider, items(10), () => {}, { total: 10 })
        .catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'llm_request_failed', reason: 'authentication', statusCode: 401 });
    } finally {
      await runner.close();
      await worker.close();
      await server.close();
    }
  });
});
