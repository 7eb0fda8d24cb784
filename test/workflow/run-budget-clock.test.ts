import { describe, expect, it } from 'vitest';
import { runConfigSchema, runWorkflow, type WorkflowProgress } from '../../src/workflow/index.js';
import { writeBlobs } from '../helpers/blobs-csv.js';

/**
 * A simulated clock on which every fit a step reports takes exactly one second, so what a budget cuts
 * follows from the cost model's arithmetic alone, whatever the machine's speed or load.
 */
function oneSecondPerFit(): { now: () => number; progress: WorkflowProgress } {
  let milliseconds = 0;
  let fitsSeen = 0;
  return {
    now: () => milliseconds,
    progress: {
      stepStarted: () => {
        fitsSeen = 0;
      },
      fits: (done) => {
        if (done > fitsSeen) milliseconds += (done - fitsSeen) * 1000;
        fitsSeen = Math.max(fitsSeen, done);
      },
      stepDone: () => {},
    },
  };
}

describe('run with a time budget on a simulated clock', () => {
  it('cuts the race, samples the steps that can sample and skips the others whose estimate overruns', async () => {
    const clock = oneSecondPerFit();
    const report = await runWorkflow(
      runConfigSchema.parse({
        data: { train: writeBlobs(30_000), label: 'y' },
        budget: 100,
        models: ['scale | logreg'],
        // Whole folds in the comparison, so that its last rung is all 19,200 rows of a fold.
        steps: { validate: false, baseline: { max_fold_rows: 0 } },
      }),
      clock,
    );
    // 24,000 training rows, 5 folds of 19,200: rungs of 1,200, 4,800 and 19,200 rows. The first rung is
    // 5 fits = 5 s; alone in the race, the model would go straight to 19,200 rows, 16 × that = 80 s, past
    // the comparison's deadline of 40 % of 100 s: the race ends on 1,200 rows per fold.
    const race = report.sections.modelComparison?.race;
    expect(race?.rungs).toEqual([1200, 4800, 19200]);
    expect(race?.cut?.rows).toBe(1200);
    expect(report.timings.baseline).toBe(5);
    // A fit is estimated at 1 s × rows / 1,200: 13.3 s on a fold of the 20,000-row tuning sample. The
    // optional steps must end by 90 s (85 s left): the learning curve (13.75 fits), the validation curve
    // (30), the path (15) and RFECV (50) overrun and are skipped. The search (10 candidates × 5 folds on
    // folds of 4,000 of its 5,000 rows: 167 s) samples instead: 5,000 × 85 / 167 = 2,550 rows.
    const cuts = report.budget?.cuts ?? [];
    const cutOf = (step: string) => cuts.find((cut) => cut.step === step)?.what ?? '';
    expect(cutOf('baseline')).toMatch(/^models scored on 1200 of 19200 training rows per fold/);
    const searchRows = Number(/^ran on a stratified sample of (\d+) rows/.exec(cutOf('search'))?.[1]);
    expect(searchRows).toBeGreaterThanOrEqual(2549);
    expect(searchRows).toBeLessThanOrEqual(2550);
    expect(report.sections.search?.rows).toBe(searchRows);
    // Its 50 fits leave 35 s: the ensemble (5 fits, 67 s) is skipped; the error analysis (a race cut short
    // leaves no out-of-fold outputs to reuse: 5 fits on 20,000 rows, 67 s) samples 20,000 × 35 / 67 rows.
    expect(report.timings.search).toBe(50);
    const skippedSteps = ['learning_curve', 'validation_curve', 'regularization', 'selection', 'ensemble'];
    expect(cuts.map((cut) => cut.step)).toEqual([
      'baseline',
      'learning_curve',
      'validation_curve',
      'search',
      'regularization',
      'selection',
      'ensemble',
      'error_analysis',
    ]);
    for (const step of skippedSteps) {
      expect(report.skipped).toContainEqual({
        step,
        reason: expect.stringMatching(/^budget: it would take about \d+ s/),
      });
    }
    const errorRows = Number(/^ran on a stratified sample of (\d+) rows/.exec(cutOf('error_analysis'))?.[1]);
    expect(errorRows).toBeGreaterThanOrEqual(10_499);
    expect(errorRows).toBeLessThanOrEqual(10_500);
    expect(report.sections.errorAnalysis?.rows).toBe(errorRows);
    expect(report.sections.finalTest).toBeDefined();
  }, 120_000);
});
