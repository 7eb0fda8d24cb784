import { z } from 'zod';
import type { RunRecord } from '../../store/index.js';
import { storedReportSummarySchema } from '../../workflow/report-summary.js';
import type { StoredTestSet } from './run-difference.js';

/** The summary a `modeldebug run` stores (and report.json carries at its top level). */
export const reportSummarySchema = storedReportSummarySchema;
export type ReportSummary = z.infer<typeof reportSummarySchema>;

/** What a search stores (`best_score` before the camelCase convention); read loosely, older stores vary. */
const searchSummarySchema = z.object({
  bestScore: z.number().nullable().optional(),
  best_score: z.number().nullable().optional(),
});

/**
 * The config fields that name the data and the model, in the shapes the commands store them: a search
 * keeps `data` as a path, `modeldebug run` as `{ train | example }`.
 */
const configSchema = z.object({
  data: z
    .union([
      z.string(),
      z.object({ train: z.string().nullable().optional(), example: z.string().nullable().optional() }),
    ])
    .nullable()
    .optional(),
  example: z.string().nullable().optional(),
  scoring: z.string().optional(),
  steps: z.array(z.object({ name: z.string() })).optional(),
});
type StoredConfig = z.infer<typeof configSchema>;

/** One line of the runs list, whatever kind of run it came from; unknown fields stay undefined. */
export interface RunOverview {
  readonly id: string;
  readonly kind: string;
  readonly status: string;
  readonly createdAt: string;
  readonly dataset?: string;
  readonly models: readonly string[];
  readonly metric?: string;
  readonly bestScore?: number;
  /** The parsed report summary, for runs that have one (only these can be compared). */
  readonly report?: ReportSummary;
}

/** A run whose report summary could be read: only these can be compared. */
export type ComparableRun = RunOverview & {
  readonly report: ReportSummary;
  /** Its final test rows as report.json keeps them, to pair two runs' errors. */
  readonly testSet?: StoredTestSet;
};

export function isComparable(run: RunOverview): run is ComparableRun {
  return run.report !== undefined;
}

export function runOverview(run: RunRecord): RunOverview {
  const base = { id: run.id, kind: run.kind, status: run.status, createdAt: run.createdAt };
  const report = reportSummarySchema.safeParse(run.summary);
  if (report.success) {
    const { dataset, models, metric, bestScore } = report.data;
    return { ...base, dataset, models, metric, bestScore, report: report.data };
  }
  const config = configSchema.safeParse(run.config);
  const summary = searchSummarySchema.safeParse(run.summary);
  return {
    ...base,
    dataset: config.success ? datasetName(config.data) : undefined,
    // A search tunes one pipeline: its steps make one model.
    models:
      config.success && config.data.steps ? [config.data.steps.map((step) => step.name).join(' | ')] : [],
    metric: config.success ? config.data.scoring : undefined,
    bestScore: summary.success ? (summary.data.bestScore ?? summary.data.best_score ?? undefined) : undefined,
  };
}

function datasetName(config: StoredConfig): string | undefined {
  const data = typeof config.data === 'object' && config.data !== null ? config.data : undefined;
  const example = config.example ?? data?.example;
  if (example) return `example:${example}`;
  const path = typeof config.data === 'string' ? config.data : data?.train;
  return path ? path.split(/[\\/]/).pop() : undefined;
}
