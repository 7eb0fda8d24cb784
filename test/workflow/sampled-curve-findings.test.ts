import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/core/rng.js';
import { renderReportHtml } from '../../src/report/index.js';
import {
  type RunConfigInput,
  type RunReport,
  runConfigSchema,
  runWorkflow,
} from '../../src/workflow/index.js';
import { useTempDir } from '../helpers/use-temp-dir.js';

const tempDir = useTempDir();

const CURVES_ONLY = {
  validate: false,
  learning_curve: {},
  epoch_curve: false,
  validation_curve: {},
  search: false,
  regularization: false,
  selection: false,
  ensemble: false,
  error_analysis: false,
  final_test: false,
};

function run(train: string, model: string, extra: Partial<RunConfigInput> = {}): Promise<RunReport> {
  return runWorkflow(
    runConfigSchema.parse({
      data: { train, label: 'y', test_size: 0.2 },
      models: [model],
      steps: CURVES_ONLY,
      cv: 5,
      jobs: 1,
      ...extra,
    }),
  );
}

function writeCsv(path: string, header: readonly string[], rows: readonly string[]): string {
  writeFileSync(path, `${[header.join(','), ...rows].join('\n')}\n`);
  return path;
}

describe('sampled curves still find the planted fit problems on big files', () => {
  it('an unpruned tree on 25,000 rows of 40 weak features: overfitting, on a 2,500-row sample per fold', async () => {
    const rng = createRng(3);
    const width = 40;
    const rows = Array.from({ length: 25_000 }, (_, i) => {
      const y = i % 2;
      const cells = Array.from({ length: width }, (_, k) =>
        (rng.normal() + (k < 3 ? 0.6 * y : 0)).toFixed(3),
      );
      return [...cells, y ? 'yes' : 'no'].join(',');
    });
    const header = [...Array.from({ length: width }, (_, k) => `f${k}`), 'y'];
    const path = writeCsv(join(tempDir('md-overfit-'), 'wide.csv'), header, rows);
    const report = await run(path, 'tree(random_state=0)');
    const section = report.sections.learningCurve!;
    // 20,000 training rows, 16,000 per fold; 100,000 cells of 40 columns are 2,500 rows.
    expect(section.sample).toEqual({ trainRows: 2500, of: 16_000, reason: expect.any(String) });
    expect(section.sample?.reason).toMatch(/stratified sample of 2500 of each fold's 16000 training rows/);
    expect(section.verdict.diagnosis).toBe('high-variance');
    const overfitting = report.findings.find((finding) => finding.code === 'overfitting');
    expect(overfitting).toBeDefined();
    expect(report.findings.map((f) => f.code)).not.toContain('underfitting');
    // The validation curve read the same sweep, so it is on the same sample and says so.
    expect(report.sections.validationCurve?.sample).toEqual(section.sample);
    const page = await renderReportHtml(report);
    expect(page).toContain('Sampled: the fits take a stratified sample of 2500 of each fold');
  }, 300_000);

  it('a too-regularized linear model on 30,000 XOR rows: underfitting against the reference, on 2,000 rows a fold', async () => {
    const rng = createRng(5);
    const rows = Array.from({ length: 30_000 }, () => {
      const a = rng.normal();
      const b = rng.normal();
      const y = a * b > 0 === rng.next() < 0.9 ? 'yes' : 'no';
      return `${a.toFixed(3)},${b.toFixed(3)},${y}`;
    });
    const path = writeCsv(join(tempDir('md-xor-big-'), 'xor.csv'), ['a', 'b', 'y'], rows);
    const report = await run(path, 'scale | logreg(C=0.01)', { curves: { sample_rows: 2000 } });
    const section = report.sections.learningCurve!;
    expect(section.sample).toMatchObject({ trainRows: 2000, of: 16_000 });
    expect(section.sample?.reason).toMatch(/curves\.sample_rows: 2000/);
    expect(section.trainSizes[section.trainSizes.length - 1]).toBe(2000);
    expect(section.verdict.diagnosis).toBe('high-bias');
    const finding = report.findings.find((f) => f.code === 'underfitting');
    expect(finding?.suggestion).toMatch(/^use hgb\(random_state=0\)/);
    expect(finding?.impact?.verified).toBe(true);
    expect(finding?.impact?.ciLow).toBeGreaterThan(0);
    expect(report.findings.map((f) => f.code)).not.toContain('overfitting');
  }, 300_000);
});
