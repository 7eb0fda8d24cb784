/** The headline of report.json: the summary the run store keeps, the findings, and threshold gates. */

import type { FindingRecord } from '../core/finding-record.js';

/** The headline of a run, kept in the run store and at the top of report.json. */
export interface RunReportSummary {
  readonly dataset: string;
  readonly rows: number;
  readonly models: string[];
  readonly bestModel: string;
  readonly metric: string;
  readonly bestScore: number;
  /** Of the best model on the final evaluation. */
  readonly metrics: Record<string, number>;
  readonly confusion: ConfusionCounts;
}

/** A confusion matrix as the report stores it: rows are true labels, columns predicted ones. */
export interface ConfusionCounts {
  readonly labels: string[];
  /**
   * Columns, when wider than `labels`: the labels, then an LLM's unparseable / refusal / error rows
   * (present only when an LLM left rows unlabelled).
   */
  readonly predictedLabels?: string[];
  readonly counts: number[][];
}

/** The report's sections, in page order; a finding links to the one that backs it. */
export const SECTION_IDS = [
  'data-validation',
  'model-comparison',
  'learning-curve',
  'epoch-curve',
  'validation-curve',
  'search',
  'regularization',
  'feature-selection',
  'ensemble',
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
