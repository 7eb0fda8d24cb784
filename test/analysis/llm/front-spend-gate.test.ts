import { describe, expect, it } from 'vitest';
import { createSpendGate, worstCaseCost } from '../../../src/analysis/llm/front/index.js';
import { createArmCallMeter, meteredRunJobs } from '../../../src/analysis/llm/front/metered-run-jobs.js';
import {
  type ChatJob,
  type ChatProvider,
  type ChatRequest,
  costOf,
  createLlmEngine,
  sleep,
} from '../../../src/llm/index.js';
import { billedCost } from '../../helpers/front-scripted-model.js';

const prices = { m: { input: 2, output: 8 } };

function request(text: string): ChatRequest {
  return {
    model: 'm',
    messages: [
      { role: 'system', content: 'Classify.' },
      { role: 'user', content: text },
    ],
    maxTokens: 5,
  };
}

/** Answers after a few ms, billing every call at its worst case: the prompt's bytes and max_tokens. */
function worstCaseProvider(): ChatProvider {
  return {
    specificationVersion: 'v1',
    baseURL: 'http://127.0.0.1:9/v1',
    async complete(call) {
      await sleep(2);
      const promptTokens = call.messages.reduce((sum, m) => sum + Buffer.byteLength(m.content) + 8, 8);
      return {
        choices: [{ text: 'a', finishReason: 'stop' }],
        usage: { promptTokens, completionTokens: call.maxTokens ?? 0 },
      };
    },
  };
}

describe('the spend gate', () => {
  it('bounds a call from above: no fewer bytes than tokens, and the answer cut at max_tokens', () => {
    const call = request('héllo wörld, item 7 was good');
    const body = { model: 'cheap', messages: call.messages };
    const bound = worstCaseCost({ ...call, model: 'cheap' }, { cheap: { input: 1, output: 4 } });
    // The test server bills characters / 4 and at least one completion token.
    expect(bound).toBeGreaterThanOrEqual(billedCost(body, 'pos'));
  });

  it('never lets concurrent calls take the spend over the cap, and stops the run', async () => {
    const perCall = costOf(prices, 'm', {
      promptTokens: 'Classify.'.length + 8 + 'row 00'.length + 8 + 8,
      completionTokens: 5,
    })!;
    const cap = 10.5 * perCall;
    const gate = createSpendGate(cap);
    const meter = createArmCallMeter();
    let refusals = 0;
    const run = meteredRunJobs({ meter, prices, gate, onRefused: () => refusals++ });
    const jobs: ChatJob[] = Array.from({ length: 100 }, (_, i) => ({
      request: request(`row ${String(i).padStart(2, '0')}`),
      sampleIndex: 0,
    }));
    await expect(
      run(createLlmEngine({ maxConcurrency: 8 }), worstCaseProvider(), jobs, () => {}, {
        total: jobs.length,
        prices,
      }),
    ).rejects.toMatchObject({ reason: 'aborted' });
    expect(refusals).toBeGreaterThan(0);
    expect(gate.refused()).toBe(true);
    // Every call cost exactly its worst case here, so the gate let through the most that fits.
    expect(meter.calls).toBeLessThanOrEqual(10);
    expect(meter.calls).toBeGreaterThan(0);
    expect(meter.spent).toBeCloseTo(meter.calls * perCall, 15);
    expect(gate.spent()).toBeLessThanOrEqual(cap);
  });
});
