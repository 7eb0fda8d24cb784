import { describe, expect, it } from 'vitest';
import { analyseErrors } from '../../src/analysis/index.js';
import { buildModel, parseModelSpec } from '../../src/catalog/index.js';
import { runConfigSchema, runWorkflow } from '../../src/workflow/index.js';
import { prepareData } from '../../src/workflow/prepare-data.js';
import { writeBlobs } from '../helpers/blobs-csv.js';

describe("run's error analysis", () => {
  it("reuses the comparison's out-of-fold predictions and finds what a cross-validation of its own finds", async () => {
    const config = runConfigSchema.parse({
      data: { train: writeBlobs(3000), label: 'y' },
      models: ['scale | logreg', 'gnb'],
      steps: {
        validate: false,
        baseline: { race: false },
        learning_curve: false,
        validation_curve: false,
        search: false,
        regularization: false,
        selection: false,
        ensemble: false,
        final_test: false,
      },
    });
    const report = await runWorkflow(config);
    const section = report.sections.errorAnalysis;
    expect(section?.protocol).toMatch(/\(the model comparison's, reused\)$/);
    // The same folds (cv, shuffled, seed) and the same deterministic fits: the analysis the step makes from
    // scratch on the training rows is the one it made from the comparison's outputs.
    const { train } = await prepareData(config);
    const own = await analyseErrors(buildModel(parseModelSpec(section?.model ?? '')), train, {
      folds: config.cv,
      shuffle: true,
      seed: config.seed,
    });
    expect(section?.rows).toBe(train.features.rows);
    expect(section?.errorRate).toBe(own.errorRate);
    expect(section?.confusionPairs).toEqual(own.confusionPairs.slice(0, 10).map((pair) => ({ ...pair })));
    expect(section?.weakSlices.map((slice) => slice.support)).toEqual(
      own.weakSlices.slice(0, 10).map((slice) => slice.support),
    );
  }, 120_000);
});
