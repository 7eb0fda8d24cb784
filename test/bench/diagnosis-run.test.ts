import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type DiagnosisCase, defectCodes, plantedCases } from '../../bench/diagnosis/plant-defects.js';
import { type CaseScore, scoreCase, summarise } from '../../bench/diagnosis/score-diagnosis.js';
import { runConfigSchema, runWorkflow } from '../../src/workflow/index.js';

/**
 * The fast version of `npm run bench -- diagnosis`: small generated files, the defects the data checks,
 * the error analysis and the drift step must find, one quick model and only the steps that find them.
 */
const FAST_CASES = [
  'clean',
  'clean-with-test',
  'label-noise',
  'duplicates',
  'leak',
  'id-column',
  'date-column',
  'number-format',
  'train-test-overlap',
  'missing-spellings',
  'drift',
  'constant-column',
];
const cases = plantedCases({ rows: 200, seed: 11 });
const codes = defectCodes(cases);
const dir = mkdtempSync(join(tmpdir(), 'md-diagnosis-'));

async function runFast(diagnosisCase: DiagnosisCase): Promise<CaseScore> {
  const train = join(dir, `${diagnosisCase.name}.csv`);
  writeFileSync(train, diagnosisCase.data);
  let test: string | undefined;
  if (diagnosisCase.test !== undefined) {
    test = join(dir, `${diagnosisCase.name}-test.csv`);
    writeFileSync(test, diagnosisCase.test);
  }
  const report = await runWorkflow(
    runConfigSchema.parse({
      data: { train, label: diagnosisCase.label, ...(test ? { test } : {}) },
      models: ['impute(strategy=median, categorical_strategy=most_frequent) | onehot | scale | logreg'],
      steps: {
        validate: true,
        drift: true,
        baseline: true,
        error_analysis: { n_boot: 50 },
        final_test: { n_boot: 50 },
      },
    }),
  );
  return scoreCase(diagnosisCase, report.findings, codes);
}

describe('the diagnosis benchmark, fast', () => {
  const scores: CaseScore[] = [];
  for (const name of FAST_CASES) {
    it(`${name}: finds what was planted, and nothing on a control`, async () => {
      const score = await runFast(cases.find((c) => c.name === name)!);
      scores.push(score);
      expect(score.falseAlarms).toEqual([]);
      for (const defect of score.defects)
        expect(defect, `${defect.code} in ${name}`).toMatchObject({ found: true });
    });
  }

  it('names the planted label errors and duplicates as the goals ask', () => {
    const summary = summarise(scores);
    expect(summary.labelErrorRows?.precision).toBeGreaterThanOrEqual(0.6);
    expect(summary.labelErrorRows?.recall).toBeGreaterThanOrEqual(0.6);
    expect(summary.duplicateRowsExact).toBe(true);
  });
});
