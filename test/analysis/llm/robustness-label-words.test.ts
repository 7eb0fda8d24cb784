import { describe, expect, it } from 'vitest';
import { labelWordVariants, llmRobustness } from '../../../src/analysis/llm/robustness/index.js';
import { buildModel, parseModelSpec } from '../../../src/catalog/index.js';
import { takeFeatureColumns } from '../../../src/core/features.js';
import { findingRecordSchema } from '../../../src/core/finding-record.js';
import { createLlmClassifier } from '../../../src/models/llm-classifier/index.js';
import { parseLlmClassifierParams } from '../../../src/models/llm-classifier/params.js';
import { stratifiedKFold } from '../../../src/splits/index.js';
import { labelWordBiasedModel } from '../../helpers/label-word-model.js';
import { useTestServer } from '../../helpers/use-test-server.js';
import { reviewDataset } from '../llm-reviews.js';

const startServer = useTestServer();

describe('label-word swaps', () => {
  it('renames the classes with letters (described by the old words) and with synonyms, keyed by the new words', () => {
    const params = parseLlmClassifierParams({ label_descriptions: { spam: 'unwanted mail' } });
    const variants = labelWordVariants(params, ['ham', 'spam']);
    expect(variants.map((v) => [v.name, v.classes])).toEqual([
      ['letters as label words', ['A', 'B']],
      ['synonyms as label words', ['legitimate', 'junk']],
    ]);
    expect(variants[0].patch.label_descriptions).toEqual({ A: 'ham', B: 'spam (unwanted mail)' });
    expect(variants[1].patch.label_descriptions).toEqual({ junk: 'unwanted mail' });
    // No synonym for any class: no synonym variant; a regex parser is written for the user's words.
    expect(labelWordVariants(params, ['x1', 'x2']).map((v) => v.name)).toEqual(['letters as label words']);
    expect(
      labelWordVariants(parseLlmClassifierParams({ parse: 'regex', regex: '(\\w+)' }), ['a', 'b']),
    ).toEqual([]);
  });

  it('catches a model lured by the label word "pos", recommends the swap with a verified gain, and names the rows', async () => {
    const server = await startServer({ answer: labelWordBiasedModel });
    const { features, labels } = reviewDataset(80);
    const folds = stratifiedKFold(labels.codes, 4).folds;
    const model = createLlmClassifier({ base_url: server.baseURL, model: 'm', concurrency: 4 }, { env: {} });
    const result = await llmRobustness(model, features, labels, {
      folds,
      families: ['labels'],
      samples: 1,
      nBoot: 500,
    });
    const accuracy = (name: string) => result.variants.find((v) => v.name === name)!.accuracy.estimate;
    // Rows "item N" with N % 4 === 1 are 20 of the 40 "neg" rows: answered "pos" while "pos" is listed.
    expect(accuracy('as configured')).toBe(0.75);
    expect(accuracy('reversed label order')).toBe(0.75);
    expect(accuracy('upper-case label words')).toBe(0.75);
    expect(accuracy('letters as label words')).toBe(1);
    expect(accuracy('synonyms as label words')).toBe(1);
    expect(result.variants.find((v) => v.name === 'letters as label words')!.labelWords).toEqual(['A', 'B']);

    const [spread] = result.spreads;
    expect(spread).toMatchObject({ family: 'labels', best: 'letters as label words', sensitive: true });
    // Measured on the 40 rows the pick did not see: the gain is the share of lured rows there.
    const measured = spread.gainOverBaseline;
    expect(measured.estimate).toBeGreaterThan(0.1);
    expect(measured.estimate).toBeLessThan(0.4);
    expect(measured.low).toBeGreaterThan(0);

    const [finding] = result.findings;
    expect(findingRecordSchema.parse(finding)).toEqual(finding);
    expect(finding.code).toBe('llm_format_sensitive');
    expect(finding.impact).toMatchObject({ metric: 'accuracy', verified: true, gain: measured.estimate });
    expect(finding.suggestion).toContain('"neg" → "A", "pos" → "B"');
    expect(finding.rows).toEqual(Array.from({ length: 20 }, (_, i) => 4 * i + 1));
    const row1 = result.flippedRows.find((flip) => flip.row === 1)!;
    expect(row1).toMatchObject({ truth: 'neg', baseline: 'pos' });
    expect(row1.changes).toEqual([
      { variant: 'letters as label words', label: 'neg' },
      { variant: 'synonyms as label words', label: 'neg' },
    ]);
  });
});

describe('input perturbations for a classical model with a text column', () => {
  it('finds a case-sensitive tf-idf that cannot read upper-cased text, and skips the prompt families', async () => {
    const { features, labels } = reviewDataset(80);
    const reviews = takeFeatureColumns(features, [0]);
    const folds = stratifiedKFold(labels.codes, 4).folds;
    const caseSensitive = buildModel(parseModelSpec('tfidf(column=review, lowercase=false) | logreg'));
    const result = await llmRobustness(caseSensitive, reviews, labels, { folds, nBoot: 300 });
    expect(result.skipped.map((skip) => skip.family)).toEqual(['format', 'labels']);
    expect(result.sampling).toMatchObject({ ran: false });
    const accuracy = (name: string) => result.variants.find((v) => v.name === name)!.accuracy.estimate;
    expect(accuracy('as configured')).toBe(1);
    // Fitted on the rows as written, it has never seen "GOOD" or "BAD": it can only guess.
    expect(accuracy('upper-case text')).toBeLessThanOrEqual(0.6);
    expect(accuracy('lower-case text')).toBe(1);
    expect(result.findings.map((f) => f.code)).toEqual(['llm_perturbation_sensitive']);
    expect(result.findings[0].columns).toEqual(['review']);

    const lowercased = buildModel(parseModelSpec('tfidf(column=review) | logreg'));
    const robust = await llmRobustness(lowercased, reviews, labels, { folds, nBoot: 300 });
    expect(robust.variants.find((v) => v.name === 'upper-case text')!.accuracy.estimate).toBe(1);
    expect(robust.findings).toEqual([]);
  });
});
