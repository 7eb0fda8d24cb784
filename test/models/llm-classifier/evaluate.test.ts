import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluate } from '../../../src/analysis/evaluation/evaluate.js';
import { buildModel, parseModelSpec } from '../../../src/catalog/index.js';
import { loadExample } from '../../../src/data/index.js';
import {
  type ChatBody,
  lastUser,
  startTestServer,
  type TestServer,
} from '../../helpers/openai-test-server.js';
import { irisAnswer } from './iris-server.js';
import { TEST, TRAIN } from './text-data.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({
    answer: (body: ChatBody) => {
      const input = lastUser(body);
      if (input.includes('meh')) return 'no idea';
      return input.includes('awful') || input.includes('broke') ? 'neg' : 'pos';
    },
  });
});
afterAll(() => server.close());

describe('evaluate with an LLM classifier built from a model spec', () => {
  it('reports outcome-aware accuracy and a confusion matrix with an unparseable column', async () => {
    const estimator = buildModel(
      parseModelSpec(`llm(base_url=${server.baseURL}, model=m, template='{{review}}')`),
    );
    const evaluation = await evaluate(
      estimator,
      { source: 'train', labelColumn: 'y', ...TRAIN },
      { kind: 'test-set', test: { source: 'test', labelColumn: 'y', ...TEST } },
    );
    const outcomes = evaluation.llmOutcomes!;
    expect(outcomes.columnLabels).toEqual(['neg', 'pos', 'unparseable', 'refusal', 'error']);
    expect(outcomes.counts).toMatchObject({ label: 5, unparseable: 1 });
    // great battery ✓, awful screen ✓, meh ✗ (unparseable), refuse this → pos ✗, json please ✓, broken server ✓
    expect(outcomes.accuracy).toBeCloseTo(4 / 6, 12);
    expect(outcomes.counts.wrong).toBe(1);
    // The headline counts the unparseable row as an error too, in a column of its own.
    expect(evaluation.metrics.accuracy).toBeCloseTo(4 / 6, 12);
    expect(evaluation.metrics.confusion.predictedLabels).toEqual(['neg', 'pos', 'unparseable']);
    const missed = evaluation.metrics.confusion.counts.map((row) => row[2]);
    expect(missed.reduce((a, b) => a + b, 0)).toBe(1);
    expect(evaluation.warnings.map((warning) => warning.code)).toContain('llm_unparseable');
  });

  it('pools outcome-aware metrics over cross-validation folds: non-answers count as errors', async () => {
    // The 9 flowers with sepal length 5.1 (8 setosa, which the thresholds get right, and 1 versicolor)
    // get "no idea".
    const iris = await startTestServer({
      answer: (body) => (lastUser(body).includes('sepal length (cm): 5.1\n') ? 'no idea' : irisAnswer(body)),
    });
    try {
      const estimator = buildModel(parseModelSpec(`llm(base_url=${iris.baseURL}, model=iris, cache=null)`));
      const dataset = await loadExample('iris');
      const evaluation = await evaluate(estimator, dataset, {
        kind: 'cross-validation',
        folds: 3,
        shuffle: false,
        seed: 0,
      });
      const outcomes = evaluation.llmOutcomes!;
      expect(outcomes.counts.unparseable).toBe(9);
      expect(evaluation.metrics.accuracy).toBeCloseTo(outcomes.accuracy, 12);
      expect(evaluation.metrics.confusion.predictedLabels).toEqual([
        'setosa',
        'versicolor',
        'virginica',
        'unparseable',
      ]);
      expect(evaluation.metrics.confusion.counts.map((row) => row[3])).toEqual([8, 1, 0]);
      expect(evaluation.metrics.report.classes[0].recall).toBeCloseTo(42 / 50, 12);
    } finally {
      await iris.close();
    }
  });

  it('cross-validates with one call per row: no train scores for an LLM', async () => {
    const iris = await startTestServer({ answer: irisAnswer });
    try {
      const estimator = buildModel(parseModelSpec(`llm(base_url=${iris.baseURL}, model=iris, cache=null)`));
      const evaluation = await evaluate(estimator, await loadExample('iris'), {
        kind: 'cross-validation',
        folds: 3,
        shuffle: false,
        seed: 0,
      });
      expect(iris.requests()).toBe(150);
      expect(evaluation.metrics.accuracy).toBeGreaterThan(0.9);
      expect(evaluation.crossValidation!.folds[0].train).toBeUndefined();
    } finally {
      await iris.close();
    }
  });
});
