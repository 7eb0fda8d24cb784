import { z } from 'zod';
import { findingSchema, head, intervalSchema } from './common.js';

const method = z.enum(['as-configured', 'label-scores', 'contextual', 'bias']);

/** `modeldebug llm-calibrate --json`: each calibration method against the answers as configured. */
export const llmCalibrateOutputSchema = z
  .object({
    ...head('llm-calibrate', 1),
    dataset: z.object({ source: z.string(), rows: z.number() }),
    model: z.string(),
    folds: z.number(),
    basis: z.enum(['logprob', 'samples']).describe('label-token logprobs, or vote shares of sampled answers'),
    methods: z.array(
      z.object({
        method,
        accuracy: intervalSchema,
        ece: intervalSchema.describe('top-label ECE over the rows with a label, 10 uniform bins'),
        accuracyGain: intervalSchema.describe('paired gain over the answers as configured'),
        eceReduction: intervalSchema.describe('ECE as configured minus this ECE, paired'),
        changedRows: z.array(z.number()).describe('0-based data rows whose label differs from as configured'),
      }),
    ),
    skipped: z.array(z.object({ method, reason: z.string() })),
    contentFree: z.array(z.object({ label: z.string(), probability: z.number() })).nullable(),
    labelBias: z
      .array(z.object({ label: z.string(), bias: z.number() }))
      .nullable()
      .describe('the per-class bias fitted on every scored row: the value for the label_bias param'),
    findings: z.array(findingSchema),
    usage: z.looseObject({ calls: z.number(), cacheHits: z.number() }),
  })
  .describe('modeldebug llm-calibrate --json');
