import { beforeAll, describe, expect, it } from 'vitest';
import {
  confidentlyDominatedBy,
  type LlmFront,
  llmFront,
  paretoFront,
  rungSizes,
  stratifiedOrder,
} from '../../../src/analysis/llm/front/index.js';
import { findingRecordSchema } from '../../../src/core/finding-record.js';
import { createRng } from '../../../src/core/rng.js';
import { stratifiedKFold } from '../../../src/splits/index.js';
import {
  billedCost,
  FRONT_LATENCY_MS,
  FRONT_PRICES,
  frontScriptedModel,
} from '../../helpers/front-scripted-model.js';
import type { ChatBody } from '../../helpers/openai-test-server.js';
import { useTestServer } from '../../helpers/use-test-server.js';
import { reviewDataset } from '../llm-reviews.js';

const startServer = useTestServer();
const { features, labels } = reviewDataset(300);
const folds = stratifiedKFold(labels.codes, 5).folds;

/** The planted front (see front-scripted-model.ts): accuracy rises with cost along it. */
const PLANTED_FRONT = [
  'cheap · 0-shot · maj@1', // 0.70
  'cheap · 4-shot · maj@1', // 0.86, examples double the prompt
  'cheap · 4-shot · maj@3', // 0.95
  'big · 0-shot · maj@1', // 0.99 at 30× cheap's price
  'big · 0-shot · maj@3', // ≈ 1
];

async function race(options: { firstRung?: number; maxCost?: number } = {}) {
  const requests: ChatBody[] = [];
  let billed = 0;
  const server = await startServer({
    answer: (body) => {
      requests.push(body);
      const answer = frontScriptedModel(body);
      billed += billedCost(body, answer as string);
      return answer;
    },
    latencyFor: (body) => FRONT_LATENCY_MS[body.model],
  });
  const result = await llmFront(features, labels, {
    bases: ['cheap', 'flaky', 'big'].map((model) => ({
      name: model,
      params: {
        model,
        base_url: server.baseURL,
        temperature: 0.7,
        template: 'Review: {{review}}',
        concurrency: 64,
      },
    })),
    shots: [0, 4],
    maj: [1, 3],
    prices: FRONT_PRICES,
    folds,
    ...options,
  });
  return { result, requests, billed: () => billed };
}

const byName = (result: LlmFront, name: string) => result.arms.find((arm) => arm.name === name)!;

describe('the cost–accuracy race', () => {
  let raced: Awaited<ReturnType<typeof race>>;
  beforeAll(async () => {
    raced = await race();
  }, 120_000);

  it('finds the planted front; its arms answered every row', () => {
    expect(raced.result.front).toEqual(PLANTED_FRONT);
    for (const name of PLANTED_FRONT) expect(byName(raced.result, name).rows).toBe(300);
    expect(raced.result.httpCalls).toBe(raced.requests.length);
    expect(raced.result.answers).toBeLessThan(raced.result.gridAnswers);
    for (const finding of raced.result.findings) findingRecordSchema.parse(finding);
  });

  it('stops spending on dominated arms after an early rung (calls counted at the server)', () => {
    const { result, requests } = raced;
    const flaky = result.arms.filter((arm) => arm.base === 'flaky');
    for (const arm of flaky) {
      expect(arm.status).toBe('dominated');
      expect(arm.stoppedAtRung).toBeLessThanOrEqual(2);
      expect(arm.rows).toBeLessThanOrEqual(100);
    }
    const flakyRequests = requests.filter((body) => body.model === 'flaky').length;
    expect(flakyRequests).toBe(flaky.reduce((sum, arm) => sum + arm.httpCalls, 0));
    // The full grid asks flaky 300 rows × (1 + 3 + 1 + 3) answers; the race, at most the first 100 rows.
    expect(flakyRequests).toBeLessThanOrEqual(100 * 8);
    const bigWithShots = byName(result, 'big · 4-shot · maj@1');
    expect(bigWithShots.status).toBe('dominated');
    expect(bigWithShots.rows).toBeLessThan(300);
  });

  it('reports cost per 1,000 rows from the answers’ tokens and latency from the calls', () => {
    const { result, requests, billed } = raced;
    expect(result.costUnit).toBe('usd');
    expect(result.spent).toBeCloseTo(billed(), 12);
    const cheap = byName(result, 'cheap · 0-shot · maj@1');
    const cheapMaj = byName(result, 'cheap · 0-shot · maj@3');
    // maj@3 sends the same prompt three times: three times the tokens per row.
    expect(cheapMaj.tokensPer1000Rows / cheap.tokensPer1000Rows).toBeCloseTo(3, 10);
    // Every 0-shot prompt of cheap has the same length here ("item N was good|bad" differ by a few chars).
    const zeroShot = requests.filter(
      (body) => body.model === 'cheap' && !body.messages.some((m) => m.role === 'assistant'),
    );
    const mean = zeroShot.reduce((sum, body) => sum + billedCost(body, 'pos'), 0) / zeroShot.length;
    expect(cheap.costPer1000Rows / 1000).toBeCloseTo(mean, 7);
    for (const arm of result.arms) {
      if (arm.httpCalls === 0) continue;
      // The server waits this long before it answers: no call can be quicker.
      expect(arm.latencyMs.p50!).toBeGreaterThanOrEqual(FRONT_LATENCY_MS[arm.base] - 1);
      expect(arm.latencyMs.p95!).toBeGreaterThanOrEqual(arm.latencyMs.p50!);
    }
  });

  it('never spends more than max cost, and says what the cap cut', async () => {
    const rungsDone: number[] = [];
    for (const share of [0.001, 0.3, 0.9]) {
      const cap = share * raced.billed();
      const capped = await race({ maxCost: cap });
      expect(capped.billed()).toBeLessThanOrEqual(cap);
      expect(capped.result.spent).toBeLessThanOrEqual(cap);
      expect(capped.result.capCut).not.toBeNull();
      expect(capped.result.capCut!.reason).toMatch(/max cost/);
      expect(capped.result.rungs.length).toBeLessThan(raced.result.rungs.length);
      rungsDone.push(capped.result.rungs.length);
    }
    // The smallest cap stops the race before its first rung; the largest lets some rungs finish.
    expect(rungsDone[0]).toBe(0);
    expect(rungsDone[2]).toBeGreaterThan(0);
  }, 120_000);

  it('refuses max cost for a model with no price, naming the field', async () => {
    await expect(
      llmFront(features, labels, {
        bases: [{ name: 'x', params: { model: 'x', base_url: 'http://127.0.0.1:9/v1' } }],
        folds,
        maxCost: 1,
      }),
    ).rejects.toMatchObject({ code: 'invalid_param', where: 'prices' });
  });
});

describe('front primitives', () => {
  it('orders rows so every prefix keeps the class shares', () => {
    const codes = Int32Array.from({ length: 90 }, (_, i) => (i < 60 ? 0 : 1));
    const order = stratifiedOrder(codes, 2, createRng(3));
    expect([...order].sort((a, b) => a - b)).toEqual(Array.from({ length: 90 }, (_, i) => i));
    for (let m = 1; m <= 90; m++) {
      const ones = [...order.subarray(0, m)].filter((row) => codes[row] === 1).length;
      expect(Math.abs(ones - m / 3)).toBeLessThanOrEqual(1);
    }
    expect(rungSizes(600, 50, 2)).toEqual([50, 100, 200, 400, 600]);
    expect(rungSizes(30, 50, 2)).toEqual([30]);
  });

  it('keeps the Pareto front and stops only arms beaten with confidence at no higher cost', () => {
    const points = [
      { accuracy: 0.7, low: 0.65, high: 0.75, cost: 1 },
      { accuracy: 0.9, low: 0.86, high: 0.94, cost: 5 },
      { accuracy: 0.72, low: 0.66, high: 0.78, cost: 4 }, // beaten by [1]? no: 0.86 > 0.78 at 5 > 4
      { accuracy: 0.6, low: 0.55, high: 0.64, cost: 2 }, // beaten by [0] with confidence
      { accuracy: 0.7, low: 0.6, high: 0.8, cost: 3 }, // worse by point than [0], not with confidence
    ];
    expect(paretoFront(points)).toEqual([true, true, true, false, false]);
    expect(confidentlyDominatedBy(points)).toEqual([-1, -1, -1, 0, -1]);
  });
});
