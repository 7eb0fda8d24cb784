import { ModeldebugError } from '../../core/errors.js';
import type { LogisticRegressionParams } from './params.js';

/**
 * One weight per class (in `classes` order): 1 for `null`; sklearn's 'balanced' n / (K·count_k); a
 * record's value per class label (absent labels weigh 1). A record key naming no class of the dataset
 * (`knownClasses`, which may include classes a training fold lacks) is rejected as sklearn does.
 */
export function classWeightsFor(
  classWeight: LogisticRegressionParams['class_weight'],
  classes: readonly string[],
  counts: Int32Array,
  knownClasses: readonly string[],
): Float64Array {
  const K = classes.length;
  const weights = new Float64Array(K).fill(1);
  if (classWeight === null) return weights;
  if (classWeight === 'balanced') {
    let n = 0;
    for (const count of counts) n += count;
    for (let k = 0; k < K; k++) weights[k] = n / (K * counts[k]);
    return weights;
  }
  const known = new Set(knownClasses);
  for (const label of Object.keys(classWeight).sort()) {
    if (!known.has(label)) {
      throw new ModeldebugError('invalid_param', `class_weight names class "${label}", which is not in y`, {
        where: 'param class_weight',
        hint: `use labels among ${knownClasses.join(', ')}`,
      });
    }
  }
  for (let k = 0; k < K; k++) weights[k] = classWeight[classes[k]] ?? 1;
  return weights;
}
