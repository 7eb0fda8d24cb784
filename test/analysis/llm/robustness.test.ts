import { describe, expect, it } from 'vitest';
import {
  formatVariants,
  INPUT_PERTURBATIONS,
  llmRobustness,
  pairedVariantBootstrap,
  perturbTextColumns,
} from '../../../src/analysis/llm/robustness/index.js';
import { findingRecordSchema } from '../../../src/core/finding-record.js';
import { createLlmClassifier } from '../../../src/models/llm-classifier/index.js';
import { parseLlmClassifierParams } from '../../../src/models/llm-classifier/params.js';
import { stratifiedKFold } from '../../../src/splits/index.js';
import { formatSensitiveModel } from '../../helpers/format-sensitive-model.js';
import { labelWordFor } from '../../helpers/label-word-model.js';
import { useTestServer } from '../../helpers/use-test-server.js';
import { reviewDataset } from '../llm-reviews.js';

const startServer = useTestServer();
const { features, labels } = reviewDataset();
const folds = stratifiedKFold(labels.codes, 4).folds;
const byName = (name: string) => INPUT_PERTURBATIONS.find((p) => p.name === name)!;

describe('prompt and input variants', () => {
  it('rewrites the template text but never a placeholder, and drops a variant equal to the template', () => {
    const params = parseLlmClassifierParams({ template: 'Review: {{review}}\nstars: {{stars}}' });
    const templates = Object.fromEntries(
      formatVariants(params, ['review', 'stars']).map((v) => [v.name, v.patch.template ?? v.patch.system]),
    );
    expect(templates["separator '|'"]).toBe('Review | {{review}}\nstars | {{stars}}');
    expect(templates['upper-case field names']).toBe('REVIEW: {{review}}\nSTARS: {{stars}}');
    expect(templates['reversed field order']).toBe('stars: {{stars}}\nReview: {{review}}');
    expect(templates['fields on one line']).toBe('Review: {{review}} ; stars: {{stars}}');
    const lower = parseLlmClassifierParams({ template: 'review: {{review}}' });
    expect(formatVariants(lower, ['review']).map((v) => v.name)).not.toContain('lower-case field names');
  });

  it('perturbs text cells only, the same way for the same seed', () => {
    const upper = perturbTextColumns(features, byName('upper-case text'), 0);
    expect(upper.columns[0].levels?.[upper.data[0]]).toBe('ITEM 0 WAS GOOD');
    expect(upper.columns[1]).toBe(features.columns[1]);
    expect(Array.from(upper.data.subarray(1, 3))).toEqual(Array.from(features.data.subarray(1, 3)));
    const typosA = perturbTextColumns(features, byName('typos'), 7);
    const typosB = perturbTextColumns(features, byName('typos'), 7);
    expect(typosA.columns[0].levels).toEqual(typosB.columns[0].levels);
    // A typo swaps two adjacent inner letters: the same letters, and the same first and last character.
    const original = features.columns[0].levels!;
    const changed = typosA.columns[0].levels!.flatMap((text, i) => (text === original[i] ? [] : [i]));
    expect(changed.length).toBeGreaterThan(0);
    const sorted = (text: string) => [...text].sort().join('');
    for (const i of changed) {
      const text = typosA.columns[0].levels![i];
      expect(sorted(text)).toBe(sorted(original[i]));
      expect([text[0], text.at(-1)]).toEqual([original[i][0], original[i].at(-1)]);
    }
  });

  it('pairs the bootstrap: a difference is the per-draw difference of accuracies', () => {
    const y = Int32Array.from([0, 1, 0, 1, 0, 1, 0, 1]);
    const same = pairedVariantBootstrap(y, [y, Int32Array.from(y)], [[0, 1]], { nBoot: 200 });
    expect(same.differences[0]).toEqual({ estimate: 0, low: 0, high: 0 });
    const wrongHalf = Int32Array.from([0, 0, 0, 0, 0, 1, 0, 1]);
    const result = pairedVariantBootstrap(y, [y, wrongHalf], [[0, 1]], { nBoot: 500 });
    expect(result.variants[1].accuracy.estimate).toBe(0.75);
    expect(result.variants[1].flipRate.estimate).toBe(0.25);
    expect(result.differences[0].estimate).toBe(0.25);
    // Variant 1 is never right where the baseline is wrong, so no paired draw can favour it.
    expect(result.differences[0].low).toBeGreaterThanOrEqual(0);
  });
});

describe('llmRobustness against a format-sensitive model', () => {
  it('finds the separator and the upper-case text it fails on, and the rows that flip between samples', async () => {
    const server = await startServer({ answer: formatSensitiveModel });
    const model = createLlmClassifier(
      { base_url: server.baseURL, model: 'm', temperature: 0.7, concurrency: 4 },
      { env: {} },
    );
    const result = await llmRobustness(model, features, labels, { folds, samples: 5, nBoot: 400 });
    const variant = (name: string) => result.variants.find((v) => v.name === name)!;
    expect(variant('as configured').accuracy.estimate).toBe(1);
    expect(variant("separator '|'").accuracy.estimate).toBe(0);
    expect(variant("separator '|'").flipRate).toEqual({ estimate: 1, low: 1, high: 1 });
    expect(variant('upper-case text').accuracy.estimate).toBe(0.5);
    expect(variant("separator '='").accuracy.estimate).toBe(1);
    expect(variant('reversed label order').flipRate.estimate).toBe(0);

    const spread = (family: string) => result.spreads.find((s) => s.family === family)!;
    expect(spread('format')).toMatchObject({
      best: 'as configured',
      worst: "separator '|'",
      sensitive: true,
    });
    expect(spread('format').spread).toEqual({ estimate: 1, low: 1, high: 1 });
    expect(spread('input')).toMatchObject({
      best: 'as configured',
      worst: 'upper-case text',
      sensitive: true,
    });
    expect(spread('input').spread.estimate).toBe(0.5);
    expect(spread('input').spread.low).toBeGreaterThan(0);
    expect(spread('labels')).toMatchObject({ sensitive: false, spread: { estimate: 0, low: 0, high: 0 } });

    // Best and worst are picked on one stratified half and measured on the other.
    expect(result.halves).toEqual({ pickRows: 20, measureRows: 20 });
    expect(result.findings.map((f) => f.code)).toEqual([
      'llm_format_sensitive',
      'llm_perturbation_sensitive',
      'llm_unstable_answers',
    ]);
    for (const finding of result.findings) expect(findingRecordSchema.parse(finding)).toEqual(finding);
    // The baseline is the best prompt: nothing to switch to, so no impact is claimed.
    expect(result.findings[0].impact).toBeUndefined();
    expect(result.findings[0].rows).toEqual(Array.from({ length: 40 }, (_, i) => i));
    expect(result.findings[1].columns).toEqual(['review']);
    // Upper-cased text is answered "pos": exactly the 20 "neg" rows flip (typos may flip more).
    const negRows = Array.from({ length: 20 }, (_, i) => 2 * i + 1);
    expect(result.findings[1].rows).toEqual(expect.arrayContaining(negRows));
    const row1 = result.flippedRows.find((flip) => flip.row === 1)!;
    expect(row1).toMatchObject({ truth: 'neg', baseline: 'neg' });
    expect(row1.changes).toContainEqual({ variant: "separator '|'", label: 'pos' });
    expect(row1.changes).toContainEqual({ variant: 'upper-case text', label: 'pos' });

    // Rows "item N" with N % 5 === 0 answer wrong on the odd seeds (samples 1 and 3 of 0..4).
    if (!result.sampling.ran) throw new Error('sampling should run at temperature 0.7');
    expect(result.sampling.unstableRows.map((r) => r.row)).toEqual([0, 5, 10, 15, 20, 25, 30, 35]);
    expect(result.sampling.unstableRows[0].answers).toEqual(['pos', 'neg', 'pos', 'neg', 'pos']);
    expect(result.sampling.unstableRows[0].disagreement).toBeCloseTo(2 / 5, 12);
    expect(result.skipped).toEqual([]);
    expect(result.sampling.flipRate.estimate).toBe(0.2);
    expect(result.sampling.passAllK.estimate).toBe(0.8);
    expect(result.sampling.passAnyK).toEqual({ estimate: 1, low: 1, high: 1 });
    expect(result.sampling.flipRate.low).toBeLessThanOrEqual(0.2);
    expect(result.sampling.flipRate.high).toBeGreaterThanOrEqual(0.2);
    expect(result.findings[2].rows).toEqual([0, 5, 10, 15, 20, 25, 30, 35]);

    // Per slice: upper-cased text is answered "pos", so under the input family every "neg" row flips and
    // no "pos" row does (a typo hides "good" at worst, and then the answer is "pos" all the same).
    const slice = (family: string, value: string) =>
      result.slices.find((s) => s.family === family && s.by === 'class' && s.value === value)!;
    expect(slice('input', 'neg')).toMatchObject({ rows: 20, flipRate: { estimate: 1, low: 1, high: 1 } });
    expect(slice('input', 'pos')).toMatchObject({ rows: 20, flipRate: { estimate: 0, low: 0, high: 0 } });
    expect(slice('input', 'pos').baselineAccuracy.estimate).toBe(1);
    // The format family: one variant of seven (the ' | ' separator) is wrong on every row.
    const formatCount = result.variants.filter((v) => v.family === 'format').length;
    expect(slice('format', 'neg').variantAccuracy.estimate).toBeCloseTo(1 - 1 / formatCount, 12);
    const sources = result.slices.filter((s) => s.by === 'column' && s.family === 'input');
    expect(sources.map((s) => [s.column, s.value, s.rows])).toEqual([
      ['source', 'app', 26],
      ['source', 'web', 14],
    ]);
    const lengths = result.slices.filter((s) => s.by === 'length' && s.family === 'input');
    expect(lengths.reduce((sum, s) => sum + s.rows, 0)).toBe(40);
  });

  it('skips repeated sampling at temperature 0 and finds nothing for a model that ignores format', async () => {
    const server = await startServer({
      answer: (body) => labelWordFor(body, /\bgood\b/i.test(JSON.stringify(body.messages.at(-1)))),
    });
    const model = createLlmClassifier({ base_url: server.baseURL, model: 'm' }, { env: {} });
    const result = await llmRobustness(model, features, labels, { folds, nBoot: 200 });
    expect(result.sampling).toMatchObject({ ran: false });
    expect(result.findings).toEqual([]);
    expect(result.spreads.every((s) => !s.sensitive)).toBe(true);
  });

  it('says why the input family is skipped when no column is text', async () => {
    const server = await startServer({ answer: formatSensitiveModel });
    const model = createLlmClassifier({ base_url: server.baseURL, model: 'm' }, { env: {} });
    const categorical = {
      ...features,
      columns: features.columns.map((c) => (c.kind === 'text' ? { ...c, kind: 'categorical' as const } : c)),
    };
    const result = await llmRobustness(model, categorical, labels, {
      folds,
      families: ['input'],
      samples: 1,
    });
    expect(result.variants.map((v) => v.name)).toEqual(['as configured']);
    expect(result.spreads).toEqual([]);
    expect(result.skipped).toEqual([{ family: 'input', reason: expect.stringContaining('no text column') }]);
    expect(result.sampling).toMatchObject({ ran: false, reason: 'one sample per row asked' });
  });
});
