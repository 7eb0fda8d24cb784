import { splitTopLevel } from '../catalog/model-spec.js';

/** Model specs longer than this are shortened where a layout has no room (headers, chart axes, findings). */
export const MAX_MODEL_NAME = 40;

/**
 * A model spec short enough for a chart axis or a heading: each step's params become `(…)` when the spec
 * is long (`impute(strategy=median, categorical_strategy=most_frequent) | onehot | scale | knn(n_neighbors=7)`
 * → `impute(…) | onehot | scale | knn(…)`), and only the last step stays when even that is long. The full
 * spec goes in a title or details row next to it.
 */
export function abbreviateModelSpec(spec: string, keepLastParams = false): string {
  if (spec.length <= MAX_MODEL_NAME) return spec;
  const steps = splitTopLevel(spec, '|').map((step) => step.trim());
  const short = steps.map((step, k) =>
    keepLastParams && k === steps.length - 1 ? step : step.replace(/^([^(]*)\(.*\)$/s, '$1(…)'),
  );
  const joined = short.join(' | ');
  if (joined.length <= MAX_MODEL_NAME || steps.length === 1) return joined;
  return `… | ${short[short.length - 1]}`;
}

/**
 * Short names for a list of model specs that still tell them apart: where two abbreviate alike, the last
 * step keeps its params; where they still collide, the full specs are shown.
 */
export function abbreviatedModelSpecs(specs: readonly string[]): string[] {
  const collide = (names: readonly string[]) => (i: number) =>
    names.some((name, j) => j !== i && name === names[i] && specs[j] !== specs[i]);
  const short = specs.map((spec) => abbreviateModelSpec(spec));
  const first = collide(short);
  const withParams = specs.map((spec, i) => (first(i) ? abbreviateModelSpec(spec, true) : short[i]));
  const second = collide(withParams);
  return specs.map((spec, i) => (second(i) ? spec : withParams[i]));
}
