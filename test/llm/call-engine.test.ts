import { afterEach, describe, expect, it } from 'vitest';
import {
  type ChatJob,
  type ChatJobResult,
  createLlmEngine,
  createMemoryCache,
  createOpenAIProvider,
  isLlmCallError,
  type LlmEngineOptions,
  runChatJobs,
} from '../../src/llm/index.js';
import {
  type ChatBody,
  lastUser,
  type ScriptedFault,
  startTestServer,
  type TestServer,
} from '../helpers/openai-test-server.js';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const FAST: LlmEngineOptions['policy'] = { baseDelayMs: 2, maxDelayMs: 20, timeoutMs: 2_000, maxAttempts: 6 };

function jobs(n: number): ChatJob[] {
  return Array.from({ length: n }, (_, i) => ({
    request: { model: 'test-model', messages: [{ role: 'user', content: `item ${i}` }], temperature: 0 },
    sampleIndex: 0,
  }));
}

async function run(
  n: number,
  engineOptions: LlmEngineOptions,
  options: {
    fault?: (k: number, body: ChatBody) => ScriptedFault | undefined;
    latencyMs?: number;
    apiKey?: string;
    /**
     * Hold every answer until each request the client counts in flight has reached the server: what the
     * server sees then follows from the client's concurrency limit alone, not from how fast either side is.
     */
    windowed?: boolean;
  } = {},
): Promise<{ results: ChatJobResult[]; summary: Awaited<ReturnType<typeof runChatJobs>> }> {
  const engine = createLlmEngine({ policy: FAST, ...engineOptions });
  let clientInFlight = () => 0;
  server ??= await startTestServer({
    answer: (body) => `echo ${lastUser(body)}`,
    fault: options.fault,
    latencyMs: options.latencyMs,
    ...(options.windowed ? { holdUntil: (atServer: number) => atServer >= clientInFlight() } : {}),
  });
  const provider = createOpenAIProvider({ baseURL: server.baseURL, apiKey: options.apiKey });
  const limiter = engine.limiterFor(provider.baseURL, 'test-model');
  clientInFlight = () => limiter.inFlight();
  const results: ChatJobResult[] = new Array(n);
  const summary = await runChatJobs(
    engine,
    provider,
    jobs(n),
    (i, r) => {
      results[i] = r;
    },
    { total: n },
  );
  return { results, summary };
}

describe('the LLM call engine against the local test server', () => {
  it('answers every job in order of index, at the concurrency asked for', async () => {
    const { results, summary } = await run(40, { maxConcurrency: 8 }, { windowed: true });
    expect(results.map((r) => (r.ok ? r.result.choices[0].text : 'x'))).toEqual(
      Array.from({ length: 40 }, (_, i) => `echo item ${i}`),
    );
    expect(server!.maxInFlight()).toBe(8);
    expect(summary.promptTokens).toBeGreaterThan(0);
    expect(summary.errors).toBe(0);
  });

  it('retries 429 (honouring Retry-After), 500, resets, malformed JSON and empty choices', async () => {
    const faults: ScriptedFault[] = [
      { kind: 'status', status: 429, retryAfterSeconds: 0.05 },
      { kind: 'status', status: 500 },
      { kind: 'reset' },
      { kind: 'malformed' },
      { kind: 'empty' },
      { kind: 'status', status: 503 },
    ];
    const started = Date.now();
    const { results } = await run(
      6,
      { maxConcurrency: 1, policy: { ...FAST, maxAttempts: 8 } },
      { fault: (k) => faults[k] },
    );
    expect(results.every((r) => r.ok)).toBe(true);
    expect(server!.requests()).toBe(12);
    expect(Date.now() - started).toBeGreaterThanOrEqual(50);
  });

  it('halves the requests in flight after a burst of 429s, then regrows (AIMD)', async () => {
    const { results } = await run(
      40,
      { maxConcurrency: 8 },
      { windowed: true, fault: (k) => (k < 8 ? { kind: 'status', status: 429 } : undefined) },
    );
    expect(results.every((r) => r.ok)).toBe(true);
    const arrivals = server!.inFlightAtArrival();
    expect(Math.max(...arrivals.slice(0, 8))).toBe(8);
    expect(Math.max(...arrivals.slice(8, 12))).toBeLessThanOrEqual(4);
    expect(Math.max(...arrivals.slice(24))).toBe(8);
  });

  it('times out a hanging request and retries it', async () => {
    const { results } = await run(
      2,
      { maxConcurrency: 2, policy: { ...FAST, timeoutMs: 150 } },
      { fault: (k) => (k === 0 ? { kind: 'hang' } : undefined) },
    );
    expect(results.every((r) => r.ok)).toBe(true);
    expect(server!.requests()).toBe(3);
  });

  it('gives up on a job after maxAttempts transient failures and reports it as a failed job', async () => {
    const { results, summary } = await run(
      3,
      { maxConcurrency: 1, policy: { ...FAST, maxAttempts: 3 } },
      { fault: (_k, body) => (lastUser(body) === 'item 0' ? { kind: 'status', status: 500 } : undefined) },
    );
    expect(results[0]).toMatchObject({ ok: false });
    const failed = results[0];
    if (!failed.ok)
      expect(failed.error).toMatchObject({ reason: 'server', statusCode: 500, isRetryable: true });
    expect(results.slice(1).every((r) => r.ok)).toBe(true);
    expect(summary.errors).toBe(1);
    expect(server!.requests()).toBe(5);
  });

  it.each([400, 401, 403, 404])(
    'fails fast on %i with one clear message and no API key in it',
    async (status) => {
      const secret = 'sk-test-SECRET-0123456789';
      const error = await run(
        30,
        { maxConcurrency: 4 },
        { fault: () => ({ kind: 'status', status }), apiKey: secret },
      ).catch((e: unknown) => e);
      expect(isLlmCallError(error)).toBe(true);
      if (!isLlmCallError(error)) return;
      expect(error).toMatchObject({ statusCode: status, isRetryable: false, code: 'llm_request_failed' });
      expect(error.message).toContain(String(status));
      expect(error.message).not.toContain(secret);
      expect(server!.requests()).toBeLessThanOrEqual(4);
      expect(server!.authorizations()[0]).toBe(`Bearer ${secret}`);
    },
  );

  it('serves a rerun from the cache with zero HTTP calls, and never caches errors', async () => {
    const cache = createMemoryCache();
    const first = await run(
      10,
      { maxConcurrency: 4, cache, policy: { ...FAST, maxAttempts: 1 } },
      {
        fault: (k) => (k === 0 ? { kind: 'status', status: 500 } : undefined),
      },
    );
    expect(first.summary.errors).toBe(1);
    expect(cache.size()).toBe(9);
    const before = server!.requests();
    const second = await run(10, { maxConcurrency: 4, cache });
    expect(server!.requests() - before).toBe(1);
    expect(second.summary.cacheHits).toBe(9);
    const third = await run(10, { maxConcurrency: 4, cache });
    expect(server!.requests() - before).toBe(1);
    expect(third.summary.cacheHits).toBe(10);
  });

  it('stops every worker when a callback or the job source throws, and rethrows that error', async () => {
    server = await startTestServer({ answer: () => 'ok', latencyMs: 5 });
    const provider = createOpenAIProvider({ baseURL: server.baseURL });
    const engine = createLlmEngine({ maxConcurrency: 2, policy: FAST });
    const failing = runChatJobs(
      engine,
      provider,
      jobs(50),
      (i) => {
        if (i === 3) throw new Error('callback bug');
      },
      { total: 50 },
    );
    await expect(failing).rejects.toThrow('callback bug');
    expect(server.requests()).toBeLessThan(20);
    function* broken(): Generator<ChatJob> {
      yield jobs(1)[0];
      throw new Error('bad job');
    }
    await expect(runChatJobs(engine, provider, broken(), () => {}, { total: 2 })).rejects.toThrow('bad job');
  });

  it('stops at max cost and throws budget_exceeded', async () => {
    server = await startTestServer({ answer: () => 'yes' });
    const provider = createOpenAIProvider({ baseURL: server.baseURL });
    const engine = createLlmEngine({ maxConcurrency: 1, policy: FAST });
    const error = await runChatJobs(engine, provider, jobs(50), () => {}, {
      total: 50,
      prices: { 'test-model': { input: 1_000_000, output: 0 } },
      maxCostUsd: 10,
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'budget_exceeded' });
    expect(server.requests()).toBeLessThan(50);
  });
});
