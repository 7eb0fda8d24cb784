import type { Dataset } from '../../data/index.js';
import type { StepName } from '../config-schema.js';
import { sampleRows } from '../prepare-data.js';
import type { RunBudget } from './run-budget.js';

/** Fewer rows than this and a fit says more about the sample than about the model: fit them all then. */
const MIN_SAMPLE_ROWS = 500;

/**
 * The rows a fit of `spec` can take before the step's deadline: all of `dataset` when the budget allows
 * (or there is none, or no fit of the spec was measured), else a stratified sample sized from the
 * measured fit cost, recorded as a cut. Seeded, so a rerun with the same budget picks the same rows.
 */
export function rowsWithinBudget(
  budget: RunBudget | undefined,
  step: StepName,
  specs: readonly string[],
  dataset: Dataset,
  seed: number,
): Dataset {
  if (!budget) return dataset;
  const rows = dataset.features.rows;
  const estimate = specs.map((spec) => budget.fitSeconds(spec, rows)).find((value) => value !== undefined);
  const left = budget.deadlineFor(step) - budget.elapsed();
  if (estimate === undefined || estimate <= left) return dataset;
  const affordable = Math.max(MIN_SAMPLE_ROWS, Math.floor((rows * Math.max(0, left)) / estimate));
  if (affordable >= rows) return dataset;
  budget.cut(
    step,
    `fitted on a stratified sample of ${affordable} of the ${rows} training rows: all of them would take about ${estimate.toFixed(0)} s, ${Math.max(0, left).toFixed(0)} s of the budget were left`,
  );
  return sampleRows(dataset, affordable, seed);
}
