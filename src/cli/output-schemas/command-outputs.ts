import { z } from 'zod';
import { byName, findingSchema, head, intervalSchema, modelSchema, num, warningSchema } from './common.js';

const averaged = z.object({ micro: num, macro: num, weighted: num });
const reportRow = z.object({ precision: num, recall: num, f1Score: num, support: z.number() });

export const evalOutputSchema = z
  .object({
    ...head('eval', 2),
    dataset: z.object({
      source: z.string(),
      rows: z.number(),
      features: z.number(),
      classes: z.array(z.string()),
      classCounts: z.array(z.number()),
    }),
    model: modelSchema,
    protocol: z.object({ kind: z.string(), description: z.string() }),
    trainRows: z.number(),
    testRows: z.number(),
    metrics: z.object({
      accuracy: num,
      balancedAccuracy: num,
      precision: averaged,
      recall: averaged,
      f1: averaged,
      cohenKappa: num,
      mcc: num,
      logLoss: num,
      rocAuc: z.union([z.object({ binary: num }), z.object({ ovrMacro: num, ovrWeighted: num })]),
      brier: num,
    }),
    classificationReport: z.object({
      classes: z.array(reportRow.extend({ label: z.string() })),
      accuracy: num.optional(),
      microAvg: reportRow.optional(),
      macroAvg: reportRow,
      weightedAvg: reportRow,
    }),
    confusionMatrix: z.object({
      labels: z.array(z.string()),
      predictedLabels: z.array(z.string()).optional(),
      matrix: z.array(z.array(z.number())),
      normalizedByRow: z.array(z.array(num)),
    }),
    crossValidation: z
      .object({
        scoring: z.array(z.string()),
        folds: z.array(z.looseObject({ fold: z.number(), fitSeconds: z.number() })),
        mean: byName,
        std: byName,
      })
      .nullable(),
    fit: z.object({ iterations: num, converged: z.boolean().nullable() }).nullable(),
    llmOutcomes: z.looseObject({ accuracy: num }).optional(),
    llmRun: z.looseObject({ runId: z.string(), calls: z.number(), cacheHits: z.number() }).optional(),
    warnings: z.array(warningSchema),
    undefinedMetrics: z.array(z.string()),
  })
  .describe('modeldebug eval --json');

export const validateOutputSchema = z
  .looseObject({
    ...head('validate', 2),
    source: z.string(),
    testSource: z.string().nullable().optional(),
    rows: z.number(),
    testRows: z.number().nullable().optional(),
    label: z.string().nullable().optional(),
    columns: z.array(z.looseObject({ name: z.string() })),
    summary: z.looseObject({}),
    findings: z
      .array(z.looseObject({ check: z.string(), status: z.string() }))
      .describe('one result per data check: check, status, severity, message, evidence'),
    skipped: z.array(z.unknown()),
    thresholds: z.looseObject({}),
    seconds: z.number(),
    timings: z.record(z.string(), z.number()),
  })
  .describe('modeldebug validate --json');

export const errorsOutputSchema = z
  .looseObject({
    ...head('errors', 2),
    model: modelSchema,
    errorCount: z.number(),
    errorRate: num,
    findings: z.array(findingSchema),
    bootstrap: z.object({
      confidence: z.number(),
      nBoot: z.number(),
      seed: z.number(),
      accuracy: intervalSchema,
      f1Macro: intervalSchema,
      f1Weighted: intervalSchema,
    }),
    misclassified: z.array(
      z.object({
        rowIndex: z.number(),
        trueLabel: z.string(),
        predicted: z.string(),
        confidence: num,
        trueLabelProbability: num,
      }),
    ),
    confusionPairs: z.array(
      z.object({ trueLabel: z.string(), predicted: z.string(), count: z.number(), shareOfErrors: num }),
    ),
    weakSlices: z.looseObject({
      tested: z.number(),
      significant: z.number(),
      slices: z.array(z.looseObject({})),
    }),
    suspectedLabelErrors: z.looseObject({ rows: z.array(z.looseObject({ rowIndex: z.number() })) }),
    textClusters: z.array(z.looseObject({ column: z.string(), size: z.number() })),
    calibration: z.looseObject({ kind: z.string(), nBins: z.number(), ece: num, mce: num }),
    warnings: z.array(z.unknown()),
  })
  .describe('modeldebug errors --json');

const scored = z.object({
  name: z.string(),
  accuracyMean: num,
  accuracyStd: num,
  foldAccuracies: z.array(num),
});

export const ensembleOutputSchema = z
  .object({
    ...head('ensemble', 2),
    dataset: z.object({ source: z.string(), label: z.string(), rows: z.number() }),
    cv: z.object({ kind: z.string(), folds: z.number() }),
    members: z.array(scored.extend({ spec: z.string() })),
    voting: scored,
    stacking: scored.nullable(),
    agreement: z.object({
      members: z.array(z.string()),
      pairwise: z.array(z.array(num)),
      oracleAccuracy: num,
      allWrong: num,
    }),
    findings: z.array(findingSchema),
    warnings: z.array(z.unknown()),
  })
  .describe('modeldebug ensemble --json');

export const searchOutputSchema = z
  .looseObject({
    ...head('search', 2),
    runId: z.string().nullable(),
    store: z.string().nullable(),
    model: z.string(),
    strategy: z.string(),
    scoring: z.string(),
    nSplits: z.number(),
    jobs: z.number(),
    cvResults: z.looseObject({
      params: z.array(z.record(z.string(), z.unknown())),
      splitTestScores: z.array(z.array(num)),
      meanTestScore: z.array(num),
      stdTestScore: z.array(num),
      rankTestScore: z.array(num),
      status: z.array(z.enum(['ok', 'failed'])),
      error: z.array(z.string().nullable()),
    }),
    bestIndex: num,
    bestParams: z.record(z.string(), z.unknown()).nullable(),
    bestScore: num,
    refitSeconds: num,
    reusedTrials: z.number(),
    failedTrials: z.array(z.looseObject({ index: z.number(), error: z.string().optional() })),
  })
  .describe('modeldebug search --json');
