import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  clearlySlower,
  confidentlyDominatedBy,
  type FrontObjective,
  type LlmFront,
  llmFront,
  paretoFront,
} from '../../../src/analysis/llm/front/index.js';
import {
  createMemoryCache,
  openSqliteCache,
  type ResponseCache,
  runChatJobs,
} from '../../../src/llm/index.js';
import { stratifiedKFold } from '../../../src/splits/index.js';
import { LATENCY_MODELS, LATENCY_PRICES, latencyScriptedModel } from '../../helpers/front-scripted-model.js';
import { startTestServer, type TestServer } from '../../helpers/openai-test-server.js';
import { reviewDataset } from '../llm-reviews.js';

const { features, labels } = reviewDataset(300);
const folds = stratifiedKFold(labels.codes, 5).folds;

let requests = 0;
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({
    answer: (body) => {
      requests++;
      return latencyScriptedModel(body);
    },
  });
});
afterAll(() => server.close());

/**
 * The race's latency is what the client measured; on a loaded machine the client's own lag swamps a
 * test server's planted delay (a 1 ms server measured at 2 s p95 here), so the race tests stamp the
 * planted latency on every answer through the runtime's runner, as a worker's clock would.
 */
const plantedLatency: typeof runChatJobs = (engine, provider, jobs, onResult, options) => {
  const list = [...jobs];
  return runChatJobs(
    engine,
    provider,
    list,
    (index, outcome) => {
      const latencyMs = LATENCY_MODELS[list[index].request.model].latencyMs;
      onResult(index, outcome.ok ? { ...outcome, result: { ...outcome.result, latencyMs } } : outcome);
    },
    options,
  );
};

async function race(
  objectives: FrontObjective[] | undefined,
  options: { cache?: ResponseCache; planted?: boolean } = {},
) {
  requests = 0;
  const result = await llmFront(features, labels, {
    bases: Object.keys(LATENCY_MODELS).map((model) => ({
      name: model,
      params: {
        model,
        base_url: server.baseURL,
        temperature: 0,
        template: 'Review: {{review}}',
        concurrency: 16,
      },
    })),
    prices: LATENCY_PRICES,
    folds,
    objectives,
    runtime: {
      cache: options.cache ?? createMemoryCache(),
      ...(options.planted === false ? {} : { runJobs: plantedLatency }),
    },
  });
  return { result, requests: () => requests };
}

const ALL: FrontObjective[] = ['accuracy', 'cost', 'latency'];
const statusOf = (result: LlmFront) => Object.fromEntries(result.arms.map((arm) => [arm.base, arm.status]));
const armOf = (result: LlmFront, base: string) => result.arms.find((arm) => arm.base === base)!;

describe('racing on latency too', () => {
  it('keeps a cheap-but-slow arm and a fast-but-dear one on the front; stops the one worse on all three', async () => {
    const { result } = await race(ALL);
    expect(result.objectives).toEqual(ALL);
    expect(result.front).toEqual(['slow · 0-shot · maj@1', 'fast · 0-shot · maj@1']);
    expect(statusOf(result)).toEqual({ slow: 'front', fast: 'front', worst: 'dominated' });
    expect(armOf(result, 'worst').rows).toBeLessThan(300);
    expect(armOf(result, 'worst').dominatedBy).toBe('slow · 0-shot · maj@1');
    // fast is beaten with confidence on accuracy and cost: only its latency keeps it.
    expect(armOf(result, 'fast').accuracy.high).toBeLessThan(armOf(result, 'slow').accuracy.low);
    expect(armOf(result, 'fast').costPer1000Rows).toBeGreaterThan(armOf(result, 'slow').costPer1000Rows);
    expect(armOf(result, 'fast').latencyMs).toEqual({ p50: 1, p95: 1 });
    expect(armOf(result, 'slow').latencyMs).toEqual({ p50: 400, p95: 400 });
  }, 120_000);

  it('by default (accuracy and cost), stops the fast-but-dear arm as dominated by the cheap accurate one', async () => {
    const { result } = await race(undefined);
    expect(result.objectives).toEqual(['accuracy', 'cost']);
    expect(result.front).toEqual(['slow · 0-shot · maj@1']);
    expect(statusOf(result)).toEqual({ slow: 'front', fast: 'dominated', worst: 'dominated' });
    expect(armOf(result, 'fast').rows).toBeLessThan(300);
  }, 120_000);

  it('keeps each answer’s measured latency in the SQLite cache: a rerun makes no call and reports the same', async () => {
    const cache = openSqliteCache(':memory:');
    const first = await race(ALL, { cache, planted: false });
    expect(first.requests()).toBeGreaterThan(0);
    for (const arm of first.result.arms) expect(arm.latencyMs.p50).toBeGreaterThan(0);
    const again = await race(ALL, { cache, planted: false });
    expect(again.requests()).toBe(0);
    expect(again.result.arms).toEqual(first.result.arms.map((arm) => ({ ...arm, httpCalls: 0, spent: 0 })));
  }, 120_000);

  it('refuses objectives without accuracy or with an unknown one, naming the field', async () => {
    for (const objectives of [
      ['cost', 'latency'],
      ['accuracy', 'speed'],
    ] as FrontObjective[][]) {
      await expect(
        llmFront(features, labels, { bases: [{ name: 'm', params: { model: 'm' } }], folds, objectives }),
      ).rejects.toMatchObject({ code: 'invalid_argument', where: 'objectives' });
    }
  });
});

describe('dominance with latency', () => {
  const point = (accuracy: number, cost: number, latency: number | null, half = 0.02) => ({
    accuracy,
    low: accuracy - half,
    high: accuracy + half,
    cost,
    latency,
  });

  it('counts latency as worse only when 1.5× and 50 ms longer; unknown latency is neither', () => {
    expect(clearlySlower(160, 100)).toBe(true);
    expect(clearlySlower(140, 100)).toBe(false); // not 1.5×
    expect(clearlySlower(60, 20)).toBe(false); // 3× but only 40 ms
    expect(clearlySlower(null, 1)).toBe(false);
    expect(clearlySlower(1000, null)).toBe(false);
  });

  it('keeps a faster arm on the front and running, unless latency is dropped from the objectives', () => {
    const points = [
      point(0.9, 1, 300), // accurate, cheap, slow
      point(0.7, 5, 10), // worse and dearer, but fast
      point(0.6, 6, 320), // worse on all three
      point(0.8, 6, null), // latency unknown: judged on accuracy and cost
    ];
    expect(paretoFront(points, ALL)).toEqual([true, true, false, false]);
    expect(confidentlyDominatedBy(points, ALL)).toEqual([-1, -1, 0, 0]);
    expect(paretoFront(points, ['accuracy', 'cost'])).toEqual([true, false, false, false]);
    expect(confidentlyDominatedBy(points)).toEqual([-1, 0, 0, 0]);
    // Accuracy and latency only: the fast arm still stands; the arm of unknown latency, more accurate,
    // now beats it (unknown latency is no worse), and cost no longer keeps that one off.
    expect(paretoFront(points, ['accuracy', 'latency'])).toEqual([true, false, false, false]);
    expect(paretoFront(points.slice(0, 3), ['accuracy', 'latency'])).toEqual([true, true, false]);
  });
});
