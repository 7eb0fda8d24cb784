import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  planModel,
  type RunConfigInput,
  type RunReport,
  runConfigSchema,
  runWorkflow,
  SECTION_IDS,
} from '../../src/workflow/index.js';

const FAST = { error_analysis: { n_boot: 100 }, final_test: { n_boot: 100 } };

function run(input: RunConfigInput): Promise<RunReport> {
  return runWorkflow(runConfigSchema.parse(input));
}

let iris: RunReport;
beforeAll(async () => {
  iris = await run({
    data: { example: 'iris' },
    steps: FAST,
    thresholds: { accuracy: 0.5, f1_macro: 0.999 },
  });
}, 120_000);

describe('runWorkflow on iris', () => {
  it('holds out 20 % before anything else and evaluates the best model on it once', () => {
    const final = iris.sections.finalTest;
    expect(final?.testRows).toBe(30);
    expect(final?.trainRows).toBe(120);
    expect(iris.sections.modelComparison?.rows).toBe(120);
    expect(iris.sections.errorAnalysis?.rows).toBe(120);
  });

  it('keeps the summary contract: the final metrics and confusion matrix of the best model', () => {
    const { summary } = iris;
    expect(Object.keys(summary).sort()).toEqual(
      ['bestModel', 'bestScore', 'confusion', 'dataset', 'metric', 'metrics', 'models', 'rows'].sort(),
    );
    expect(summary.dataset).toBe('example:iris');
    expect(summary.rows).toBe(150);
    expect(summary.models).toHaveLength(6);
    expect(summary.bestModel).toBe(iris.sections.finalTest?.model);
    expect(summary.metric).toBe('f1_weighted');
    expect(summary.bestScore).toBe(summary.metrics.f1_weighted);
    expect(summary.confusion.labels).toEqual(['setosa', 'versicolor', 'virginica']);
    const total = summary.confusion.counts.flat().reduce((a, b) => a + b, 0);
    expect(total).toBe(30);
    const diagonal = summary.confusion.counts.reduce((sum, row, i) => sum + row[i], 0);
    expect(summary.metrics.accuracy).toBeCloseTo(diagonal / 30, 12);
  });

  it('runs every step by default and skips none', () => {
    expect(iris.skipped).toEqual([]);
    for (const key of [
      'validation',
      'modelComparison',
      'learningCurve',
      'validationCurve',
      'search',
      'regularization',
      'featureSelection',
      'ensemble',
      'errorAnalysis',
      'finalTest',
    ] as const) {
      expect(iris.sections[key], key).toBeDefined();
    }
  });

  it('states every finding with a number and links it to a section that exists', () => {
    // Problems and verified changes only: "all clear" results (a search that does not beat the
    // defaults, a converged curve) stay in their sections.
    expect(iris.findings.length).toBeGreaterThanOrEqual(3);
    // Failures first, then the metric points at stake, then warnings, then the rest (rankFindings).
    const tier = (f: RunReport['findings'][number]) =>
      f.level === 'fail' ? 0 : (f.stake ?? 0) > 0 ? 1 : f.level === 'warn' ? 2 : 3;
    for (const [k, finding] of iris.findings.entries()) {
      expect(finding.message, finding.message).toMatch(/\d/);
      expect(finding.suggestion.length).toBeGreaterThan(0);
      expect(SECTION_IDS).toContain(finding.section);
      if (k > 0) expect(tier(finding)).toBeGreaterThanOrEqual(tier(iris.findings[k - 1]));
    }
    // The bundled iris file has one exact duplicate row, which the data checks report.
    expect(
      iris.findings.some((f) => f.section === 'data-validation' && /1 of 150 rows/.test(f.message)),
    ).toBe(true);
  });

  it('puts bootstrap intervals around the final accuracy and F1', () => {
    const intervals = iris.sections.finalTest?.intervals;
    expect(intervals?.nBoot).toBe(100);
    for (const interval of [intervals?.accuracy, intervals?.f1Macro, intervals?.f1Weighted]) {
      expect(interval?.low).toBeLessThanOrEqual(interval?.estimate ?? Number.NaN);
      expect(interval?.high).toBeGreaterThanOrEqual(interval?.estimate ?? Number.NaN);
    }
    expect(intervals?.accuracy.estimate).toBe(iris.summary.metrics.accuracy);
  });

  it('compares the tuned params with the defaults on the same folds', () => {
    const search = iris.sections.search;
    expect(search?.defaultScore).not.toBeNull();
    expect(search?.bestScore).toBeGreaterThanOrEqual(search?.defaultScore ?? 1);
  });

  it("reuses the comparison's cross-validation for the ensemble's members (same folds, same scores)", () => {
    const compared = new Map(
      (iris.sections.modelComparison?.models ?? []).map((model) => [model.spec, model.scores.accuracy]),
    );
    const members = iris.sections.ensemble?.members ?? [];
    expect(members.length).toBeGreaterThanOrEqual(2);
    const shared = members.filter((member) => compared.has(member.spec));
    expect(shared.length).toBeGreaterThanOrEqual(members.length - 1);
    for (const member of shared) expect(member.accuracy).toEqual(compared.get(member.spec));
  });

  it('traces the regularization path on every row when they are few, so the refit is the path fit', () => {
    const section = iris.sections.regularization;
    expect(section?.rows).toBe(120);
    const index = section?.cs.indexOf(section.oneStandardError.C) ?? -1;
    expect(section?.refit).toEqual({
      C: section?.oneStandardError.C,
      rows: 120,
      nonZero: section?.nonZero[index],
    });
  });

  it('gates on the thresholds', () => {
    expect(iris.thresholds.map((t) => [t.metric, t.passed])).toEqual([
      ['accuracy', true],
      ['f1_macro', false],
    ]);
  });

  it('is plain JSON, version 1', () => {
    const copy = JSON.parse(JSON.stringify(iris)) as RunReport;
    expect(copy.version).toBe(1);
    expect(copy.summary).toEqual(iris.summary);
  });
});

describe('runWorkflow with a test file and one model', () => {
  it('evaluates on the test file and skips the ensemble with its reason', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'modeldebug-workflow-'));
    const rows = (n: number, shift: number) =>
      Array.from({ length: n }, (_, i) => {
        const y = i % 2;
        return `${(y * 2 + ((i * 7) % 5) / 5 + shift).toFixed(2)},${(((i * 3) % 7) / 7).toFixed(2)},${y ? 'yes' : 'no'}`;
      });
    writeFileSync(join(folder, 'train.csv'), ['a,b,y', ...rows(80, 0)].join('\n'));
    writeFileSync(join(folder, 'test.csv'), ['a,b,y', ...rows(20, 0.1)].join('\n'));
    const report = await run({
      data: { train: join(folder, 'train.csv'), test: join(folder, 'test.csv'), label: 'y' },
      models: ['gnb'],
      cv: 3,
      steps: { ...FAST, validate: false },
    });
    expect(report.sections.finalTest?.testRows).toBe(20);
    expect(report.sections.finalTest?.trainRows).toBe(80);
    expect(report.sections.finalTest?.protocol).toContain('test.csv');
    expect(report.skipped).toEqual([
      { step: 'ensemble', reason: 'an ensemble needs at least 2 models that fit' },
    ]);
    // No logistic regression among the models: the path uses one after the same transforms.
    expect(report.sections.regularization?.model).toMatch(/^logreg\(/);
    expect(report.summary.models).toEqual(['gnb']);
  }, 120_000);
});

describe('default models', () => {
  it('put TF-IDF in front of free text', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'modeldebug-workflow-text-'));
    const phrases = ['win money now', 'cheap pills offer', 'meeting notes attached', 'project update'];
    const lines = ['text,label'];
    for (let i = 0; i < 80; i++) lines.push(`"${phrases[i % 4]} ${i}",${i % 4 < 2 ? 'spam' : 'ham'}`);
    writeFileSync(join(folder, 'text.csv'), lines.join('\n'));
    const report = await run({
      data: { train: join(folder, 'text.csv'), label: 'label', text: ['text'] },
      cv: 3,
      steps: { ...FAST, validate: false, ensemble: false },
    });
    expect(report.summary.models).toEqual([
      'tfidf(column=text, sublinear_tf=true) | logreg',
      'tfidf(column=text, sublinear_tf=true) | mnb',
    ]);
    expect(report.summary.metrics.accuracy).toBe(1);
    expect(report.sections.featureSelection?.notes[0]).toMatch(/^RFECV needs/);
  }, 120_000);
});

describe('LLM specs', () => {
  it('plan like any other model', () => {
    const model = planModel('llm(model=gpt-4o-mini, base_url=http://127.0.0.1:9/v1, few_shot_k=2)');
    expect(model.kind).toBe('llm');
    expect(model.steps[0].params).toMatchObject({ model: 'gpt-4o-mini', few_shot_k: 2 });
  });
});
