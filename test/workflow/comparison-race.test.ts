import { describe, expect, it } from 'vitest';
import { runConfigSchema, runWorkflow } from '../../src/workflow/index.js';
import { raceRungs, raceStops } from '../../src/workflow/steps/comparison-race.js';
import { writeBlobs } from '../helpers/blobs-csv.js';
import { stepsOff } from '../helpers/steps-off.js';

describe('raceRungs', () => {
  it('divides the full rows by the factor while a rung keeps at least minRows, ending on all of them', () => {
    expect(raceRungs(26880, { factor: 4, minRows: 250, margin: 0 })).toEqual([420, 1680, 6720, 26880]);
    expect(raceRungs(1150, { factor: 4, minRows: 250, margin: 0 })).toEqual([287, 1150]);
    // A small file: one rung, the plain comparison.
    expect(raceRungs(96, { factor: 4, minRows: 250, margin: 0 })).toEqual([96]);
  });
});

describe('raceStops', () => {
  it('stops a model whose paired gap to the leader is above the margin across its whole interval', () => {
    const leader = { spec: 'a', folds: [0.9, 0.91, 0.89, 0.92, 0.9] };
    const farBehind = { spec: 'b', folds: [0.6, 0.62, 0.59, 0.61, 0.6] };
    // Behind on the mean but within fold noise of the leader: not clearly behind.
    const close = { spec: 'c', folds: [0.91, 0.88, 0.9, 0.9, 0.89] };
    const stops = raceStops([leader, farBehind, close], 0.01);
    expect(stops.map((stop) => stop.spec)).toEqual(['b']);
    expect(stops[0].leader).toBe('a');
    expect(stops[0].gap.mean).toBeCloseTo(0.3, 10);
    expect(stops[0].gap.low).toBeGreaterThan(0.01);
  });

  it('stops nobody when the gap is real but smaller than the margin', () => {
    const leader = { spec: 'a', folds: [0.9, 0.9, 0.9, 0.9, 0.9] };
    const slightly = { spec: 'b', folds: [0.895, 0.896, 0.895, 0.894, 0.895] };
    expect(raceStops([leader, slightly], 0.01)).toEqual([]);
    expect(raceStops([leader, slightly], 0).map((stop) => stop.spec)).toEqual(['b']);
  });
});

describe('the comparison as a race', () => {
  it('stops the most-frequent-class model before the last rung on planted blobs, and keeps logreg to the end', async () => {
    const train = writeBlobs(6000);
    const report = await runWorkflow(
      runConfigSchema.parse({
        data: { train, label: 'y' },
        models: ['scale | logreg', 'dummy'],
        steps: { ...stepsOff('baseline'), baseline: { race_min_rows: 250 } },
      }),
    );
    const section = report.sections.modelComparison;
    // 4,800 training rows, 3,840 per fold: rungs of 240 would be below 250, so 960 and 3,840.
    expect(section?.race?.rungs).toEqual([960, 3840]);
    expect(section?.race?.stopped.map((stop) => [stop.spec, stop.rung])).toEqual([['dummy', 0]]);
    expect(section?.race?.stopped[0].leader).toBe('scale | logreg');
    expect(section?.models.map((model) => model.spec)).toEqual(['scale | logreg']);
    expect(section?.best).toBe('scale | logreg');
    expect(section?.race?.cut).toBeUndefined();
  }, 60_000);

  // The default models on every bundled set but digits, whose forest and boosting on 64 columns take
  // minutes twice over; there the fast default models race (digits is the one that races: 1,149 rows a fold).
  it.each([
    ['iris', undefined],
    ['wine', undefined],
    ['breast_cancer', undefined],
    ['digits', ['scale | logreg', 'gnb', 'scale | knn', 'tree(random_state=0)']],
  ])(
    'picks the same winner as the full comparison on %s',
    async (example, models) => {
      const run = (race: boolean) =>
        runWorkflow(
          runConfigSchema.parse({
            data: { example },
            ...(models ? { models } : {}),
            // Rungs from 250 rows, so that digits races (the default, 1,000, gives every bundled set one rung).
            steps: { ...stepsOff('baseline'), baseline: { race, race_min_rows: 250 } },
          }),
        );
      const raced = await run(true);
      const full = await run(false);
      expect(full.sections.modelComparison?.race?.rungs).toHaveLength(1);
      if (example === 'digits') expect(raced.sections.modelComparison?.race?.rungs).toEqual([287, 1149]);
      expect(raced.sections.modelComparison?.best).toBe(full.sections.modelComparison?.best);
    },
    120_000,
  );
});

describe('run with a time budget', () => {
  it('on 30,000 rows with a 1 s budget races on fewer rows, skips what would overrun and lists the cuts', async () => {
    const train = writeBlobs(30_000);
    // Far less than the steps take on this file at rest or under load, so that cuts must happen.
    const budget = 1;
    const report = await runWorkflow(
      runConfigSchema.parse({
        data: { train, label: 'y' },
        budget: `${budget}s`,
        models: ['scale | logreg', 'gnb', 'tree(random_state=0)'],
        steps: { validate: false },
      }),
    );
    expect(report.budget?.seconds).toBe(budget);
    const cuts = report.budget?.cuts ?? [];
    expect(cuts.length).toBeGreaterThan(0);
    // Every step the budget skipped is in the report's skipped list with the budget as its reason.
    for (const cut of cuts.filter((c) => c.what.startsWith('skipped'))) {
      expect(report.skipped).toContainEqual({ step: cut.step, reason: expect.stringMatching(/^budget: /) });
    }
    // The run's own accounting: an optional step runs only if it starts before 90 % of the budget is
    // gone, so the steps up to the last optional one add up to less than that plus the last one's time.
    const optional = Object.entries(report.timings).filter(
      ([step]) => !['load', 'validate', 'baseline', 'final_test'].includes(step),
    );
    let clock = (report.timings.load ?? 0) + (report.timings.baseline ?? 0);
    for (const [, seconds] of optional) {
      expect(clock).toBeLessThan(0.9 * budget);
      clock += seconds;
    }
    expect(report.sections.finalTest).toBeDefined();
  }, 120_000);
});

describe('the comparison on a file bigger than max_fold_rows', () => {
  it("trains on a sample of each fold's rows yet predicts every training row out of fold", async () => {
    const report = await runWorkflow(
      runConfigSchema.parse({
        data: { train: writeBlobs(30_000), label: 'y' },
        models: ['scale | logreg', 'gnb'],
        steps: stepsOff('baseline', 'error_analysis'),
      }),
    );
    // 24,000 training rows, folds of 19,200 capped at 16,000: rungs 16,000 / 4^k down to 1,000.
    expect(report.sections.modelComparison?.race?.rungs).toEqual([1000, 4000, 16000]);
    const errors = report.sections.errorAnalysis;
    expect(errors?.rows).toBe(24_000);
    expect(errors?.protocol).toMatch(/reused; each fit trained on 16000 of its fold's ~19200 training rows/);
  }, 120_000);
});
