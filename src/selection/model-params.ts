import type { StepSpec } from '../catalog/model-spec.js';
import { ModeldebugError } from '../core/errors.js';
import type { CandidateParams } from './param-grid.js';

/**
 * Applies a candidate's params to a model spec rather than to a built estimator, so a param that picks
 * the implementation (`scale.kind=minmax`) is searchable like any other, and a worker thread rebuilds
 * the same model from plain data. `step.param` addresses a pipeline step by name; a bare key addresses
 * the final classifier (`C` means `logreg.C` in `scale | logreg`).
 */
export function applyParams(steps: readonly StepSpec[], params: CandidateParams): StepSpec[] {
  const patched = steps.map((step) => ({ name: step.name, params: { ...step.params } }));
  for (const [key, value] of Object.entries(params)) {
    const cut = key.lastIndexOf('.');
    const index = cut < 0 ? patched.length - 1 : patched.findIndex((step) => step.name === key.slice(0, cut));
    if (index < 0) {
      throw new ModeldebugError('unknown_param', `the model has no step "${key.slice(0, cut)}"`, {
        where: `param ${key}`,
        hint: `name a step of the model (${steps.map((step) => step.name).join(', ')}), e.g. ${steps[steps.length - 1].name}.C`,
      });
    }
    patched[index].params[key.slice(cut + 1)] = value;
  }
  return patched;
}
