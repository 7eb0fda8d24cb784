import { describe, expect, it } from 'vitest';
import { llmOutOfFold } from '../../src/analysis/index.js';
import { buildModel, type StepSpec } from '../../src/catalog/index.js';
import {
  concurrentExecutor,
  crossValidate,
  inProcessExecutor,
  learningCurve,
} from '../../src/selection/index.js';
import { stratifiedKFold } from '../../src/splits/index.js';
import { fieldReader, reviewDataset } from '../analysis/llm-reviews.js';
import { useTestServer } from '../helpers/use-test-server.js';

const startServer = useTestServer();

/** 20 reviews in 5 folds of 4 test rows; the limiter allows 6 in flight, more than one fold's 4. */
const CONCURRENCY = 6;
const { features, labels } = reviewDataset(20);
const folds = stratifiedKFold(labels.codes, 5).folds;

async function llmServer() {
  // Answers from the review's words (fieldReader), after 40 ms.
  return startServer({ answer: fieldReader, latencyMs: 40 });
}

function llmSteps(baseURL: string, cache: string | null): StepSpec[] {
  return [{ name: 'llm', params: { model: 'm', base_url: baseURL, concurrency: CONCURRENCY, cache } }];
}

/**
 * Issue 16.17: all folds' LLM calls go through one scheduler. Folds run one after another never have
 * more than a fold's 4 test rows in flight; folds that each had a limiter of their own could have 5 × 6.
 * One shared limiter at 6 with every fold at once fills it exactly.
 */
describe("one scheduler for all of an LLM's cross-validation folds", () => {
  it('crossValidate with concurrentFolds: the endpoint sees exactly `concurrency` in flight, same scores', async () => {
    const server = await llmServer();
    const model = buildModel(llmSteps(server.baseURL, null));
    const together = await crossValidate(model, features, labels, { cv: folds, concurrentFolds: true });
    expect(server.maxInFlight()).toBe(CONCURRENCY);
    expect(server.requests()).toBe(20);

    const sequentialServer = await llmServer();
    const apart = await crossValidate(
      buildModel(llmSteps(sequentialServer.baseURL, null)),
      features,
      labels,
      {
        cv: folds,
      },
    );
    expect(sequentialServer.maxInFlight()).toBe(4);
    expect(together.folds.map((fold) => fold.test)).toEqual(apart.folds.map((fold) => fold.test));
  });

  it('learning curve through concurrentExecutor: one model per spec, one limiter, same scores', async () => {
    const server = await llmServer();
    const steps = llmSteps(server.baseURL, null);
    const options = { steps, trainSizes: [0.5, 1], cv: folds, scoring: 'accuracy' };
    const together = await learningCurve(features, labels, {
      ...options,
      executor: concurrentExecutor({ features, labels }),
    });
    expect(server.maxInFlight()).toBe(CONCURRENCY);

    const sequentialServer = await llmServer();
    const apart = await learningCurve(features, labels, {
      ...options,
      steps: llmSteps(sequentialServer.baseURL, null),
      executor: inProcessExecutor({ features, labels }),
    });
    expect(together.points).toEqual(
      apart.points.map((point) => ({ ...point, fitSeconds: expect.any(Number) })),
    );
  });

  it("shares the model's response cache across the tasks: each distinct row is asked once", async () => {
    const server = await llmServer();
    await learningCurve(features, labels, {
      steps: llmSteps(server.baseURL, 'memory'),
      trainSizes: [0.5, 1],
      cv: folds,
      executor: concurrentExecutor({ features, labels }),
    });
    // Test and training rows of every task are the same 20 reviews (temperature 0, no few-shot).
    expect(server.requests()).toBeLessThanOrEqual(20);
  });

  it('llmOutOfFold (few-shot curve, prompt ablation, LLM vs baseline): all folds through one limiter', async () => {
    const server = await llmServer();
    const run = await llmOutOfFold(buildModel(llmSteps(server.baseURL, null)), features, labels, folds);
    expect(server.maxInFlight()).toBe(CONCURRENCY);
    expect(run.usage.calls).toBe(20);
    expect(Array.from(run.foldOf).sort()).toEqual(
      folds.flatMap((fold, f) => Array(fold.test.length).fill(f)).sort(),
    );
  });
});
