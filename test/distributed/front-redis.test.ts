import { describe, expect, it } from 'vitest';
import { type LlmFront, llmFront } from '../../src/analysis/llm/front/index.js';
import { createRemoteChatRunner, startChatWorker } from '../../src/distributed/index.js';
import { createMemoryCache, type ResponseCache } from '../../src/llm/index.js';
import { stratifiedKFold } from '../../src/splits/index.js';
import { reviewDataset } from '../analysis/llm-reviews.js';
import { billedCost, FRONT_PRICES, frontScriptedModel } from '../helpers/front-scripted-model.js';
import { startTestServer } from '../helpers/openai-test-server.js';
import { useTestRedis } from './redis-server.js';

const testRedis = useTestRedis();
const { features, labels } = reviewDataset(200);
const folds = stratifiedKFold(labels.codes, 5).folds;

/** The server's own count and bill, and its base URL, for one test. */
async function billingServer() {
  let requests = 0;
  let billed = 0;
  const server = await startTestServer({
    answer: (body) => {
      requests++;
      const answer = frontScriptedModel(body) as string;
      billed += billedCost(body, answer);
      return answer;
    },
  });
  return { server, requests: () => requests, billed: () => billed };
}

function race(
  baseURL: string,
  cache: ResponseCache,
  extra: { runJobs?: ReturnType<typeof createRemoteChatRunner>['run']; maxCost?: number } = {},
) {
  return llmFront(features, labels, {
    bases: ['cheap', 'flaky', 'big'].map((model) => ({
      name: model,
      params: { model, base_url: baseURL, temperature: 0.7, template: 'Review: {{review}}', concurrency: 16 },
    })),
    shots: [0],
    maj: [1, 3],
    prices: FRONT_PRICES,
    folds,
    maxCost: extra.maxCost,
    runtime: { cache, ...(extra.runJobs ? { runJobs: extra.runJobs } : {}) },
  });
}

/** What the race decided, without what only one run can know (latency, calls, spend). */
const decided = (front: LlmFront) => ({
  front: front.front,
  rungs: front.rungs,
  arms: front.arms.map(
    ({ name, rows, accuracy, costPer1000Rows, tokensPer1000Rows, status, dominatedBy }) => ({
      name,
      rows,
      accuracy,
      costPer1000Rows,
      tokensPer1000Rows,
      status,
      dominatedBy,
    }),
  ),
});

describe('front with remote workers (--redis)', () => {
  it('races to the same front as a local run, caches every answer on the coordinator, and times each', async () => {
    const target = await testRedis.emptyTarget(7);
    const { server, requests } = await billingServer();
    const workers = [
      await startChatWorker({ redis: target, name: 'a' }),
      await startChatWorker({ redis: target, name: 'b' }),
    ];
    const runner = createRemoteChatRunner({ redis: target, batchSize: 10 });
    try {
      const local = await race(server.baseURL, createMemoryCache());
      const localRequests = requests();
      expect(localRequests).toBe(local.httpCalls);

      const cache = createMemoryCache();
      // Every item of every batch reaches the race once, before its run ends, with the answer it asked for.
      const wrong: string[] = [];
      const checked: typeof runner.run = async (engine, provider, jobs, onResult, options) => {
        const list = [...jobs];
        const seen = new Set<number>();
        const summary = await runner.run(
          engine,
          provider,
          list,
          (i, r) => {
            const want = frontScriptedModel({ ...list[i].request, messages: [...list[i].request.messages] });
            if (seen.has(i) || !r.ok || r.result.choices[0].text !== want) wrong.push(`item ${i}`);
            seen.add(i);
            onResult(i, r);
          },
          options,
        );
        if (seen.size !== list.length) wrong.push(`${seen.size} of ${list.length} delivered`);
        return summary;
      };
      const remote = await race(server.baseURL, cache, { runJobs: checked });
      expect(wrong).toEqual([]);
      expect(decided(remote)).toEqual(decided(local));
      expect(remote.front.length).toBeGreaterThan(1);
      // The same calls, made by the workers: the coordinator counted each one it was answered.
      expect(requests() - localRequests).toBe(local.httpCalls);
      expect(remote.httpCalls).toBe(local.httpCalls);
      expect(remote.spent).toBeCloseTo(local.spent!, 12);
      for (const arm of remote.arms) if (arm.rows > 0) expect(arm.latencyMs.p50).toBeGreaterThan(0);

      // Every answer is in the coordinator's cache: a rerun through the workers makes no call.
      const before = requests();
      const again = await race(server.baseURL, cache, { runJobs: runner.run });
      expect(requests()).toBe(before);
      expect(again.httpCalls).toBe(0);
      expect(decided(again)).toEqual(decided(local));
    } finally {
      await runner.close();
      for (const worker of workers) await worker.close();
      await server.close();
    }
  }, 240_000);

  it('holds the spend cap across workers: the server never bills more than maxCost', async () => {
    const target = await testRedis.emptyTarget(8);
    const full = await billingServer();
    const fullRun = await race(full.server.baseURL, createMemoryCache());
    await full.server.close();
    const workers = [
      await startChatWorker({ redis: target, name: 'c' }),
      await startChatWorker({ redis: target, name: 'd' }),
    ];
    const runner = createRemoteChatRunner({ redis: target, batchSize: 10 });
    try {
      const bills: number[] = [];
      for (const share of [0.3, 0.6, 0.9]) {
        const { server, billed } = await billingServer();
        const cap = share * full.billed();
        const capped = await race(server.baseURL, createMemoryCache(), { runJobs: runner.run, maxCost: cap });
        // Batches already with a worker finish after the race stops: wait for the bill to settle.
        await new Promise((resolve) => setTimeout(resolve, 1000));
        bills.push(billed());
        expect(billed()).toBeLessThanOrEqual(cap);
        expect(capped.spent!).toBeLessThanOrEqual(cap);
        expect(capped.capCut?.reason).toMatch(/max cost/);
        expect(capped.rungs.length).toBeLessThan(fullRun.rungs.length);
        await server.close();
      }
      // The larger caps let some rungs be answered before the cap cut.
      expect(Math.max(...bills)).toBeGreaterThan(0);
    } finally {
      await runner.close();
      for (const worker of workers) await worker.close();
    }
  }, 240_000);
});
