import { z } from 'zod';

/** A step is on (`true` or its options), or off (`false`). */
function step<T extends z.ZodRawShape>(shape: T) {
  return z.union([z.boolean(), z.strictObject(shape)]).default(true);
}

const metricName = z.enum(['accuracy', 'balanced_accuracy', 'f1_macro', 'f1_weighted']);

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
  cv: z.number().int().min(2).default(5),
  seed: z.number().int().min(0).default(0),
  /** Worker threads for curves and the search; 1 runs in-process. */
  jobs: z.number().int().min(1).default(1),
  /**
   * Curves, search, the regularization path and feature selection run on at most this many training rows
   * (a stratified sample), so the diagnosis of a big file stays minutes long; 0 = all rows.
   */
  max_rows: z.number().int().min(0).default(20000),
  steps: z
    .strictObject({
      validate: step({}),
      /** Train/test drift (per-feature tests and a domain classifier); only with a separate test file. */
      drift: step({}),
      baseline: step({}),
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
        trials: z.number().int().positive().optional(),
      }),
      regularization: step({
        penalty: z.enum(['l1', 'l2', 'elasticnet']).default('l1'),
        l1_ratio: z.number().min(0).max(1).default(0.5),
        cs: z.number().int().min(2).default(12),
      }),
      selection: step({
        rfecv: z.boolean().default(true),
        importance_repeats: z.number().int().min(1).default(5),
      }),
      ensemble: step({
        voting: z.enum(['hard', 'soft']).default('soft'),
        stack: z.boolean().default(true),
      }),
      error_analysis: step({ n_boot: z.number().int().min(1).default(1000) }),
      final_test: step({ n_boot: z.number().int().min(1).default(1000) }),
    })
    .default({
      validate: true,
      drift: true,
      baseline: true,
      learning_curve: true,
      epoch_curve: true,
      validation_curve: true,
      search: true,
      regularization: true,
      selection: true,
      ensemble: true,
      error_analysis: true,
      final_test: true,
    }),
  /** CI gate: `metric: minimum` on the final evaluation of the best model. */
  thresholds: z.record(z.string(), z.number()).default({}),
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
