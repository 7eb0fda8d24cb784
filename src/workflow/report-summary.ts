import { z } from 'zod';
/** The headline of report.json: the summary the run store keeps, the findings, and threshold gates. */

import type { FindingRecord } from '../core/finding-record.js';

/** A confusion matrix as the report stores it: rows are true labels, columns predicted ones. */
export const confusionCountsSchema = z.object({
  labels: z.array(z.string()),
  /**
   * Columns, when wider than `labels`: the labels, then an LLM's unparseable / refusal / error rows
   * (present only when an LLM left rows unlabelled).
   */
  predictedLabels: z.array(z.string()).optional(),
  counts: z.array(z.array(z.number())),
});
export type ConfusionCounts = z.infer<typeof confusionCountsSchema>;

/** The headline of a run, kept in the run store and at the top of report.json: declared here only. */
export const reportSummarySchema = z.object({
  dataset: z.string(),
  rows: z.number(),
  models: z.array(z.string()),
  bestModel: z.string(),
  metric: z.string(),
  bestScore: z.number(),
  /** Of the best model on the final evaluation. */
  metrics: z.record(z.string(), z.number()),
  confusion: confusionCountsSchema,
});
export type RunReportSummary = z.infer<typeof reportSummarySchema>;

/** The summary as read back from JSON, which turns NaN (an undefined metric) into null. */
export const storedReportSummarySchema = reportSummarySchema.extend({
  metrics: z.record(z.string(), z.number().nullable()),
});

/** The report's sections, in page order; a finding links to the one that backs it. */
export const SECTION_IDS = [
  'data-validation',
  'model-comparison',
  'llm-front',
  'learning-curve',
  'epoch-curve',
  'validation-curve',
  'search',
  'regularization',
  'feature-selection',
  'ensemble',
  'llm-calibration',
  'llm-robustness',
  'error-analysis',
  'final-test',
] as const;
export type SectionId = (typeof SECTION_IDS)[number];

/**
 * A finding of `run`: the findings contract (code, level, message, suggestion, the file's columns and
 * rows, a measured impact) plus the report section that backs it, and what ranks it.
 */
export interface RunFinding extends FindingRecord {
  readonly section: SectionId;
  /**
   * Metric points at stake (0.031 = 3.1 points): the measured gain when a change was tried, else an
   * estimate (the share of rows a problem makes wrong). Absent when nothing measurable is at stake.
   */
  readonly stake?: number;
}

export interface ThresholdResult {
  readonly metric: string;
  readonly minimum: number;
  readonly value: number | null;
  readonly passed: boolean;
  /** One line: why the gate failed, or that it passed. */
  readonly reason: string;
}
