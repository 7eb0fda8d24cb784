import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { plantedCases } from '../../bench/diagnosis/plant-defects.js';
import { type RunReport, runConfigSchema, runWorkflow, type StepName } from '../../src/workflow/index.js';
import { stepsOff } from '../helpers/steps-off.js';
import { useTempDir } from '../helpers/use-temp-dir.js';
import { xorCsvWithFlips } from '../helpers/xor-csv.js';

const tempDir = useTempDir();

function errorAnalysisOf(train: string, model: string, ...alsoOn: StepName[]): Promise<RunReport> {
  return runWorkflow(
    runConfigSchema.parse({
      data: { train, label: 'y', test_size: 0.2 },
      models: [model],
      steps: { ...stepsOff('baseline', 'error_analysis', ...alsoOn), error_analysis: { n_boot: 100 } },
      cv: 5,
      jobs: 1,
    }),
  );
}

describe('label errors are read only off a model that beats the baseline', () => {
  it('flags none on XOR-like data read by an underfit linear model (at chance: it disagrees with any label)', async () => {
    const { path } = xorCsvWithFlips(tempDir('md-xor-gate-'), 900, 5);
    const report = await errorAnalysisOf(path, 'scale | logreg(C=0.01)');
    const section = report.sections.errorAnalysis!;
    // The model really is at chance here: its error rate is that of a coin.
    expect(section.errorRate).toBeGreaterThan(0.4);
    expect(report.findings.map((f) => f.code)).not.toContain('label_errors');
    expect(section.suspectedLabelErrors).toEqual([]);
  }, 240_000);

  it('flags none off a linear model the search lifts just above chance, once the learning curve finds it underfit', async () => {
    // The diagnosis bench's underfitting case (its 1,200 rows): the search takes C from 0.01 to 10.
    const bench = plantedCases({}).find((planted) => planted.name === 'underfitting')!;
    const path = join(tempDir('md-xor-gate-'), 'underfitting.csv');
    writeFileSync(path, bench.data);
    const report = await errorAnalysisOf(path, 'scale | logreg(C=0.01)', 'learning_curve', 'search');
    const underfitting = report.findings.find((f) => f.code === 'underfitting');
    expect(underfitting?.impact?.verified).toBe(true);
    expect(report.findings.map((f) => f.code)).not.toContain('label_errors');
    expect(report.sections.errorAnalysis!.suspectedLabelErrors).toEqual([]);
  }, 240_000);

  it('still flags the planted flips on the same data read by a model that sees the XOR', async () => {
    const { path, flipped } = xorCsvWithFlips(tempDir('md-xor-gate-'), 900, 5);
    const report = await errorAnalysisOf(path, 'hgb(random_state=0)');
    const labelErrors = report.findings.find((f) => f.code === 'label_errors');
    expect(labelErrors).toBeDefined();
    // Rows of the file: the suspects are mostly the rows whose label was flipped.
    const planted = labelErrors!.rows.filter((row) => flipped.includes(row)).length;
    expect(planted / labelErrors!.rows.length).toBeGreaterThan(0.5);
    expect(labelErrors!.rows.length / 720).toBeLessThan(0.2);
  }, 240_000);
});
