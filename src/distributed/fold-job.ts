import { z } from 'zod';
import { stepSpecSchema } from '../catalog/model-spec.js';
import { canonicalJson } from '../llm/cache/canonical-json.js';
import type { FoldOutcome } from '../selection/fold-task.js';
import { contentHash } from './content-hash.js';

/** The queue every coordinator dispatches fold fits to and every `modeldebug worker` takes them from. */
export const FOLD_QUEUE = 'modeldebug-folds';

/**
 * A fold task as a job: the model spec and scorer inline, the dataset and the row sets by content
 * hash (uploaded once to Redis), so a job is a few hundred bytes whatever the data's size.
 */
export const foldJobSchema = z.object({
  version: z.literal(1),
  dataset: z.string().regex(/^[0-9a-f]{64}$/),
  train: z.string().regex(/^[0-9a-f]{64}$/),
  test: z.string().regex(/^[0-9a-f]{64}$/),
  steps: z.array(stepSpecSchema),
  scoring: z.string(),
  returnTrainScore: z.boolean(),
});
export type FoldJobData = z.infer<typeof foldJobSchema>;

/**
 * The job id: the run and a hash of the job's content. The same task of the same run always gets the
 * same id, so BullMQ keeps one job for it however often it is added (a resumed coordinator adds it
 * again and finds it done), and its completion is counted once.
 */
export function foldJobId(runKey: string, data: FoldJobData): string {
  // BullMQ forbids ':' in custom ids.
  const run = runKey.replace(/[^\w.-]/g, '_');
  return `${run}-${contentHash(canonicalJson(data)).slice(0, 40)}`;
}

/** JSON cannot hold NaN, ±Infinity or −0: those travel as strings, every other double as itself. */
const exactNumber = z.union([z.number(), z.enum(['NaN', 'Infinity', '-Infinity', '-0'])]);
type ExactNumber = z.infer<typeof exactNumber>;

function encodeNumber(value: number): ExactNumber {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Number.POSITIVE_INFINITY) return 'Infinity';
  if (value === Number.NEGATIVE_INFINITY) return '-Infinity';
  if (Object.is(value, -0)) return '-0';
  return value;
}

function decodeNumber(value: ExactNumber): number {
  if (typeof value === 'number') return value;
  return value === '-0' ? -0 : Number(value);
}

export const foldResultSchema = z.object({
  worker: z.string(),
  outcome: z.union([
    z.object({
      ok: z.literal(true),
      test: exactNumber,
      train: exactNumber.optional(),
      fitSeconds: z.number(),
      scoreSeconds: z.number(),
    }),
    z.object({ ok: z.literal(false), error: z.string(), fitSeconds: z.number() }),
  ]),
});
export type FoldResult = z.infer<typeof foldResultSchema>;

/** What a worker returns for a job: the outcome with its scores bit-exact, and who computed it. */
export function encodeFoldResult(worker: string, outcome: FoldOutcome): FoldResult {
  if (!outcome.ok) return { worker, outcome };
  const { test, train, ...rest } = outcome;
  return {
    worker,
    outcome: {
      ...rest,
      test: encodeNumber(test),
      ...(train === undefined ? {} : { train: encodeNumber(train) }),
    },
  };
}

export function decodeFoldOutcome(result: FoldResult): FoldOutcome {
  const { outcome } = result;
  if (!outcome.ok) return outcome;
  const { test, train, ...rest } = outcome;
  return {
    ...rest,
    test: decodeNumber(test),
    ...(train === undefined ? {} : { train: decodeNumber(train) }),
  };
}
