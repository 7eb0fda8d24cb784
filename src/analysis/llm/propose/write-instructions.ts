import type { Features } from '../../../core/features.js';
import type { Labels } from '../../../core/labels.js';
import type { LlmClassifierParams } from '../../../models/llm-classifier/params.js';
import { compileRowTemplate } from '../../../models/llm-classifier/row-template.js';
import type { LlmRuntime } from '../../../models/llm-classifier/runtime.js';
import { callProposer } from './call-proposer.js';
import { type ConfusionExamples, confusionExamples } from './confusion-examples.js';
import { parseProposals } from './parse-proposals.js';
import { proposerMessages } from './proposer-messages.js';

/** The instruction the classifier uses when its `system` param is null (see build-messages.ts). */
export const DEFAULT_INSTRUCTION =
  'You are a careful classifier. Classify the input into exactly one of these labels:\n{{labels}}\nAnswer with the label only, exactly as written above, and nothing else.';

export interface WrittenInstructions {
  readonly currentInstruction: string;
  readonly pairs: readonly ConfusionExamples[];
  /** Rows the proposer saw (0-based rows of X). */
  readonly shownRows: readonly number[];
  readonly instructions: readonly string[];
}

/**
 * Asks the proposer for `count` instructions from the classifier's errors: `predicted` (codes, -1 for no
 * label) grouped by confusion pair, the largest `maxPairs` pairs with `perPair` seeded rows each.
 */
export async function writeInstructions(
  params: LlmClassifierParams,
  X: Features,
  y: Labels,
  predicted: Int32Array,
  options: {
    readonly count: number;
    readonly proposer?: LlmClassifierParams;
    readonly maxPairs?: number;
    readonly perPair?: number;
    readonly seed: number;
    readonly runtime: LlmRuntime;
    readonly signal?: AbortSignal;
  },
): Promise<WrittenInstructions> {
  const currentInstruction = params.system ?? DEFAULT_INSTRUCTION;
  const pairs = confusionExamples(y.codes, predicted, y.classes, {
    maxPairs: options.maxPairs ?? 3,
    perPair: options.perPair ?? 3,
    seed: options.seed,
  });
  const shownRows = pairs.flatMap((pair) => pair.rows).sort((a, b) => a - b);
  if (options.count === 0) return { currentInstruction, pairs, shownRows, instructions: [] };
  const render = compileRowTemplate(params.template, X.columns);
  const answer = await callProposer(
    options.proposer ?? params,
    proposerMessages({
      instruction: currentInstruction,
      classes: y.classes,
      pairs,
      rowText: (row) => render(X, row),
      candidates: options.count,
    }),
    options.runtime,
    options.signal,
  );
  return {
    currentInstruction,
    pairs,
    shownRows,
    instructions: parseProposals(answer, currentInstruction, options.count),
  };
}

/** Params of `sets` bootstrapped few-shot sets of k examples, one per seed from `seed` on. */
export function bootstrappedSets(
  k: number,
  sets: number,
  seed: number,
): { readonly name: string; readonly patch: Partial<LlmClassifierParams> }[] {
  return Array.from({ length: sets }, (_, s) => ({
    name: `bootstrapped few-shot set ${s + 1} (k=${k}, random_state=${seed + s})`,
    patch: { few_shot_k: k, few_shot_selection: 'bootstrapped' as const, random_state: seed + s },
  }));
}
