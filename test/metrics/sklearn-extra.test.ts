/**
 * test/metrics/fixtures/metrics-extra.json (scikit-learn 1.2.1, generator beside it): the text report,
 * scorer-style calls without `labels=`, label subsets, a label with no rows, curve options and
 * rounding ties. Every recorded key is checked; an unknown one fails.
 */
import { describe, expect, it } from 'vitest';
import { type Matrix, matrixFromRows } from '../../src/core/matrix.js';
import {
  averagePrecision,
  brierScore,
  classificationReport,
  classificationReportDict,
  cohenKappa,
  confusionMatrix,
  encodeLabelPair,
  formatClassificationReport,
  isScorerName,
  precisionRecallFScore,
  precisionRecallFScorePerClass,
  rocAuc,
  rocCurve,
  SCORERS,
  topKAccuracy,
  type ZeroDivision,
} from '../../src/metrics/index.js';
import { expectOutcome, type Label, type Outcome, type ReferenceCase, readJson } from './fixture-helpers.js';

interface ExtraCase {
  readonly id: string;
  readonly expected: {
    readonly report_text: Record<string, Outcome>;
    readonly labels_subset: { readonly labels: Label[] } & Record<string, Outcome>;
    readonly scorers: Record<string, Outcome>;
  };
}

interface ExtraFixture {
  readonly generated_with: string;
  readonly cases: readonly ExtraCase[];
  readonly label_with_no_rows: { y_true: number[]; y_pred: number[]; labels: number[] } & Record<
    string,
    Outcome
  >;
  readonly curves: { y_true: number[]; y_score: number[] } & Record<string, Outcome>;
  readonly rounding_ties: { y_true: number[]; y_pred: number[] } & Record<string, Outcome>;
}

const extra = readJson<ExtraFixture>('./fixtures/metrics-extra.json');
const reference = readJson<{ cases: ReferenceCase[] }>('../fixtures/reference/metrics.json');

/** Runs one `it` per recorded key; keys without a check fail, input keys are skipped by name. */
function checkAll(
  record: object,
  checks: Record<string, (outcome: Outcome) => void>,
  inputs: string[],
): void {
  for (const [key, outcome] of Object.entries(record)) {
    if (inputs.includes(key)) continue;
    const check = checks[key];
    it(key, () => (check ? check(outcome as Outcome) : expect.fail(`no check for '${key}'`)));
  }
}

function binaryMatrix(scores: number[]): Matrix {
  return matrixFromRows(scores.map((s) => [1 - s, s]));
}

describe(`metrics-extra.json (${extra.generated_with})`, () => {
  for (const testCase of extra.cases) {
    const source = reference.cases.find((c) => c.id === testCase.id);
    if (!source) throw new Error(`metrics-extra case ${testCase.id} has no inputs in metrics.json`);
    const { inputs } = source;
    const pair = encodeLabelPair(inputs.y_true, inputs.y_pred);
    const nLabels = pair.classes.length;
    const code = (label: Label) => pair.classes.indexOf(String(label));
    const proba = inputs.y_proba
      ? matrixFromRows(inputs.y_proba)
      : inputs.y_score
        ? binaryMatrix(inputs.y_score)
        : undefined;

    describe(`${testCase.id} report text`, () => {
      const checks: Record<string, (o: Outcome) => void> = {};
      for (const key of Object.keys(testCase.expected.report_text)) {
        const [zd, digitsText] = key.split('_digits');
        const zeroDivision: ZeroDivision = zd === 'warn' ? 'warn' : zd === '1' ? 1 : 0;
        checks[key] = (o) =>
          expectOutcome(o, () => {
            const report = classificationReport(pair.yTrue, pair.yPred, nLabels, {
              classNames: pair.classes,
              zeroDivision,
            });
            return {
              value: formatClassificationReport(report, Number(digitsText)),
              warnings: report.warnings,
            };
          });
      }
      checkAll(testCase.expected.report_text, checks, []);
    });

    describe(`${testCase.id} labels subset`, () => {
      const subset = testCase.expected.labels_subset;
      const labels = subset.labels.map(code);
      const report = () =>
        classificationReport(pair.yTrue, pair.yPred, nLabels, { labels, classNames: pair.classes });
      checkAll(
        subset,
        {
          confusion_matrix: (o) =>
            expectOutcome(o, () => ({ value: confusionMatrix(pair.yTrue, pair.yPred, nLabels, { labels }) })),
          prf_none: (o) =>
            expectOutcome(o, () => {
              const r = precisionRecallFScorePerClass(pair.yTrue, pair.yPred, nLabels, { labels });
              return {
                value: { precision: r.precision, recall: r.recall, f1: r.fScore, support: r.support },
                warnings: r.warnings,
              };
            }),
          prf_micro: (o) =>
            expectOutcome(o, () => {
              const r = precisionRecallFScore(pair.yTrue, pair.yPred, nLabels, { labels, average: 'micro' });
              return { value: { precision: r.precision, recall: r.recall, f1: r.fScore, support: null } };
            }),
          report_dict: (o) =>
            expectOutcome(o, () => {
              const r = report();
              return { value: classificationReportDict(r), warnings: r.warnings };
            }),
          report_text: (o) =>
            expectOutcome(o, () => {
              const r = report();
              return { value: formatClassificationReport(r), warnings: r.warnings };
            }),
          kappa_linear: (o) =>
            expectOutcome(o, () => ({
              value: cohenKappa(pair.yTrue, pair.yPred, nLabels, { labels, weights: 'linear' }),
            })),
        },
        ['labels'],
      );
    });

    describe(`${testCase.id} scorers`, () => {
      const checks: Record<string, (o: Outcome) => void> = {};
      for (const name of Object.keys(testCase.expected.scorers)) {
        if (!isScorerName(name)) continue;
        // Scorers drop warnings (as a number is all cross-validation keeps) and raise typed errors.
        checks[name] = (o) =>
          expectOutcome(
            { ...o, warnings: [] },
            () => ({ value: SCORERS[name].score(pair.yTrue, pair.yPred, proba, nLabels) }),
            false,
          );
      }
      checkAll(testCase.expected.scorers, checks, []);
    });
  }

  describe('a label with no rows (labels=[0, 1, 2])', () => {
    const data = extra.label_with_no_rows;
    const pair = encodeLabelPair(data.y_true, data.y_pred, data.labels);
    const plain = encodeLabelPair(data.y_true, data.y_pred);
    const n = pair.classes.length;
    const { labels } = pair;
    checkAll(
      data,
      {
        f1_macro_warn: (o) =>
          expectOutcome(o, () => {
            const r = precisionRecallFScore(pair.yTrue, pair.yPred, n, {
              labels,
              average: 'macro',
              warnFor: ['f-score'],
            });
            return { value: r.fScore, warnings: r.warnings };
          }),
        f1_none_warn: (o) =>
          expectOutcome(o, () => {
            const r = precisionRecallFScorePerClass(pair.yTrue, pair.yPred, n, {
              labels,
              warnFor: ['f-score'],
            });
            return { value: r.fScore, warnings: r.warnings };
          }),
        f1_none_zd1: (o) =>
          expectOutcome(o, () => {
            const r = precisionRecallFScorePerClass(pair.yTrue, pair.yPred, n, {
              labels,
              warnFor: ['f-score'],
              zeroDivision: 1,
            });
            return { value: r.fScore, warnings: r.warnings };
          }),
        prf_binary_pos0: (o) =>
          expectOutcome(o, () => {
            const r = precisionRecallFScore(plain.yTrue, plain.yPred, plain.classes.length, {
              average: 'binary',
              posLabel: plain.classes.indexOf('0'),
            });
            return { value: { precision: r.precision, recall: r.recall, f1: r.fScore, support: null } };
          }),
        fbeta2_macro: (o) =>
          expectOutcome(o, () => ({
            value: precisionRecallFScore(plain.yTrue, plain.yPred, plain.classes.length, {
              average: 'macro',
              beta: 2,
            }).fScore,
          })),
        report_dict_with_empty_label: (o) =>
          expectOutcome(o, () => {
            const r = classificationReport(pair.yTrue, pair.yPred, n, { labels, classNames: pair.classes });
            return { value: classificationReportDict(r), warnings: r.warnings };
          }),
        confusion_with_empty_label: (o) =>
          expectOutcome(o, () => ({
            value: confusionMatrix(pair.yTrue, pair.yPred, n, { labels, normalize: 'true' }),
          })),
      },
      ['y_true', 'y_pred', 'labels'],
    );
  });

  describe('binary curves with tied scores', () => {
    const data = extra.curves;
    const yTrue = Int32Array.from(data.y_true);
    const scores = Float64Array.from(data.y_score);
    const curve = (dropIntermediate: boolean) => () => {
      const c = rocCurve(yTrue, scores, 2, { dropIntermediate });
      return { value: { fpr: c.fpr, tpr: c.tpr, thresholds: c.thresholds }, warnings: c.warnings };
    };
    checkAll(
      data,
      {
        roc_curve_all: (o) => expectOutcome(o, curve(false)),
        roc_curve_dropped: (o) => expectOutcome(o, curve(true)),
        roc_auc: (o) => expectOutcome(o, () => ({ value: rocAuc(yTrue, scores) })),
        average_precision: (o) => expectOutcome(o, () => averagePrecision(yTrue, scores, 2)),
        top1_binary: (o) => expectOutcome(o, () => topKAccuracy(yTrue, scores, 1)),
        brier_pos0: (o) => expectOutcome(o, () => ({ value: brierScore(yTrue, scores, 2, { posLabel: 0 }) })),
      },
      ['y_true', 'y_score'],
    );
  });

  describe('report values on exact rounding ties', () => {
    const data = extra.rounding_ties;
    const pair = encodeLabelPair(data.y_true, data.y_pred);
    const text = (digits: number) => () => {
      const report = classificationReport(pair.yTrue, pair.yPred, pair.classes.length, {
        classNames: pair.classes,
      });
      return { value: formatClassificationReport(report, digits), warnings: report.warnings };
    };
    checkAll(
      data,
      {
        report_text: (o) => expectOutcome(o, text(2)),
        report_text_digits1: (o) => expectOutcome(o, text(1)),
      },
      ['y_true', 'y_pred'],
    );
  });
});
