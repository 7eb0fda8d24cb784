import { formatVariants } from '../../analysis/llm/robustness/index.js';
import type { StageInput } from './candidate-stages.js';
import type { Candidate } from './fix-types.js';
import { keptFeatures } from './fold-scores.js';
import { llmCandidate, llmParamsOf } from './llm-candidate.js';

/**
 * The format variants `robust` tries (separators, casing, field order, answer instruction), and the
 * default `name: value` template when the user wrote their own.
 */
export function templateCandidates({ train, state }: StageInput): Candidate[] {
  const params = llmParamsOf(state);
  if (params === undefined) return [];
  const columns = keptFeatures(train.features, state).columns.map((column) => column.name);
  const variants = formatVariants(params, columns).map((variant) => ({
    name: variant.name,
    patch: variant.patch,
  }));
  if (params.template !== null) {
    variants.unshift({
      name: 'the default template (one "column: value" line per column)',
      patch: { template: null },
    });
  }
  return variants.map((variant) =>
    llmCandidate('llm_format_sensitive', 'template', `prompt format: ${variant.name}`, variant.patch),
  );
}
