import { z } from 'zod';
import { findingCodeSchema, findingRecordSchema } from '../../core/finding-record.js';

/** A number that JSON may carry as null (NaN, an undefined metric, a failed fit). */
export const num = z.number().nullable();

/** `schema` and `version` head every document: `modeldebug.<output>` and the shape's version. */
export function head<const Name extends string, const Version extends number>(name: Name, version: Version) {
  return { schema: z.literal(`modeldebug.${name}`), version: z.literal(version) };
}

/**
 * A finding as outputs carry it: the findings contract (src/core/finding-record.ts) — code, level,
 * message, suggestion, columns, rows, testRows, impact — with the fields not every producer fills yet
 * optional, and room for a producer's own (a report section, a check id).
 */
export const findingSchema = findingRecordSchema
  .partial({ columns: true, rows: true, suggestion: true })
  // Older producers (ensemble, errors) still use codes and levels of their own until they move to the
  // contract's; the contract's values are listed first.
  .extend({
    code: findingCodeSchema.or(z.string()).optional(),
    level: findingRecordSchema.shape.level.or(z.string()).optional(),
  })
  .loose()
  .describe(
    'A finding (src/core/finding-record.ts): code, level, message, suggestion, columns, rows, impact',
  );

export const warningSchema = z.looseObject({ code: z.string().optional(), message: z.string() });

export const modelSchema = z.object({
  spec: z.string().describe('the model spec, e.g. "scale | logreg(C=0.1)"'),
  steps: z.array(z.object({ name: z.string(), params: z.record(z.string(), z.unknown()) })),
});

export const intervalSchema = z.object({ estimate: num, low: num, high: num });

/** Keys of maps keyed by metric or param names stay as the user types them (`f1_weighted`, `C`). */
export const byName = z.record(z.string(), num);
