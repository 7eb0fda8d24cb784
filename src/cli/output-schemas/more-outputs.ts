import { z } from 'zod';
import { byName, findingSchema, head, num } from './common.js';

/** Outputs whose inner shapes follow scikit-learn's results closely; their top-level fields are fixed. */
const loose = <const Name extends string>(name: Name, fields: z.ZodRawShape, description: string) =>
  z.looseObject({ ...head(name, 2), ...fields }).describe(description);

const curveColumns = {
  trainScores: z.array(z.array(num)),
  testScores: z.array(z.array(num)),
  trainScoresMean: z.array(num),
  testScoresMean: z.array(num),
  trainScoresStd: z.array(num),
  testScoresStd: z.array(num),
};
const curveHead = {
  dataset: z.looseObject({ source: z.string(), rows: z.number() }),
  model: z.string(),
  scoring: z.string(),
  nSplits: z.number(),
};

export const selectOutputSchema = loose(
  'select',
  {
    source: z.string(),
    label: z.string(),
    model: z.string(),
    method: z.enum(['rfe', 'rfecv', 'kbest']),
    selected: z.array(z.string()),
    ranking: z.array(z.object({ feature: z.string(), rank: z.number() })).optional(),
  },
  'modeldebug select --json',
);
export const importanceOutputSchema = loose(
  'importance',
  {
    source: z.string(),
    model: z.string(),
    trainRows: z.number(),
    testRows: z.number(),
    nRepeats: z.number(),
    scoring: z.string(),
    baselineScore: num,
    features: z.array(
      z.object({ name: z.string(), importanceMean: num, importanceStd: num, importances: z.array(num) }),
    ),
  },
  'modeldebug importance --json',
);
export const regpathOutputSchema = loose(
  'regpath',
  {
    model: z.string(),
    penalty: z.string(),
    scoring: z.string(),
    featureNames: z.array(z.string()),
    best: z.object({ C: z.number(), meanScore: num, nNonzero: z.number() }),
    oneStandardError: z.object({ C: z.number(), meanScore: num, nNonzero: z.number() }),
    path: z.array(z.looseObject({ C: z.number(), meanScore: num, nNonzero: z.number() })),
  },
  'modeldebug regpath --json',
);
export const curveOutputSchema = loose(
  'curve',
  { ...curveHead, ...curveColumns, trainSizesAbs: z.array(z.number()) },
  'modeldebug curve --json',
);
export const vcurveOutputSchema = loose(
  'vcurve',
  { ...curveHead, ...curveColumns, paramName: z.string(), paramRange: z.array(z.unknown()) },
  'modeldebug vcurve --json',
);
export const epochCurveOutputSchema = loose(
  'epoch-curve',
  {
    ...curveHead,
    epochs: z.array(
      z.object({ epoch: z.number(), trainLoss: num, validationLoss: num, validationScore: num }),
    ),
    bestEpoch: num,
  },
  'modeldebug curve --epochs --json',
);
export const llmCurveOutputSchema = loose(
  'llm-curve',
  { model: z.string(), folds: z.number(), fewShot: z.unknown(), majorityAtK: z.unknown() },
  'modeldebug curve --few-shot / --maj-at-k --json',
);
export const compareOutputSchema = loose(
  'compare',
  { model: z.string(), baseline: z.string(), llmAccuracy: num, baselineAccuracy: num, alpha: z.number() },
  'modeldebug compare --json',
);
export const ablateOutputSchema = loose(
  'ablate',
  { model: z.string(), template: z.string(), eliminationOrder: z.array(z.string()) },
  'modeldebug ablate --json',
);
export const robustOutputSchema = z
  .looseObject({
    ...head('robust', 1),
    dataset: curveHead.dataset,
    model: z.string(),
    folds: z.number(),
    spreads: z.array(z.looseObject({ family: z.string() })),
    flippedRows: z.array(z.looseObject({ row: z.number() })),
    findings: z.array(findingSchema),
  })
  .describe('modeldebug robust --json');
export const cleanOutputSchema = loose('clean', {}, 'modeldebug clean --json');

const runRecord = z.looseObject({
  id: z.string(),
  kind: z.string(),
  status: z.enum(['running', 'done', 'failed', 'interrupted']),
  config: z.record(z.string(), z.unknown()),
  createdAt: z.string(),
  updatedAt: z.string(),
  trialCount: z.number(),
});
export const runsOutputSchema = z
  .object({ ...head('runs', 2), runs: z.array(runRecord) })
  .describe('modeldebug runs --json');
export const runRecordOutputSchema = loose(
  'run-record',
  { id: z.string(), status: runRecord.shape.status, trials: z.array(z.looseObject({ index: z.number() })) },
  'modeldebug runs show ID --json',
);

/** report.json, and what `modeldebug run --json` prints. */
export const runReportSchema = z
  .looseObject({
    schema: z.literal('modeldebug.run'),
    version: z.literal(1),
    createdAt: z.string(),
    seconds: z.number(),
    config: z.record(z.string(), z.unknown()).describe("the run config as given (the config file's keys)"),
    summary: z.looseObject({
      dataset: z.string(),
      rows: z.number(),
      models: z.array(z.string()),
      bestModel: z.string(),
      metric: z.string(),
      bestScore: num,
      metrics: byName,
    }),
    findings: z.array(findingSchema),
    sections: z.record(z.string(), z.unknown()),
    thresholds: z.array(
      z.object({
        metric: z.string(),
        minimum: z.number(),
        value: num,
        passed: z.boolean(),
        reason: z.string(),
      }),
    ),
    skipped: z.array(z.object({ step: z.string(), reason: z.string() })),
    timings: z.record(z.string(), z.number()),
    budget: z
      .object({
        seconds: z.number(),
        cuts: z.array(z.object({ step: z.string(), what: z.string() })),
      })
      .optional()
      .describe('with run --budget: its seconds and what it cut (steps skipped, the race ended early)'),
    warnings: z.array(z.string()),
  })
  .describe('report.json of modeldebug run (and run --json)');
