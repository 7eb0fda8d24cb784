import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { expectOneLineError, runCli } from './run-cli.js';

const csv = 'test/fixtures/text/spam_sample.csv';
const { spam_sample_cv: reference } = JSON.parse(
  readFileSync(new URL('../fixtures/text/tfidf_reference.json', import.meta.url), 'utf8'),
) as { spam_sample_cv: { tfidf: string; accuracy: Record<string, number[]> } };

describe('modeldebug eval on a text column', () => {
  for (const [classifier, expected] of Object.entries(reference.accuracy)) {
    it(`tfidf | ${classifier}: the fold accuracies of scikit-learn's pipeline`, () => {
      const model = `tfidf(${reference.tfidf}) | ${classifier}`;
      const result = runCli([
        'eval',
        csv,
        '--label',
        'label',
        '--text',
        'text',
        '--model',
        model,
        '--cv',
        '5',
        '--json',
      ]);
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
      const folds = JSON.parse(result.stdout).crossValidation.folds as { test: { accuracy: number } }[];
      expect(folds.map((fold) => fold.test.accuracy)).toEqual(expected);
    });
  }

  it('says how to use a text column, and which models take TF-IDF', () => {
    expectOneLineError(
      runCli(['eval', csv, '--label', 'label', '--text', 'text', '--model', 'logreg']),
      "vectorise it with --model 'tfidf | logreg'",
    );
    expectOneLineError(
      runCli(['eval', csv, '--label', 'label', '--text', 'text', '--model', 'tfidf | knn']),
      'k-neighbors does not take sparse features',
    );
  });
});
