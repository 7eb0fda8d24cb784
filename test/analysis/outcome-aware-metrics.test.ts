import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { summariseClassification } from '../../src/analysis/evaluation/classification-summary.js';
import { outcomeAwarePredictions } from '../../src/analysis/llm/llm-outcome-summary.js';
import { classificationReportDict } from '../../src/metrics/index.js';
import { LLM_OUTCOMES } from '../../src/models/llm-classifier/index.js';

interface OutcomeCase {
  readonly name: string;
  readonly classes: string[];
  readonly y_true: number[];
  readonly y_pred: string[];
  readonly expected: {
    readonly accuracy: number;
    readonly balanced_accuracy: number;
    readonly averaged: Record<
      'micro' | 'macro' | 'weighted',
      { precision: number; recall: number; f1: number }
    >;
    readonly report: Record<string, unknown>;
    readonly confusion: number[][];
    readonly confusion_columns: string[];
    readonly cohen_kappa: number;
    readonly mcc: number;
  };
}

const fixture = JSON.parse(
  readFileSync(
    join(dirname(fileURLToPath(import.meta.url)), '../fixtures/llm-outcomes/outcome_metrics.json'),
    'utf8',
  ),
) as { cases: OutcomeCase[] };

/** What predictDetailed hands back: a class code per row (the fallback 0 for non-answers) and outcomes. */
function llmPredictions(testCase: OutcomeCase) {
  const outcomes = Uint8Array.from(testCase.y_pred, (name) =>
    testCase.classes.includes(name) ? 0 : LLM_OUTCOMES.indexOf(name as (typeof LLM_OUTCOMES)[number]),
  );
  const predicted = Int32Array.from(testCase.y_pred, (name) => Math.max(0, testCase.classes.indexOf(name)));
  return { predicted, outcomes };
}

function expectClose(actual: unknown, expected: unknown, path = ''): void {
  if (typeof expected === 'number') {
    expect(actual, path).toBeCloseTo(expected, 12);
  } else if (Array.isArray(expected)) {
    expect((actual as unknown[]).length, path).toBe(expected.length);
    for (const [i, value] of expected.entries())
      expectClose((actual as unknown[])[i], value, `${path}[${i}]`);
  } else {
    const object = expected as Record<string, unknown>;
    expect(Object.keys(actual as object).sort(), path).toEqual(Object.keys(object).sort());
    for (const key of Object.keys(object))
      expectClose((actual as Record<string, unknown>)[key], object[key], `${path}.${key}`);
  }
}

describe('outcome-aware headline metrics match scikit-learn with the outcome as a never-true label', () => {
  for (const testCase of fixture.cases) {
    it(testCase.name, () => {
      const { predicted, outcomes } = llmPredictions(testCase);
      const scored = outcomeAwarePredictions(predicted, outcomes, testCase.classes.length);
      const n = testCase.y_true.length;
      const k = testCase.classes.length;
      const proba = { rows: n, cols: k, data: new Float64Array(n * k).fill(1 / k) };
      const summary = summariseClassification(
        Int32Array.from(testCase.y_true),
        scored.predicted,
        proba,
        testCase.classes,
        scored.nonAnswers,
      );
      const { expected } = testCase;
      expect(summary.accuracy).toBeCloseTo(expected.accuracy, 12);
      expect(summary.balancedAccuracy).toBeCloseTo(expected.balanced_accuracy, 12);
      for (const average of ['micro', 'macro', 'weighted'] as const)
        expectClose(summary[average], expected.averaged[average], average);
      expectClose(classificationReportDict(summary.report), expected.report, 'report');
      expect(summary.confusion.counts).toEqual(expected.confusion);
      expect(summary.confusion.predictedLabels ?? summary.confusion.labels).toEqual(
        expected.confusion_columns,
      );
      expect(summary.cohenKappa).toBeCloseTo(expected.cohen_kappa, 12);
      expect(summary.mcc).toBeCloseTo(expected.mcc, 12);
      // Identity: every row lands in exactly one cell of its true class's row.
      const cells = summary.confusion.counts.flat().reduce((a, b) => a + b, 0);
      expect(cells).toBe(n);
    });
  }
});
