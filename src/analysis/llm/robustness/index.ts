export { type FlippedRow, flippedRowsOf } from './flipped-rows.js';
export { INPUT_PERTURBATIONS, type InputPerturbation, perturbTextColumns } from './input-perturbations.js';
export { labelWordVariants } from './label-word-variants.js';
export { type Interval, pairedVariantBootstrap } from './paired-variant-bootstrap.js';
export { formatVariants, labelVariants, type PromptVariant, type VariantFamily } from './prompt-variants.js';
export { type RepeatedSampling, repeatedSampling, type UnstableRow } from './repeated-sampling.js';
export {
  type FamilySpread,
  type LlmRobustness,
  llmRobustness,
  type RobustnessOptions,
  type VariantResult,
} from './robustness-check.js';
export { isLlmClassifier } from './robustness-runs.js';
export { type RowSlice, rowSlices, type SliceSpread, sliceSpreads } from './slice-spreads.js';
export { type HalfSpread, splitHalfSpreads, stratifiedHalves } from './split-half-spread.js';
