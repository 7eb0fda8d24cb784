import { z } from 'zod';
import { parseDuration } from './budget/run-budget.js';

/** A step is on (`true` or its options), or off (`false`). */
function step<T extends z.ZodRawShape>(shape: T) {
  return z.union([z.boolean(), z.strictObject(shape)]).default(true);
}

const metricName = z.enum(['accuracy', 'balanced_accuracy', 'f1_macro', 'f1_weighted']);

/**
 * The final test's higher-is-better metrics a CI gate can take, with the range each can reach: a
 * threshold outside it could never pass (or never fail), so it is refused when the config is read.
 */
export const GATE_METRIC_RANGES: ReadonlyMap<string, readonly [number, number]> = new Map([
  ['accuracy', [0, 1]],
  ['balanced_accuracy', [0, 1]],
  ['precision_macro', [0, 1]],
  ['recall_macro', [0, 1]],
  ['f1_macro', [0, 1]],
  ['precision_weighted', [0, 1]],
  ['recall_weighted', [0, 1]],
  ['f1_weighted', [0, 1]],
  ['f1_micro', [0, 1]],
  ['roc_auc', [0, 1]],
  ['cohen_kappa', [-1, 1]],
  ['mcc', [-1, 1]],
]);

const gateThresholds = z.record(z.string(), z.number()).superRefine((thresholds, context) => {
  for (const [metric, minimum] of Object.entries(thresholds)) {
    const range = GATE_METRIC_RANGES.get(metric);
    if (!range) {
      context.addIssue({
        code: 'custom',
        path: [metric],
        message: `unknown metric "${metric}": a gate takes one of ${[...GATE_METRIC_RANGES.keys()].join(', ')}`,
      });
    } else if (minimum < range[0] || minimum > range[1]) {
      context.addIssue({
        code: 'custom',
        path: [metric],
        message: `${minimum} is outside [${range[0]}, ${range[1]}], the values ${metric} can take`,
      });
    }
  }
});

/** Bootstrap resamples: beyond 100,000 the interval no longer moves and the time and memory grow. */
const bootstrapCount = z
  .number()
  .int()
  .min(1)
  .max(100_000, 'at most 100,000: the 95 % interval is stable long before (1,000 is the default)')
  .default(1000);

/**
 * The `modeldebug run` config, YAML or JSON: the data, the models to compare, the steps with their
 * options and the CI thresholds. Every key but the data has a default, and the defaults run every step.
 */
export const runConfigSchema = z.strictObject({
  data: z
    .strictObject({
      /** A data file (relative paths are read from the config's folder) … */
      train: z.string().min(1).optional(),
      /** … or a bundled example. */
      example: z.string().min(1).optional(),
      label: z.string().min(1).optional(),
      /** A separate labelled test file; without it `test_size` of the rows are held out. */
      test: z.string().min(1).optional(),
      test_size: z.number().gt(0).lt(1).default(0.2),
      /** Keep only these feature columns. */
      features: z.array(z.string()).optional(),
      drop: z.array(z.string()).default([]),
      text: z.array(z.string()).default([]),
    })
    .refine((data) => (data.train === undefined) !== (data.example === undefined), {
      message: 'give either data.train (a file) or data.example (a bundled dataset), not both',
    })
    .refine((data) => data.example !== undefined || data.label !== undefined, {
      message: 'data.label is required with data.train: name the column that holds the class',
    }),
  /** Model specs in the pipeline grammar (`scale | logreg(C=0.1)`, `llm(model=…)`); default: chosen from the data. */
  models: z.array(z.string().min(1)).min(1).optional(),
  /** The metric that picks the best model (cross-validated on the training rows). */
  metric: metricName.default('f1_weighted'),
  cv: z.number().int().min(2).max(1000, 'at most 1,000 folds: more only repeats the fits').default(5),
  seed: z
    .number()
    .int()
    .min(0)
    .max(2 ** 32 - 1, 'a seed is a 32-bit unsigned integer')
    .default(0),
  /** Worker threads for curves and the search; 1 runs in-process. */
  jobs: z
    .number()
    .int()
    .min(1)
    .max(
      256,
      'at most 256 threads: each holds a copy of the data, and more threads than cores only add memory',
    )
    .default(1),
  /**
   * Curves, search, the regularization path and feature selection run on at most this many training rows
   * (a stratified sample), so the diagnosis of a big file stays minutes long; 0 = all rows.
   */
  max_rows: z.number().int().min(0).default(20000),
  /**
   * The learning and validation curves of `run` (not the `curve` command) fit on a stratified sample of
   * each fold's training rows on big data: `auto` caps a fit at about 100,000 cells (rows × columns),
   * a number caps its rows, `all` fits every tuning row. The report says when the curves were sampled.
   */
  curves: z
    .strictObject({
      sample_rows: z
        .union([z.literal('auto'), z.literal('all'), z.number().int().min(100)])
        .default('auto')
        .describe(
          "training rows per fold the curves' fits take: auto (about 100,000 cells per fit), all, or a row count (>= 100)",
        ),
    })
    .default({ sample_rows: 'auto' }),
  /**
   * The run's time budget in seconds (or a duration: `90s`, `10m`, `1h`): the comparison races on fewer
   * rows and the optional steps that would overrun are skipped; the report lists what was cut.
   */
  budget: z
    .union([
      z.number().positive(),
      z.string().transform((text, context) => {
        const seconds = parseDuration(text);
        if (seconds === undefined) {
          context.addIssue({
            code: 'custom',
            message: `"${text}" is not a duration: write e.g. 90s, 10m or 1h`,
          });
          return z.NEVER;
        }
        return seconds;
      }),
    ])
    .optional(),
  steps: z
    .strictObject({
      validate: step({}),
      /** Train/test drift (per-feature tests and a domain classifier); only with a separate test file. */
      drift: step({}),
      /**
       * The model comparison; `race: false` cross-validates every model on the full folds instead of
       * racing them (a model clearly behind on a subsample stops there); no rung of the race trains on
       * fewer than `race_min_rows` rows per fold, so a small file gets the plain comparison.
       */
      baseline: step({
        race: z.boolean().default(true),
        race_min_rows: z.number().int().min(10).default(1000),
        max_fold_rows: z
          .number()
          .int()
          .min(0)
          .default(16000)
          .describe(
            "no model trains on more than this many of a fold's training rows (a seeded sample of them; 0 = all): the fits are tested on every row of the fold's test part, so each training row still gets an out-of-fold prediction",
          ),
      }),
      /** LLM models only: their cost–accuracy front (× few-shot k × maj@k), raced on the training rows. */
      llm_front: step({
        shots: z.array(z.number().int().min(0).max(100)).min(1).optional(),
        maj: z.array(z.number().int().min(1).max(64)).min(1).default([1]),
        max_cost: z.number().positive().optional(),
        first_rung: z.number().int().positive().optional(),
        /** What an arm must be beaten on: accuracy and any of cost, latency (default accuracy, cost). */
        objectives: z
          .array(z.enum(['accuracy', 'cost', 'latency']))
          .min(1)
          .optional(),
      }),
      learning_curve: step({ train_sizes: z.array(z.number().positive()).min(2).optional() }),
      /** Per-epoch training and validation loss of a gradient-trained best model (mlp, sgd); others skip it. */
      epoch_curve: step({}),
      validation_curve: step({
        param: z.string().min(1).optional(),
        values: z
          .array(z.union([z.number(), z.string(), z.boolean(), z.null()]))
          .min(2)
          .optional(),
      }),
      search: step({
        strategy: z.enum(['grid', 'random', 'halving', 'tpe']).default('grid'),
        grid: z.array(z.string()).optional(),
        space: z.array(z.string()).optional(),
        trials: z.number().int().positive().max(1_000_000, 'at most 1,000,000 trials').optional(),
        max_rows: z
          .number()
          .int()
          .min(0)
          .default(5000)
          .describe(
            'the candidates are cross-validated on a stratified sample of this many training rows (0 = the whole tuning sample); the winner is refitted on all rows by the final test',
          ),
      }),
      regularization: step({
        penalty: z.enum(['l1', 'l2', 'elasticnet']).default('l1'),
        l1_ratio: z.number().min(0).max(1).default(0.5),
        cs: z.number().int().min(2).max(1000, 'at most 1,000 values of C along the path').default(12),
      }),
      selection: step({
        rfecv: z.boolean().default(true),
        importance_repeats: z.number().int().min(1).max(10_000, 'at most 10,000 repeats').default(5),
      }),
      ensemble: step({
        voting: z.enum(['hard', 'soft']).default('soft'),
        stack: z.boolean().default(true),
      }),
      /** Label-token scoring, contextual calibration and a per-class bias for an LLM model; others skip it. */
      llm_calibration: step({}),
      /**
       * The tuned model's robustness on at most `max_rows` training rows: an LLM's format and label-list
       * variants and `samples` answers per row (at temperature > 0); text perturbations for any model.
       */
      llm_robustness: step({
        max_rows: z.number().int().min(4).max(100_000).default(200),
        samples: z.number().int().min(1).max(64).default(3),
        families: z
          .array(z.enum(['format', 'labels', 'input']))
          .min(1)
          .optional(),
      }),
      error_analysis: step({
        n_boot: bootstrapCount,
        max_rows: z
          .number()
          .int()
          .min(0)
          .default(20000)
          .describe(
            "when the comparison's out-of-fold predictions of the model cannot be reused (tuning changed it), it is cross-validated on a stratified sample of this many training rows (0 = all)",
          ),
      }),
      final_test: step({ n_boot: bootstrapCount }),
    })
    .default({
      validate: true,
      drift: true,
      baseline: true,
      llm_front: true,
      learning_curve: true,
      epoch_curve: true,
      validation_curve: true,
      search: true,
      regularization: true,
      selection: true,
      ensemble: true,
      llm_calibration: true,
      llm_robustness: true,
      error_analysis: true,
      final_test: true,
    }),
  /** CI gate: `metric: minimum` on the final evaluation of the best model. */
  thresholds: gateThresholds.default({}),
});

export type RunConfigInput = z.input<typeof runConfigSchema>;
export type RunConfig = z.output<typeof runConfigSchema>;
export type StepName = keyof RunConfig['steps'];

/** A step's options with its defaults filled in, or undefined when the step is off. */
export function stepOptions<K extends StepName>(
  config: RunConfig,
  name: K,
): Exclude<RunConfig['steps'][K], boolean> | undefined {
  const value = config.steps[name];
  if (value === false) return undefined;
  if (value === true) {
    const schema = runConfigSchema.shape.steps.unwrap().shape[name];
    return schema.parse({}) as Exclude<RunConfig['steps'][K], boolean>;
  }
  return value as Exclude<RunConfig['steps'][K], boolean>;
}
