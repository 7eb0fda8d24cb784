import { z } from 'zod';
import { findingRecordSchema } from '../../core/finding-record.js';
import { head, intervalSchema, num } from './common.js';

const arm = z.object({
  id: z.number(),
  name: z.string().describe('base · template · k-shot · maj@m'),
  base: z.string(),
  template: z.string().nullable(),
  shots: z.number(),
  maj: z.number(),
  rows: z.number().describe('rows answered: a prefix of the stratified, seeded order'),
  accuracy: intervalSchema.describe('Wilson 95 % interval; rows with no label count as wrong'),
  costPer1000Rows: z.number().describe('in costUnit, from the tokens of the answers (cached ones too)'),
  tokensPer1000Rows: z.number(),
  latencyMs: z
    .object({ p50: num, p95: num })
    .describe('of the answers, each as timed when it was made (cached answers keep theirs)'),
  httpCalls: z.number(),
  answers: z.number().describe('rows × maj'),
  spent: num.describe('USD paid in this run; null without a price'),
  status: z.enum(['front', 'off-front', 'dominated', 'unmeasured']),
  stoppedAtRung: num,
  dominatedBy: z.string().nullable(),
});

/** `modeldebug front --json` and front.json. */
export const frontOutputSchema = z
  .object({
    ...head('front', 1),
    command: z.literal('front'),
    dataset: z.object({ source: z.string(), rows: z.number() }),
    models: z.array(z.string()),
    folds: z.number(),
    rows: z.number(),
    objectives: z
      .array(z.enum(['accuracy', 'cost', 'latency']))
      .describe('what an arm must be beaten on to stop or leave the front'),
    arms: z.array(arm),
    front: z.array(z.string()).describe('arm names on the front, cheapest first'),
    rungs: z.array(
      z.object({ index: z.number(), rows: z.number(), arms: z.number(), stopped: z.array(z.string()) }),
    ),
    costUnit: z.enum(['usd', 'tokens']),
    maxCost: num,
    spent: num,
    capCut: z.object({ rung: z.number(), rows: z.number(), arms: z.number(), reason: z.string() }).nullable(),
    httpCalls: z.number(),
    answers: z.number(),
    gridAnswers: z.number(),
    findings: z.array(findingRecordSchema),
  })
  .describe('modeldebug front --json');
