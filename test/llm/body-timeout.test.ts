import { describe, expect, it } from 'vitest';
import { createOpenAIProvider, isLlmCallError } from '../../src/llm/index.js';
import type { ScriptedFault } from '../helpers/openai-test-server.js';
import { useTestServer } from '../helpers/use-test-server.js';

const startServer = useTestServer();
const request = { model: 'test-model', messages: [{ role: 'user' as const, content: 'hi' }], temperature: 0 };

/**
 * The per-call timeout covers the whole response: an endpoint that sends its headers and then stalls, or
 * trickles a byte at a time, fails the call with the retryable reason `timeout` at timeoutMs — not when
 * (if ever) the body ends.
 */
describe('the LLM per-call timeout covers the body, not only the headers', () => {
  const faults: [string, ScriptedFault][] = [
    ['headers then a stalled body', { kind: 'stall-body' }],
    ['headers then a byte every 20 ms', { kind: 'trickle', everyMs: 20 }],
  ];
  it.each(faults)(
    '%s: a retryable timeout at timeoutMs',
    async (_name, fault) => {
      const server = await startServer({ fault: () => fault });
      const provider = createOpenAIProvider({ baseURL: server.baseURL });
      const started = performance.now();
      const outcome = await provider.complete(request, { timeoutMs: 300 }).then(
        () => undefined,
        (error: unknown) => error,
      );
      const elapsed = performance.now() - started;
      expect(isLlmCallError(outcome) && { reason: outcome.reason, retryable: outcome.isRetryable }).toEqual({
        reason: 'timeout',
        retryable: true,
      });
      expect(elapsed).toBeGreaterThanOrEqual(290);
      expect(elapsed).toBeLessThan(3_000);
    },
    10_000,
  );

  it('a caller abort during a stalled body is an abort, not a timeout', async () => {
    const server = await startServer({ fault: () => ({ kind: 'stall-body' }) });
    const provider = createOpenAIProvider({ baseURL: server.baseURL });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const outcome = await provider.complete(request, { timeoutMs: 5_000, signal: controller.signal }).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(isLlmCallError(outcome) && outcome.reason).toBe('aborted');
  }, 10_000);
});
