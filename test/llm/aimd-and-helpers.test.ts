import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/core/rng.js';
import {
  backoffDelay,
  canonicalJson,
  createAimdLimiter,
  describeProgress,
  parseRetryAfter,
  redactSecret,
  responseCacheKey,
} from '../../src/llm/index.js';

describe('AIMD limiter', () => {
  it('halves on a 429 once per window, regrows fast to where the 429 came, then by about one per window', () => {
    const limiter = createAimdLimiter({ maxConcurrency: 32, initialConcurrency: 16 });
    expect(limiter.limit()).toBe(16);
    limiter.onRateLimit();
    expect(limiter.limit()).toBe(8);
    limiter.onRateLimit(); // same window: answers to requests sent before the decrease
    expect(limiter.limit()).toBe(8);
    for (let i = 0; i < 8; i++) limiter.onSuccess();
    expect(limiter.limit()).toBe(16); // fast recovery: +1 per success up to the level of the 429
    for (let i = 0; i < 16; i++) limiter.onSuccess();
    expect(limiter.limit()).toBe(16); // then additive: 16 + 16 · (≈1/16) is just under 17
    limiter.onSuccess();
    expect(limiter.limit()).toBe(17);
    for (let round = 0; round < 10; round++) {
      limiter.onRateLimit();
      for (let i = 0; i < limiter.limit(); i++) limiter.onSuccess();
    }
    expect(limiter.limit()).toBeGreaterThanOrEqual(1);
    expect(limiter.limit()).toBeLessThanOrEqual(32);
  });

  it('holds new requests at the limit and lets one in per release', async () => {
    const limiter = createAimdLimiter({ maxConcurrency: 2 });
    await limiter.acquire();
    await limiter.acquire();
    let third = false;
    const waiting = limiter.acquire().then(() => {
      third = true;
    });
    await Promise.resolve();
    expect(third).toBe(false);
    expect(limiter.inFlight()).toBe(2);
    limiter.release();
    await waiting;
    expect(third).toBe(true);
  });

  it('rejects a waiting acquire when its signal aborts', async () => {
    const limiter = createAimdLimiter({ maxConcurrency: 1 });
    await limiter.acquire();
    const controller = new AbortController();
    const waiting = limiter.acquire(controller.signal);
    controller.abort(new Error('stop'));
    await expect(waiting).rejects.toThrow('stop');
  });
});

describe('retry helpers', () => {
  it('parses Retry-After as seconds, an HTTP date, or retry-after-ms', () => {
    const headers = (entries: Record<string, string>) => new Headers(entries);
    expect(parseRetryAfter(headers({ 'retry-after': '2' }))).toBe(2000);
    expect(parseRetryAfter(headers({ 'retry-after-ms': '150', 'retry-after': '9' }))).toBe(150);
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(parseRetryAfter(headers({ 'retry-after': 'Thu, 01 Jan 2026 00:00:03 GMT' }), now)).toBe(3000);
    expect(parseRetryAfter(headers({ 'retry-after': 'soon' }))).toBeUndefined();
    expect(parseRetryAfter(undefined)).toBeUndefined();
  });

  it('backs off exponentially with jitter within [d/2, d], capped, Retry-After winning when longer', () => {
    const rng = createRng(1);
    const options = { baseDelayMs: 100, maxDelayMs: 1000 };
    for (let attempt = 0; attempt < 8; attempt++) {
      const d = Math.min(1000, 100 * 2 ** attempt);
      const delay = backoffDelay(attempt, options, rng);
      expect(delay).toBeGreaterThanOrEqual(d / 2);
      expect(delay).toBeLessThanOrEqual(d);
    }
    expect(backoffDelay(0, options, rng, 5000)).toBe(5000);
  });

  it('keys the cache on canonical JSON: key order is irrelevant, every param and the sample index count', () => {
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: undefined }] })).toBe('{"a":[{"d":2}],"b":1}');
    const request = { model: 'm', messages: [{ role: 'user' as const, content: 'x' }], temperature: 0 };
    const key = responseCacheKey('http://h/v1', request, 0);
    expect(key).toMatch(/^v1:[0-9a-f]{64}$/);
    expect(
      responseCacheKey('http://h/v1', { temperature: 0, messages: request.messages, model: 'm' }, 0),
    ).toBe(key);
    expect(responseCacheKey('http://h/v1', request, 1)).not.toBe(key);
    expect(responseCacheKey('http://h/v1', { ...request, temperature: 0.1 }, 0)).not.toBe(key);
    expect(responseCacheKey('http://other/v1', request, 0)).not.toBe(key);
  });

  it('redacts the key and anything shaped like one', () => {
    expect(redactSecret('bad key abc123XYZ', 'abc123XYZ')).toBe('bad key [redacted]');
    expect(redactSecret('Incorrect API key provided: sk-proj-abcdef123456', undefined)).toBe(
      'Incorrect API key provided: sk-[redacted]',
    );
  });

  it('describes progress in one line: done/total, errors, rate, ETA, cost or tokens', () => {
    const base = {
      done: 1200,
      total: 2000,
      errors: 3,
      cacheHits: 0,
      elapsedMs: 8000,
      rate: 150,
      etaSeconds: 3725.2,
      promptTokens: 100,
      completionTokens: 20,
    };
    expect(describeProgress({ ...base, costUsd: 0.01234 })).toBe(
      '1200/2000 · 3 errors · 150.0/s · ETA 1:02:05 · $0.0123',
    );
    expect(describeProgress({ ...base, cacheHits: 5, etaSeconds: 65, costUsd: undefined })).toBe(
      '1200/2000 · 3 errors · 5 cached · 150.0/s · ETA 1:05 · 120 tokens',
    );
  });
});
