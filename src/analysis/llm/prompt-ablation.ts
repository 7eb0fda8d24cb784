import { ModeldebugError } from '../../core/errors.js';
import type { Features } from '../../core/features.js';
import type { Labels } from '../../core/labels.js';
import type { RunSummary } from '../../llm/engine/run-progress.js';
import type { LlmClassifier } from '../../models/llm-classifier/llm-classifier.js';
import type { Fold } from '../../splits/fold.js';
import { accuracyOf, addUsage, llmOutOfFold } from './llm-out-of-fold.js';

const PLACEHOLDER = /\{\{\s*([^{}]+?)\s*\}\}/g;

/** One field set the elimination scored. */
export interface FieldSetScore {
  readonly fields: readonly string[];
  /** Out-of-fold accuracy (a row with no label is wrong). */
  readonly accuracy: number;
}

/** One round: every single-field drop from the current set, and the one kept. */
export interface AblationRound {
  readonly from: readonly string[];
  readonly drops: readonly { readonly field: string; readonly accuracy: number }[];
  readonly dropped: string;
  readonly accuracy: number;
}

export interface PromptAblation {
  readonly template: string;
  /** The full set first, then the set after each round. */
  readonly path: readonly FieldSetScore[];
  readonly rounds: readonly AblationRound[];
  /** Fields in the order they were dropped, the last survivor last: the least useful first. */
  readonly eliminationOrder: readonly string[];
  /** The smallest set scoring within `tolerance` of the best set on the path. */
  readonly recommended: FieldSetScore;
  readonly usage: RunSummary;
}

export interface PromptAblationOptions {
  readonly folds: readonly Fold[];
  /** Accuracy a smaller prompt may give up and still be recommended; default 0. */
  readonly tolerance?: number;
  readonly signal?: AbortSignal;
  readonly onEvaluated?: (fields: readonly string[], accuracy: number) => void;
}

/** The `{{column}}` fields of a template, in order of first use. */
export function templateFields(template: string): string[] {
  return [...new Set([...template.matchAll(PLACEHOLDER)].map((match) => match[1]))];
}

/** The default template written out: one `name: {{name}}` line per column. */
export function defaultTemplate(columns: readonly string[]): string {
  return columns.map((name) => `${name}: {{${name}}}`).join('\n');
}

/**
 * The template without the fields not in `keep`: a line holding a dropped field goes entirely (its label
 * text would otherwise stay behind, e.g. `stars: `); a field sharing a line with kept ones is blanked.
 */
export function templateWithFields(template: string, keep: ReadonlySet<string>): string {
  const dropped = (line: string) => templateFields(line).filter((field) => !keep.has(field));
  return template
    .split('\n')
    .filter((line) => {
      const fields = templateFields(line);
      return fields.length === 0 || dropped(line).length < fields.length;
    })
    .map((line) => line.replace(PLACEHOLDER, (whole, field: string) => (keep.has(field) ? whole : '')))
    .join('\n');
}

/**
 * Recursive elimination over the prompt's input fields (RFE with the LLM as the model): score the
 * template, then repeatedly drop the one field whose removal hurts the cross-validated accuracy least
 * (ties: the field used first in the template), until one field is left. Every set is scored on the
 * same folds; a set met twice is scored once.
 */
export async function promptFieldAblation(
  model: LlmClassifier,
  X: Features,
  y: Labels,
  options: PromptAblationOptions,
): Promise<PromptAblation> {
  const template = model.params.template ?? defaultTemplate(X.columns.map((column) => column.name));
  const all = templateFields(template);
  if (all.length < 2) {
    throw new ModeldebugError(
      'invalid_argument',
      `the prompt has ${all.length} input field: nothing to ablate`,
      {
        where: 'param template',
        hint: 'ablation drops {{column}} fields one at a time; give a template with two or more',
      },
    );
  }
  let usage: RunSummary | undefined;
  const scores = new Map<string, number>();
  const score = async (fields: readonly string[]): Promise<number> => {
    const key = JSON.stringify(fields);
    const known = scores.get(key);
    if (known !== undefined) return known;
    const candidate = model.withParams({ template: templateWithFields(template, new Set(fields)) });
    const run = await llmOutOfFold(candidate, X, y, options.folds, options.signal);
    usage = usage ? addUsage(usage, run.usage) : run.usage;
    const accuracy = accuracyOf(y.codes, run.predicted);
    scores.set(key, accuracy);
    options.onEvaluated?.(fields, accuracy);
    return accuracy;
  };

  let current = all;
  const path: FieldSetScore[] = [{ fields: current, accuracy: await score(current) }];
  const rounds: AblationRound[] = [];
  while (current.length > 1) {
    const drops: { field: string; accuracy: number }[] = [];
    for (const field of current) {
      drops.push({ field, accuracy: await score(current.filter((name) => name !== field)) });
    }
    // The first best: ties go to the field used first in the template.
    const best = drops.reduce((a, b) => (b.accuracy > a.accuracy ? b : a));
    const from = current;
    current = current.filter((name) => name !== best.field);
    rounds.push({ from, drops, dropped: best.field, accuracy: best.accuracy });
    path.push({ fields: current, accuracy: best.accuracy });
  }
  const top = Math.max(...path.map((entry) => entry.accuracy));
  const tolerance = options.tolerance ?? 0;
  const recommended = [...path].reverse().find((entry) => entry.accuracy >= top - tolerance - 1e-12)!;
  return {
    template,
    path,
    rounds,
    eliminationOrder: [...rounds.map((round) => round.dropped), ...current],
    recommended,
    usage: usage!,
  };
}
