import type { Classifier } from '../../../core/estimator.js';
import type { Features } from '../../../core/features.js';
import type { Labels } from '../../../core/labels.js';
import type { LlmClassifier } from '../../../models/llm-classifier/llm-classifier.js';
import { LLM_CLASSIFIER_KIND } from '../../../models/llm-classifier/params.js';
import { hasTextColumns, INPUT_PERTURBATIONS, perturbTextColumns } from './input-perturbations.js';
import { labelWordVariants } from './label-word-variants.js';
import { formatVariants, labelVariants, type VariantFamily } from './prompt-variants.js';

/**
 * One variant to score out of fold: the model (perhaps with a patched prompt) fitted on `y` (perhaps
 * with renamed classes, whose codes are the user's), asked about `xPredict` (perhaps perturbed text).
 */
export interface VariantRun {
  readonly family: VariantFamily | 'baseline';
  readonly name: string;
  readonly model: Classifier;
  readonly y: Labels;
  readonly xPredict: Features;
  /** The words the classes were renamed to, in class order (label-word swaps only). */
  readonly labelWords?: readonly string[];
}

export function isLlmClassifier(model: Classifier): model is LlmClassifier {
  return model.kind === LLM_CLASSIFIER_KIND;
}

/**
 * The baseline and every variant of the asked families that applies: prompt variants (format and label
 * list) for an LLM only; input perturbations for any model when the data has a text column. Families
 * that cannot run are returned with the reason.
 */
export function variantRuns(
  model: Classifier,
  X: Features,
  y: Labels,
  families: ReadonlySet<VariantFamily>,
  seed: number,
): { runs: VariantRun[]; skipped: { family: VariantFamily; reason: string }[] } {
  const runs: VariantRun[] = [{ family: 'baseline', name: 'as configured', model, y, xPredict: X }];
  const skipped: { family: VariantFamily; reason: string }[] = [];
  const columns = X.columns.map((column) => column.name);
  if (isLlmClassifier(model)) {
    const promptVariants = [
      ...(families.has('format') ? formatVariants(model.params, columns) : []),
      ...(families.has('labels')
        ? [...labelVariants(model.params, y.classes), ...labelWordVariants(model.params, y.classes)]
        : []),
    ];
    for (const variant of promptVariants) {
      runs.push({
        family: variant.family,
        name: variant.name,
        model: model.withParams(variant.patch),
        y: variant.classes ? { classes: variant.classes, codes: y.codes } : y,
        xPredict: X,
        ...(variant.classes ? { labelWords: variant.classes } : {}),
      });
    }
  } else {
    for (const family of ['format', 'labels'] as const) {
      if (families.has(family)) skipped.push({ family, reason: 'not an LLM classifier: it has no prompt' });
    }
  }
  if (families.has('input') && hasTextColumns(X)) {
    for (const perturbation of INPUT_PERTURBATIONS) {
      const xPredict = perturbTextColumns(X, perturbation, seed);
      runs.push({ family: 'input', name: perturbation.name, model, y, xPredict });
    }
  } else if (families.has('input')) {
    skipped.push({
      family: 'input',
      reason: 'no text column to perturb (categorical and numeric cells are left alone)',
    });
  }
  return { runs, skipped };
}
