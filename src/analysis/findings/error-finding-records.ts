import type { FindingRecord } from '../../core/finding-record.js';
import type { ErrorAnalysis } from '../error-analysis/error-analysis-types.js';
import { baselineFinding, CONFIDENTLY_WRONG, describeSlice } from '../error-analysis/findings.js';
import { calibrationEvidence, calibrationVerdict } from './calibration-verdict.js';
import { labelWords, percentWords, rowWords } from './row-words.js';

/** A finding of the error analysis with the accuracy points it puts at stake (its rows' share). */
export interface StakedRecord extends FindingRecord {
  readonly stake: number;
}

/** Confusion pairs that carry at least this share of the errors, and this many rows, are findings. */
const PAIR_SHARE = 0.2;
/** One or two mistaken rows are the error analysis's tables, not a pattern to act on. */
const PAIR_ROWS = 3;

/**
 * The error analysis as finding records, naming rows by `fileRow` (the analysis's row → the 0-based data
 * row of the user's file). Suspected label errors and confident mistakes are distinct lists: a confident
 * mistake already suspected of a wrong label is reported once, as a label error. Calibration is not
 * here: it has one verdict from every probability the run saw (see calibrationVerdict).
 */
export function errorFindingRecords(
  analysis: ErrorAnalysis,
  fileRow: (row: number) => number,
): StakedRecord[] {
  const { rows } = analysis.dataset;
  const records: StakedRecord[] = [];
  if (analysis.errorCount === 0) return records;
  for (const pair of analysis.confusionPairs.slice(0, 3)) {
    if (pair.shareOfErrors < PAIR_SHARE || pair.count < PAIR_ROWS) break;
    const pairRows = analysis.misclassified
      .filter((row) => row.trueLabel === pair.trueLabel && row.predicted === pair.predicted)
      .map((row) => fileRow(row.row));
    records.push({
      code: 'confusion_pair',
      level: 'warn',
      message: `${percentWords(pair.count, analysis.errorCount)} of the errors (${pair.count} of ${rows} rows) are ${labelWords(pair.trueLabel)} predicted as ${labelWords(pair.predicted)}.`,
      suggestion: `look for a feature that separates ${labelWords(pair.trueLabel)} from ${labelWords(pair.predicted)}, or gather more rows of both near their boundary`,
      columns: [],
      rows: sorted(pairRows),
      stake: pair.count / rows,
    });
  }
  const suspects = analysis.suspectedLabelErrors;
  const suspected = new Set(suspects.map((suspect) => suspect.row));
  if (suspects.length > 0) {
    const top = suspects[0];
    records.push({
      code: 'label_errors',
      level: 'warn',
      message: `${suspects.length} row${suspects.length === 1 ? '' : 's'} (${percentWords(suspects.length, rows)}) ${suspects.length === 1 ? 'looks' : 'look'} mislabelled by confident learning; the most suspicious is ${rowWords(fileRow(top.row))}, labelled ${labelWords(top.givenLabel)} where the model gives ${labelWords(top.suggestedLabel)} p = ${top.suggestedLabelProbability.toFixed(2)}.`,
      suggestion: 'review these labels; relabel or drop real mistakes and re-run: noisy labels cap accuracy',
      columns: [],
      rows: sorted(suspects.map((suspect) => fileRow(suspect.row))),
      stake: suspects.length / rows,
    });
  }
  // Not a suspected label error: the two lists answer different questions, so a row sits in one only.
  const confident = analysis.misclassified.filter(
    (row) => row.confidence >= CONFIDENTLY_WRONG && !suspected.has(row.row),
  );
  if (confident.length > 0) {
    const worst = confident[0];
    records.push({
      code: 'confident_errors',
      level: 'warn',
      message: `${confident.length} error${confident.length === 1 ? ' is' : 's are'} made with confidence ≥ ${CONFIDENTLY_WRONG}${suspects.length > 0 ? ' (besides the suspected label errors)' : ''}; the worst is ${rowWords(fileRow(worst.row))}, labelled ${labelWords(worst.trueLabel)} and predicted ${labelWords(worst.predicted)} with p = ${worst.confidence.toFixed(2)}.`,
      suggestion:
        'check these rows: if their labels are right, the model lacks a feature that tells them apart',
      columns: [],
      rows: sorted(confident.map((row) => fileRow(row.row))),
      stake: confident.length / rows,
    });
  }
  for (const slice of analysis.weakSlices.slice(0, 3)) {
    const excess = slice.errors - slice.support * analysis.errorRate;
    records.push({
      code: 'weak_slice',
      level: 'warn',
      message: `Rows with ${describeSlice(slice)} are wrong ${percentWords(slice.errorRate, 1)} of the time, ${slice.lift.toFixed(1)}× the overall rate (95 % CI ${percentWords(slice.ci.low, 1)}–${percentWords(slice.ci.high, 1)}, ${slice.support} rows).`,
      suggestion:
        slice.conditions.length === 2
          ? 'the two features interact here: try a model that captures interactions (tree, forest, hgb) or add their product, and gather more rows in this slice'
          : 'gather more training rows in this slice, or add a feature that explains it; check these rows for a data-quality problem',
      columns: [...new Set(slice.conditions.map((condition) => condition.feature))],
      rows: [],
      stake: Math.max(0, excess) / rows,
    });
  }
  for (const cluster of analysis.textClusters.slice(0, 2)) {
    records.push({
      code: 'weak_slice',
      level: 'info',
      message: `${cluster.size} misclassified texts in "${cluster.column}" share the terms ${cluster.topTerms.join(', ')}.`,
      suggestion:
        'add labelled examples of this kind of text, or a feature that captures what these terms mean',
      columns: [cluster.column],
      rows: sorted(cluster.rows.map(fileRow)),
      stake: cluster.size / rows,
    });
  }
  return records;
}

function sorted(rows: readonly number[]): number[] {
  return [...new Set(rows)].sort((a, b) => a - b);
}

/**
 * Everything `modeldebug errors` found as finding records: the rows the model gets wrong, the calibration
 * verdict of its out-of-fold probabilities, and a model not shown to beat the baseline.
 */
export function errorCommandRecords(
  analysis: ErrorAnalysis,
  fileRow: (row: number) => number,
): FindingRecord[] {
  const records: FindingRecord[] = errorFindingRecords(analysis, fileRow).map(
    ({ stake: _, ...record }) => record,
  );
  const { calibration, baselineComparison } = analysis;
  const verdict = calibrationVerdict([
    calibrationEvidence(`out-of-fold (${analysis.dataset.rows} rows)`, calibration),
  ]);
  if (verdict?.miscalibrated) {
    records.push({
      code: 'miscalibrated',
      level: 'warn',
      message: verdict.summary,
      suggestion:
        'do not read the probabilities as confidences or threshold them as they are; calibration (Platt or isotonic on held-out rows) is the usual remedy',
      columns: [],
      rows: [],
    });
  }
  if (
    baselineComparison &&
    !(
      baselineComparison.mcnemar.pValue < 0.05 &&
      baselineComparison.modelAccuracy > baselineComparison.baselineAccuracy
    )
  ) {
    const finding = baselineFinding(baselineComparison);
    records.push({
      code: 'baseline_not_beaten',
      level: 'fail',
      message: finding.message,
      suggestion: finding.suggestion,
      columns: [],
      rows: [],
    });
  }
  return records;
}
