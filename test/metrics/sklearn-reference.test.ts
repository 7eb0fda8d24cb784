/**
 * Every case and every metric of test/fixtures/reference/metrics.json (scikit-learn 1.2.1), iterated
 * generically: an expected key or variant without a check here fails instead of being skipped.
 */
import { describe, expect, it } from 'vitest';
import { type Matrix, matrixFromRows } from '../../src/core/matrix.js';
import {
  accuracy,
  averagePrecision,
  balancedAccuracy,
  brierScore,
  classificationReport,
  classificationReportDict,
  cohenKappa,
  confusionMatrix,
  encodeLabelPair,
  type KappaWeights,
  logLoss,
  matthewsCorrcoef,
  type PrfAverage,
  precisionRecallFScore,
  precisionRecallFScorePerClass,
  rocAuc,
  rocCurve,
  topKAccuracy,
  type ZeroDivision,
} from '../../src/metrics/index.js';
import { expectOutcome, type Label, type Outcome, type ReferenceCase, readJson } from './fixture-helpers.js';

interface MetricsFixture {
  readonly sklearn_version: string;
  readonly cases: readonly ReferenceCase[];
}

/** What a case gives the kernels: codes in sklearn's label order and the scores, if any. */
interface Prepared {
  readonly classes: readonly string[];
  readonly yTrue: Int32Array;
  readonly yPred: Int32Array;
  readonly nLabels: number;
  /** Codes of y_true into the probability columns (binary: the sorted labels). */
  readonly scoreTrue: Int32Array;
  readonly scores: Matrix | Float64Array | undefined;
  readonly code: (label: Label) => number;
}

type Check = [variant: string, run: () => void];
type Handler = (data: Prepared, expected: unknown, testCase: ReferenceCase) => Check[];

/** Checks that are expected to fail, each with the reason; none at present. */
const KNOWN_DIFFERENCES: Record<string, string> = {};

const fixture = readJson<MetricsFixture>('../fixtures/reference/metrics.json');

function prepare(testCase: ReferenceCase): Prepared {
  const { inputs } = testCase;
  const pair = encodeLabelPair(inputs.y_true, inputs.y_pred);
  const code = (label: Label) => pair.classes.indexOf(String(label));
  let scores: Matrix | Float64Array | undefined;
  let scoreTrue = pair.yTrue;
  if (inputs.y_proba) {
    scores = matrixFromRows(inputs.y_proba);
    const columns = (inputs.proba_columns ?? []).map(String);
    scoreTrue = Int32Array.from(inputs.y_true, (label) => columns.indexOf(String(label)));
  } else if (inputs.y_score) {
    scores = Float64Array.from(inputs.y_score);
  }
  return { ...pair, nLabels: pair.classes.length, scoreTrue, scores, code };
}

/** Expands `{variant: outcome}` into one check per variant; an unknown variant fails loudly. */
function variants(
  expected: unknown,
  known: Record<string, (outcome: Outcome) => void>,
  ignoredKeys: readonly string[] = [],
): Check[] {
  return Object.entries(expected as Record<string, Outcome>)
    .filter(([variant]) => !ignoredKeys.includes(variant))
    .map(([variant, outcome]): Check => {
      const run = known[variant];
      return [variant, run ? () => run(outcome) : () => expect.fail(`no check for variant '${variant}'`)];
    });
}

const ZERO_DIVISIONS: Record<string, ZeroDivision> = { warn: 'warn', '0': 0, '1': 1 };
const KAPPA_WEIGHTS: Record<string, KappaWeights> = {
  None: 'none',
  linear: 'linear',
  quadratic: 'quadratic',
};

function requireScores(data: Prepared): Matrix | Float64Array {
  if (data.scores === undefined) throw new Error('case has no scores');
  return data.scores;
}

function requireMatrix(data: Prepared): Matrix {
  const scores = requireScores(data);
  if (scores instanceof Float64Array) throw new Error('case has binary scores, expected a matrix');
  return scores;
}

function requireBinary(data: Prepared): Float64Array {
  const scores = requireScores(data);
  if (!(scores instanceof Float64Array)) throw new Error('case has a probability matrix');
  return scores;
}

const handlers: Record<string, Handler> = {
  labels_sorted: (data, expected) => [
    ['order', () => expect(data.classes).toEqual((expected as Label[]).map(String))],
  ],
  accuracy_score: (data, expected) => [
    ['value', () => expectOutcome(expected as Outcome, () => ({ value: accuracy(data.yTrue, data.yPred) }))],
  ],
  balanced_accuracy_score: (data, expected) => [
    [
      'value',
      () => expectOutcome(expected as Outcome, () => balancedAccuracy(data.yTrue, data.yPred, data.nLabels)),
    ],
  ],
  balanced_accuracy_score_adjusted: (data, expected) => [
    [
      'value',
      () =>
        expectOutcome(expected as Outcome, () =>
          balancedAccuracy(data.yTrue, data.yPred, data.nLabels, { adjusted: true }),
        ),
    ],
  ],
  precision_recall_fscore_support: (data, expected, testCase) => {
    const byZeroDivision = (expected as { by_zero_division: Record<string, Record<string, Outcome>> })
      .by_zero_division;
    return Object.entries(byZeroDivision).flatMap(([zdKey, byAverage]) =>
      Object.entries(byAverage).map(([averageKey, outcome]): Check => {
        const zeroDivision = ZERO_DIVISIONS[zdKey];
        const name = `zero_division=${zdKey} average=${averageKey}`;
        if (zeroDivision === undefined) return [name, () => expect.fail(`unknown zero_division ${zdKey}`)];
        if (averageKey === 'None') {
          return [
            name,
            () =>
              expectOutcome(outcome, () => {
                const r = precisionRecallFScorePerClass(data.yTrue, data.yPred, data.nLabels, {
                  zeroDivision,
                });
                return {
                  value: { precision: r.precision, recall: r.recall, f1: r.fScore, support: r.support },
                  warnings: r.warnings,
                };
              }),
          ];
        }
        if (!['micro', 'macro', 'weighted', 'binary'].includes(averageKey)) {
          return [name, () => expect.fail(`unknown average ${averageKey}`)];
        }
        const average = averageKey as PrfAverage;
        const posLabel = average === 'binary' ? data.code(testCase.inputs.pos_label ?? 1) : undefined;
        return [
          name,
          () =>
            expectOutcome(outcome, () => {
              const r = precisionRecallFScore(data.yTrue, data.yPred, data.nLabels, {
                average,
                zeroDivision,
                posLabel,
              });
              return {
                value: { precision: r.precision, recall: r.recall, f1: r.fScore, support: null },
                warnings: r.warnings,
              };
            }),
        ];
      }),
    );
  },
  confusion_matrix: (data, expected) => {
    const { labels, ...rest } = expected as { labels: Label[] } & Record<string, Outcome>;
    const cm = (options: Parameters<typeof confusionMatrix>[3]) => () => ({
      value: confusionMatrix(data.yTrue, data.yPred, data.nLabels, options),
    });
    return [
      ['labels', () => expect(data.classes).toEqual(labels.map(String))],
      ...variants(rest, {
        counts: (o) => expectOutcome(o, cm({})),
        normalize_true: (o) => expectOutcome(o, cm({ normalize: 'true' })),
        normalize_pred: (o) => expectOutcome(o, cm({ normalize: 'pred' })),
        normalize_all: (o) => expectOutcome(o, cm({ normalize: 'all' })),
        reversed_labels: (o) => {
          const order = (o as Outcome & { labels: Label[] }).labels.map(data.code);
          expectOutcome(o, cm({ labels: order }));
        },
      }),
    ];
  },
  classification_report_dict: (data, expected) =>
    Object.entries(expected as Record<string, Outcome>).map(
      ([zdKey, outcome]): Check => [
        `zero_division=${zdKey}`,
        () =>
          expectOutcome(outcome, () => {
            const report = classificationReport(data.yTrue, data.yPred, data.nLabels, {
              classNames: data.classes,
              zeroDivision: ZERO_DIVISIONS[zdKey],
            });
            return { value: classificationReportDict(report), warnings: report.warnings };
          }),
      ],
    ),
  cohen_kappa_score: (data, expected) =>
    Object.entries(expected as Record<string, Outcome>).map(
      ([weightsKey, outcome]): Check => [
        `weights=${weightsKey}`,
        () => {
          const weights = KAPPA_WEIGHTS[weightsKey];
          expect(weights, `unknown weights ${weightsKey}`).toBeDefined();
          expectOutcome(outcome, () => ({
            value: cohenKappa(data.yTrue, data.yPred, data.nLabels, { weights }),
          }));
        },
      ],
    ),
  matthews_corrcoef: (data, expected) => [
    [
      'value',
      () =>
        expectOutcome(expected as Outcome, () => ({
          value: matthewsCorrcoef(data.yTrue, data.yPred, data.nLabels),
        })),
    ],
  ],
  log_loss: (data, expected) => [
    [
      'value',
      () =>
        expectOutcome(expected as Outcome, () => ({ value: logLoss(data.scoreTrue, requireScores(data)) })),
    ],
  ],
  roc_auc_score: (data, expected) => {
    if ('value' in (expected as object) || 'raises' in (expected as object)) {
      return [
        [
          'binary',
          () =>
            expectOutcome(expected as Outcome, () => ({
              value: rocAuc(data.scoreTrue, requireBinary(data)),
            })),
        ],
      ];
    }
    const auc = (multiClass: 'ovr' | 'ovo' | undefined, average: 'macro' | 'weighted') => (o: Outcome) =>
      expectOutcome(o, () => ({
        value: rocAuc(data.scoreTrue, requireMatrix(data), { multiClass, average }),
      }));
    return variants(expected, {
      ovr_macro: auc('ovr', 'macro'),
      ovr_weighted: auc('ovr', 'weighted'),
      ovo_macro: auc('ovo', 'macro'),
      ovo_weighted: auc('ovo', 'weighted'),
      default_raise: auc(undefined, 'macro'),
    });
  },
  brier_score_loss: (data, expected, testCase) => [
    [
      'value',
      () =>
        expectOutcome(expected as Outcome, () => ({
          value: brierScore(data.scoreTrue, requireBinary(data), 2, {
            posLabel: data.code(testCase.inputs.pos_label ?? 1),
          }),
        })),
    ],
  ],
  average_precision_score: (data, expected) => [
    [
      'value',
      () =>
        expectOutcome(expected as Outcome, () => averagePrecision(data.scoreTrue, requireBinary(data), 2)),
    ],
  ],
  roc_curve: (data, expected) => [
    [
      'drop_intermediate=true',
      () =>
        expectOutcome(expected as Outcome, () => {
          const curve = rocCurve(data.scoreTrue, requireBinary(data), 2);
          return {
            value: { fpr: curve.fpr, tpr: curve.tpr, thresholds: curve.thresholds },
            warnings: curve.warnings,
          };
        }),
    ],
  ],
  top_k_accuracy_score_k2: (data, expected) => [
    [
      'value',
      () => expectOutcome(expected as Outcome, () => topKAccuracy(data.scoreTrue, requireMatrix(data), 2)),
    ],
  ],
};

describe(`metrics.json (scikit-learn ${fixture.sklearn_version})`, () => {
  it('has cases', () => expect(fixture.cases.length).toBeGreaterThan(0));
  for (const testCase of fixture.cases) {
    describe(testCase.id, () => {
      const data = prepare(testCase);
      for (const [key, expected] of Object.entries(testCase.expected)) {
        const handler = handlers[key];
        if (!handler) {
          it(key, () => expect.fail(`no check for metric '${key}'`));
          continue;
        }
        for (const [variant, run] of handler(data, expected, testCase)) {
          const id = `${testCase.id}/${key}/${variant}`;
          const reason = KNOWN_DIFFERENCES[id];
          if (reason) it.fails(`${key} ${variant} (known difference: ${reason})`, run);
          else it(`${key} ${variant}`, run);
        }
      }
    });
  }
});
