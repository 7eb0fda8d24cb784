import { z } from 'zod';
import { findingSchema, head, num } from './common.js';

const gain = z.object({ mean: num, low: num, high: num }).nullable();

/** `modeldebug propose --json`. */
export const proposeOutputSchema = z
  .looseObject({
    ...head('propose', 1),
    dataset: z.looseObject({ source: z.string(), rows: z.number() }),
    model: z.string(),
    folds: z.number(),
    baseline: z.object({ accuracy: num, foldScores: z.array(num.nullable()) }),
    currentInstruction: z.string(),
    pairs: z.array(
      z.object({
        trueLabel: z.string(),
        answered: z.string().nullable(),
        count: z.number(),
        rows: z.array(z.number()),
      }),
    ),
    shownRows: z.array(z.number()),
    candidates: z.array(
      z.looseObject({
        kind: z.enum(['instruction', 'demos']),
        name: z.string(),
        patch: z.record(z.string(), z.unknown()),
        accuracy: num.nullable(),
        foldScores: z.array(num.nullable()),
        gain,
        verified: z.boolean(),
      }),
    ),
    kept: z.looseObject({ name: z.string() }).nullable(),
    keptParams: z.record(z.string(), z.unknown()).nullable(),
    findings: z.array(findingSchema),
    keptModel: z.string().nullable(),
    instructionFile: z.string().nullable(),
  })
  .describe('modeldebug propose --json');
