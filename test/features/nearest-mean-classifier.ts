import { z } from 'zod';
import {
  argmaxRows,
  assertNumericComplete,
  type Classifier,
  compactLabels,
  type FittedClassifier,
  type Matrix,
  parseParams,
  type SerializedModel,
} from '../../src/core/index.js';

/**
 * A tiny classifier for pipeline tests: the nearest class mean, with probabilities
 * softmax(-‖x - mean_k‖² / temperature). Deterministic and cheap, with one param to patch.
 */
const KIND = 'nearest-mean';
const paramsSchema = z.strictObject({ temperature: z.number().positive().default(1) });
type NearestMeanParams = z.infer<typeof paramsSchema>;

export function createNearestMean(params: Partial<NearestMeanParams> = {}): Classifier<NearestMeanParams> {
  const parsed = parseParams(KIND, paramsSchema, params);
  return {
    kind: KIND,
    params: parsed,
    withParams: (patch) => createNearestMean({ ...parsed, ...patch }),
    fit: async (X, y) => {
      assertNumericComplete(X, KIND);
      const labels = compactLabels(y);
      const k = labels.classes.length;
      const means = new Float64Array(k * X.cols);
      const counts = new Float64Array(k);
      for (let i = 0; i < X.rows; i++) {
        const c = labels.codes[i];
        counts[c]++;
        for (let j = 0; j < X.cols; j++) means[c * X.cols + j] += X.data[i * X.cols + j];
      }
      for (let c = 0; c < k; c++) for (let j = 0; j < X.cols; j++) means[c * X.cols + j] /= counts[c];
      return fittedNearestMean(parsed, labels.classes, { rows: k, cols: X.cols, data: means });
    },
  };
}

function fittedNearestMean(
  params: NearestMeanParams,
  classes: readonly string[],
  means: Matrix,
): FittedClassifier {
  const predictProba = async (X: Matrix): Promise<Matrix> => {
    const data = new Float64Array(X.rows * means.rows);
    for (let i = 0; i < X.rows; i++) {
      let max = Number.NEGATIVE_INFINITY;
      for (let c = 0; c < means.rows; c++) {
        let distance = 0;
        for (let j = 0; j < X.cols; j++)
          distance += (X.data[i * X.cols + j] - means.data[c * means.cols + j]) ** 2;
        data[i * means.rows + c] = -distance / params.temperature;
        max = Math.max(max, data[i * means.rows + c]);
      }
      let total = 0;
      for (let c = 0; c < means.rows; c++) {
        data[i * means.rows + c] = Math.exp(data[i * means.rows + c] - max);
        total += data[i * means.rows + c];
      }
      for (let c = 0; c < means.rows; c++) data[i * means.rows + c] /= total;
    }
    return { rows: X.rows, cols: means.rows, data };
  };
  return {
    kind: KIND,
    classes,
    diagnostics: { warnings: [{ code: 'dummy', message: 'nearest-mean is a test double' }] },
    predictProba,
    predict: async (X) => argmaxRows(await predictProba(X)),
    toJSON: () => ({
      format: 'modeldebug-model',
      version: 1,
      kind: KIND,
      params,
      classes,
      state: { cols: means.cols, means: Array.from(means.data) },
    }),
  };
}

/** The stand-in for the model registry's loader that `loadPipeline` takes. */
export function loadNearestMean(model: SerializedModel): FittedClassifier {
  if (model.kind !== KIND) throw new Error(`not a ${KIND} model: ${model.kind}`);
  const state = model.state as { cols: number; means: number[] };
  const means = { rows: model.classes.length, cols: state.cols, data: Float64Array.from(state.means) };
  return fittedNearestMean(parseParams(KIND, paramsSchema, model.params), model.classes, means);
}
