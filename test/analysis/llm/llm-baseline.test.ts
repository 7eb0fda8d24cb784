import { describe, expect, it } from 'vitest';
import { compareLlmWithBaseline } from '../../../src/analysis/llm/llm-baseline.js';
import type { Classifier, FittedClassifier } from '../../../src/core/estimator.js';
import { createLlmClassifier } from '../../../src/models/llm-classifier/index.js';
import { stratifiedKFold } from '../../../src/splits/index.js';
import { useTestServer } from '../../helpers/use-test-server.js';
import { fieldReader, reviewDataset } from '../llm-reviews.js';

const startServer = useTestServer();

const { features, labels } = reviewDataset();
const folds = stratifiedKFold(labels.codes, 4).folds;

/** A one-rule classical model: pos when stars ≥ 3 (right on 30 of the 40 rows). */
function starsRule(): Classifier {
  const model: Classifier = {
    kind: 'stars-rule',
    params: {},
    withParams: () => model,
    async fit(X) {
      const stars = X.columns.findIndex((column) => column.name === 'stars');
      const fitted: FittedClassifier = {
        kind: 'stars-rule',
        classes: ['neg', 'pos'],
        diagnostics: { warnings: [] },
        predict: async (rows) =>
          Int32Array.from({ length: rows.rows }, (_, i) => (rows.data[i * rows.cols + stars] >= 3 ? 1 : 0)),
        predictProba: async () => {
          throw new Error('not used');
        },
        toJSON: () => {
          throw new Error('not used');
        },
      };
      return fitted;
    },
  };
  return model;
}

describe('LLM against a classical baseline', () => {
  it('is significantly better when it wins every discordant row (exact McNemar, p = 2 × 0.5^10)', async () => {
    const server = await startServer({ answer: fieldReader });
    const llm = createLlmClassifier({ base_url: server.baseURL, model: 'm' }, { env: {} });
    const result = await compareLlmWithBaseline(llm, starsRule(), features, labels, {
      folds,
      baselineName: 'a stars rule',
    });
    expect(result.llmAccuracy).toBe(1);
    expect(result.baselineAccuracy).toBe(0.75);
    expect(result.mcnemar).toMatchObject({
      onlyFirstCorrect: 10,
      onlySecondCorrect: 0,
      method: 'exact-binomial',
    });
    expect(result.mcnemar.pValue).toBeCloseTo(2 * 0.5 ** 10, 15);
    expect(result.verdict).toBe('better');
    expect(result.summary).toBe(
      'the LLM is significantly better than a stars rule (p=0.0020; 10 rows only the LLM got right, 0 only the baseline)',
    );
    expect(result.usage.calls).toBe(40);
  });

  it('is significantly worse when the baseline wins; unlabelled answers count as wrong', async () => {
    // Unparseable on the neg rows, "pos" on the rest: right on the 20 pos rows only.
    const server = await startServer({ answer: (body) => (fieldReader(body) === 'neg' ? '???' : 'pos') });
    const llm = createLlmClassifier({ base_url: server.baseURL, model: 'm' }, { env: {} });
    const result = await compareLlmWithBaseline(llm, starsRule(), features, labels, { folds });
    expect(result.llmAccuracy).toBe(0.5);
    expect(result.llmUnlabelled).toBe(20);
    // The stars rule is right on the 10 neg rows whose stars agree (i % 4 === 1), where the LLM is not.
    expect(result.mcnemar).toMatchObject({ onlyFirstCorrect: 0, onlySecondCorrect: 10 });
    expect(result.verdict).toBe('worse');
    expect(result.summary).toMatch(/^the LLM is significantly worse than the baseline \(p=0\.0020;/);
  });

  it('finds no difference when both make the same mistakes', async () => {
    const server = await startServer({ answer: fieldReader });
    const llm = createLlmClassifier(
      { base_url: server.baseURL, model: 'm', template: 'stars: {{stars}}' },
      { env: {} },
    );
    const result = await compareLlmWithBaseline(llm, starsRule(), features, labels, { folds });
    expect(result.mcnemar).toMatchObject({ onlyFirstCorrect: 0, onlySecondCorrect: 0, pValue: 1 });
    expect(result.verdict).toBe('no-difference');
    expect(result.summary).toMatch(
      /^the LLM is not significantly different from the baseline \(p=1\.0 ≥ 0\.05/,
    );
  });
});
