import { ModeldebugError } from '../core/errors.js';
import { presentLabels, resolveLabels } from './check-inputs.js';
import { type MetricWarning, uniqueWarnings } from './metric-warning.js';
import { pairwiseSum } from './pairwise-sum.js';
import {
  precisionRecallFScore,
  precisionRecallFScorePerClass,
  type ZeroDivision,
} from './precision-recall-f.js';

export interface ReportRow {
  readonly precision: number;
  readonly recall: number;
  readonly f1Score: number;
  readonly support: number;
}

export interface ClassReportRow extends ReportRow {
  readonly code: number;
  readonly name: string;
}

/**
 * sklearn prints an 'accuracy' line when the reported labels are exactly the labels present, and a
 * 'micro avg' row otherwise (a subset, or a class with no rows at all).
 */
export type ReportOverall =
  | { readonly kind: 'accuracy'; readonly accuracy: number; readonly support: number }
  | { readonly kind: 'micro avg'; readonly row: ReportRow };

export interface ClassificationReport {
  readonly classes: readonly ClassReportRow[];
  readonly overall: ReportOverall;
  readonly macroAvg: ReportRow;
  readonly weightedAvg: ReportRow;
  /** Unique (category, message) pairs, as sklearn's warnings would be shown once. */
  readonly warnings: readonly MetricWarning[];
}

export interface ClassificationReportOptions {
  /** Codes to report, in order (sklearn's `labels=`); default every code in [0, nLabels). */
  readonly labels?: ArrayLike<number>;
  /** Display name of each code (sklearn's `target_names`, but indexed by code); default the code. */
  readonly classNames?: readonly string[];
  readonly zeroDivision?: ZeroDivision;
}

/** sklearn's `classification_report`: per-class precision, recall, F1 and support plus the averages. */
export function classificationReport(
  yTrue: Int32Array,
  yPred: Int32Array,
  nLabels: number,
  options: ClassificationReportOptions = {},
): ClassificationReport {
  const labels = resolveLabels(options.labels, nLabels);
  const names = options.classNames;
  if (names !== undefined && names.length !== nLabels) {
    throw new ModeldebugError('shape_mismatch', `classNames has ${names.length} names for ${nLabels} labels`);
  }
  const shared = { labels, zeroDivision: options.zeroDivision };
  const perClass = precisionRecallFScorePerClass(yTrue, yPred, nLabels, shared);
  const classes = Array.from(labels, (code, k) => ({
    code,
    name: names ? names[code] : String(code),
    precision: perClass.precision[k],
    recall: perClass.recall[k],
    f1Score: perClass.fScore[k],
    support: perClass.support[k],
  }));
  const support = pairwiseSum(perClass.support);
  const micro = precisionRecallFScore(yTrue, yPred, nLabels, { ...shared, average: 'micro' });
  const macro = precisionRecallFScore(yTrue, yPred, nLabels, { ...shared, average: 'macro' });
  const weighted = precisionRecallFScore(yTrue, yPred, nLabels, { ...shared, average: 'weighted' });
  const row = (scores: typeof micro): ReportRow => ({
    precision: scores.precision,
    recall: scores.recall,
    f1Score: scores.fScore,
    support,
  });
  const overall: ReportOverall = coversPresentLabels(labels, presentLabels(yTrue, yPred, nLabels))
    ? { kind: 'accuracy', accuracy: micro.precision, support }
    : { kind: 'micro avg', row: row(micro) };
  return {
    classes,
    overall,
    macroAvg: row(macro),
    weightedAvg: row(weighted),
    warnings: uniqueWarnings([
      ...perClass.warnings,
      ...micro.warnings,
      ...macro.warnings,
      ...weighted.warnings,
    ]),
  };
}

function coversPresentLabels(labels: Int32Array, present: Int32Array): boolean {
  if (labels.length !== present.length) return false;
  const wanted = new Set(labels);
  return present.every((code) => wanted.has(code));
}

export interface ReportDictRow {
  readonly precision: number;
  readonly recall: number;
  readonly 'f1-score': number;
  readonly support: number;
}

/** The report as sklearn's `output_dict=True` gives it (keys in sklearn's order). */
export function classificationReportDict(
  report: ClassificationReport,
): Record<string, ReportDictRow | number> {
  const asDict = (row: ReportRow): ReportDictRow => ({
    precision: row.precision,
    recall: row.recall,
    'f1-score': row.f1Score,
    support: row.support,
  });
  const out: Record<string, ReportDictRow | number> = {};
  for (const row of report.classes) out[row.name] = asDict(row);
  if (report.overall.kind === 'accuracy') out.accuracy = report.overall.accuracy;
  else out['micro avg'] = asDict(report.overall.row);
  out['macro avg'] = asDict(report.macroAvg);
  out['weighted avg'] = asDict(report.weightedAvg);
  return out;
}
