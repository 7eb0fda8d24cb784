import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/core/rng.js';
import { type RunReport, runConfigSchema, runWorkflow } from '../../src/workflow/index.js';
import { stepsOff } from '../helpers/steps-off.js';
import { useTempDir } from '../helpers/use-temp-dir.js';
import { xorCsv } from '../helpers/xor-csv.js';

const tempDir = useTempDir();

function run(data: Record<string, unknown>, model: string): Promise<RunReport> {
  return runWorkflow(
    runConfigSchema.parse({
      data: { test_size: 0.2, ...data },
      models: [model],
      steps: stepsOff('baseline', 'learning_curve', 'validation_curve', 'search'),
      cv: 5,
      jobs: 1,
    }),
  );
}

/**
 * Every value of `param` the report recommends (the over/underfitting advice, the validation curve, the
 * search), as the sign of its move from the current value: they must all point the same way.
 */
function recommendedMoves(report: RunReport, param: string, current: number): number[] {
  const moves: number[] = [];
  for (const finding of report.findings) {
    const named = new RegExp(`^use (?:[\\w.]+\\.)?${param}=([\\d.e+-]+)`).exec(finding.suggestion);
    if (named) moves.push(Math.sign(Number(named[1]) - current));
    if (/^use /.test(finding.suggestion)) expect(finding.impact?.verified).toBe(true);
  }
  const search = report.sections.search;
  if (search?.gain && search.gain.low > 0) moves.push(Math.sign(Number(search.bestParams[param]) - current));
  return moves;
}

describe('over/underfitting advice agrees with the validation curve and the search (issue 14)', () => {
  it('spam: a train–CV gap with C=100 measured better is not read as "make it simpler"', async () => {
    // This data set used to get "lowering C" (-30.7 pp) under an overfitting warning, next to tuning's C=100.
    const report = await run(
      { train: 'datasets/spam_assassin_600.csv', label: 'label', text: ['text'] },
      'tfidf(column=text, sublinear_tf=true) | logreg',
    );
    const validation = report.sections.validationCurve!.verdict!;
    expect(validation.verified).toBe(true);
    expect(Number(validation.bestValue)).toBeGreaterThan(1);
    // One measurement: the learning curve's probe and the validation curve name the same best value.
    expect(report.sections.learningCurve!.probe?.bestValue).toBe(validation.bestValue);
    expect(report.findings.map((f) => f.code)).not.toContain('overfitting');
    const moves = recommendedMoves(report, 'C', 1);
    expect(moves.length).toBeGreaterThan(0);
    expect(new Set(moves).size).toBe(1);
    for (const finding of report.findings) expect(finding.message).not.toMatch(/lowering C/);
  }, 240_000);
});

/** Two Gaussian classes 3 σ apart along two columns: a linear model is all the data supports. */
function linearCsv(dir: string, rows: number, seed: number): string {
  const rng = createRng(seed);
  const lines = ['a,b,y'];
  for (let i = 0; i < rows; i++) {
    const k = i % 2;
    lines.push(
      `${(rng.normal() + 1.5 * k).toFixed(3)},${(rng.normal() + 1.5 * k).toFixed(3)},${k ? 'yes' : 'no'}`,
    );
  }
  const path = join(dir, 'linear.csv');
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

describe('underfitting is measured against a more flexible model on the same folds (issue 14)', () => {
  it('reads a too-regularized linear model on XOR-like data as high bias and recommends the measured fix', async () => {
    const path = xorCsv(tempDir('md-xor-'), 900, 5);
    const report = await run({ train: path, label: 'y' }, 'scale | logreg(C=0.01)');
    const finding = report.findings.find((f) => f.code === 'underfitting')!;
    expect(finding).toBeDefined();
    expect(finding.level).toBe('warn');
    expect(finding.impact?.verified).toBe(true);
    expect(finding.impact!.ciLow).toBeGreaterThan(0);
    expect(finding.suggestion).toMatch(/^use hgb\(random_state=0\)/);
    const section = report.sections.learningCurve!;
    expect(section.verdict.diagnosis).toBe('high-bias');
    expect(report.findings.map((f) => f.code)).not.toContain('overfitting');
    // Whatever it says about C points the same way as the validation curve and the search.
    expect(new Set(recommendedMoves(report, 'C', 0.01)).size).toBeLessThanOrEqual(1);
  }, 240_000);

  it('raises neither over- nor underfitting for a linear model on linearly separable classes', async () => {
    const path = linearCsv(tempDir('md-linear-'), 600, 9);
    const report = await run({ train: path, label: 'y' }, 'scale | logreg');
    const codes = report.findings.map((f) => f.code);
    expect(codes).not.toContain('underfitting');
    expect(codes).not.toContain('overfitting');
  }, 240_000);
});
