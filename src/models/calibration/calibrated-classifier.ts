import { z } from 'zod';
import { predictInClassSpace } from '../../core/class-space.js';
import { ModeldebugError } from '../../core/errors.js';
import type { Classifier, FitContext, FittedClassifier, SerializedModel } from '../../core/estimator.js';
import { argmaxRows } from '../../core/estimator.js';
import { type Features, takeFeatureRows } from '../../core/features.js';
import { compactLabels, type Labels, takeLabelRows } from '../../core/labels.js';
import { createMatrix, type Matrix } from '../../core/matrix.js';
import { parseParams } from '../../core/params.js';
import { stratifiedKFold } from '../../splits/stratified-k-fold.js';
import {
  applyIsotonicCalibrator,
  fitIsotonicCalibrator,
  type IsotonicCalibrator,
} from './isotonic-calibration.js';
import {
  applySigmoidCalibrator,
  fitSigmoidCalibrator,
  type SigmoidCalibrator,
} from './sigmoid-calibration.js';

export const CALIBRATED_CLASSIFIER_KIND = 'calibrated-classifier';

export const calibratedParamsSchema = z.strictObject({
  method: z.enum(['sigmoid', 'isotonic']).default('sigmoid'),
  cv: z.number().int().min(2).default(5),
});
export type CalibratedParams = z.infer<typeof calibratedParamsSchema>;

type Calibrator = SigmoidCalibrator | IsotonicCalibrator;

/** One fold's model and a calibrator per class column it calibrates (one for two classes). */
export interface CalibratedMember {
  readonly model: FittedClassifier;
  readonly calibrators: readonly Calibrator[];
}

/**
 * scikit-learn's CalibratedClassifierCV(ensemble=True): for each of `cv` stratified folds (no shuffle)
 * the estimator is fitted on the other folds and a calibrator (Platt's sigmoid or isotonic regression) is
 * fitted on its probabilities for the held-out fold — P(second class) for two classes, each class's
 * column one-vs-rest for more; predictions average the folds' calibrated, renormalised probabilities.
 */
export function createCalibratedClassifier(
  estimator: Classifier,
  params: Partial<CalibratedParams> | Readonly<Record<string, unknown>> = {},
): Classifier<CalibratedParams> {
  const parsed = parseParams(CALIBRATED_CLASSIFIER_KIND, calibratedParamsSchema, params);
  return {
    kind: CALIBRATED_CLASSIFIER_KIND,
    params: parsed,
    withParams: (patch) => createCalibratedClassifier(estimator, { ...parsed, ...patch }),
    async fit(X: Features, y: Labels, context: FitContext = {}) {
      const labels = compactLabels(y);
      const { folds } = stratifiedKFold(labels.codes, parsed.cv);
      const members: CalibratedMember[] = [];
      for (const fold of folds) {
        context.signal?.throwIfAborted();
        const model = await estimator.fit(
          takeFeatureRows(X, fold.train),
          takeLabelRows(labels, fold.train),
          context,
        );
        const { proba } = await predictInClassSpace(model, takeFeatureRows(X, fold.test), labels.classes);
        const yTest = takeLabelRows(labels, fold.test).codes;
        members.push({
          model,
          calibrators: calibratorColumns(labels.classes.length).map((k) =>
            fitColumn(parsed.method, proba, k, yTest),
          ),
        });
      }
      return createFittedCalibrated(parsed, labels.classes, members);
    },
  };
}

/** The columns that get a calibrator: the second class's for two classes, every class's otherwise. */
function calibratorColumns(nClasses: number): number[] {
  return nClasses === 2 ? [1] : Array.from({ length: nClasses }, (_, k) => k);
}

function fitColumn(
  method: CalibratedParams['method'],
  proba: Matrix,
  k: number,
  yTest: Int32Array,
): Calibrator {
  const scores = Float64Array.from({ length: proba.rows }, (_, i) => proba.data[i * proba.cols + k]);
  const positive = Uint8Array.from(yTest, (code) => (code === k ? 1 : 0));
  return method === 'sigmoid'
    ? fitSigmoidCalibrator(scores, positive)
    : fitIsotonicCalibrator(scores, positive);
}

export function createFittedCalibrated(
  params: CalibratedParams,
  classes: readonly string[],
  members: readonly CalibratedMember[],
): FittedClassifier {
  const nClasses = classes.length;
  const apply = (calibrator: Calibrator, score: number) =>
    'a' in calibrator
      ? applySigmoidCalibrator(calibrator, score)
      : applyIsotonicCalibrator(calibrator, score);
  async function predictProba(X: Features): Promise<Matrix> {
    const out = createMatrix(X.rows, nClasses);
    for (const member of members) {
      const { proba } = await predictInClassSpace(member.model, X, classes);
      const columns = calibratorColumns(nClasses);
      for (let i = 0; i < X.rows; i++) {
        const row = new Float64Array(nClasses);
        columns.forEach((k, c) => {
          row[k] = apply(member.calibrators[c], proba.data[i * nClasses + k]);
        });
        if (nClasses === 2) row[0] = 1 - row[1];
        else {
          const sum = row.reduce((s, v) => s + v, 0);
          for (let k = 0; k < nClasses; k++) row[k] = sum === 0 ? 1 / nClasses : row[k] / sum;
        }
        for (let k = 0; k < nClasses; k++) {
          // sklearn rounds a probability a hair above 1 (≤ 1 + 1e-5) down to 1.
          const p = row[k] > 1 && row[k] <= 1 + 1e-5 ? 1 : row[k];
          out.data[i * nClasses + k] += p / members.length;
        }
      }
    }
    return out;
  }
  return {
    kind: CALIBRATED_CLASSIFIER_KIND,
    classes,
    diagnostics: { warnings: members.flatMap((member) => member.model.diagnostics.warnings) },
    predictProba,
    predict: async (X) => argmaxRows(await predictProba(X)),
    toJSON(): SerializedModel {
      return {
        format: 'modeldebug-model',
        version: 1,
        kind: CALIBRATED_CLASSIFIER_KIND,
        params,
        classes: [...classes],
        state: {
          members: members.map((member) => ({
            model: member.model.toJSON(),
            calibrators: member.calibrators,
          })),
        },
      };
    },
  };
}

const stateSchema = z.object({
  members: z
    .array(
      z.object({
        model: z.custom<SerializedModel>((value) => typeof value === 'object' && value !== null),
        calibrators: z.array(
          z.union([
            z.object({ a: z.number(), b: z.number() }),
            z.object({ x: z.array(z.number()).min(1), y: z.array(z.number()).min(1) }),
          ]),
        ),
      }),
    )
    .min(1),
});

/** Restores a calibrated model; `load` restores its folds' models (the registry's loadModel). */
export function loadCalibratedClassifier(
  serialized: SerializedModel,
  load: (member: SerializedModel) => FittedClassifier,
): FittedClassifier {
  const parsed = stateSchema.safeParse(serialized.state);
  if (!parsed.success) {
    throw new ModeldebugError(
      'invalid_argument',
      `a saved ${CALIBRATED_CLASSIFIER_KIND} has a malformed state`,
      {
        hint: 'save the model again with this version',
      },
    );
  }
  return createFittedCalibrated(
    parseParams(CALIBRATED_CLASSIFIER_KIND, calibratedParamsSchema, serialized.params),
    serialized.classes,
    parsed.data.members.map((member) => ({ model: load(member.model), calibrators: member.calibrators })),
  );
}
