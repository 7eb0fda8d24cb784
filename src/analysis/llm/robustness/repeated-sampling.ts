import type { Features } from '../../../core/features.js';
import type { Labels } from '../../../core/labels.js';
import type { RunSummary } from '../../../llm/engine/run-progress.js';
import type { LlmClassifier } from '../../../models/llm-classifier/llm-classifier.js';
import type { Fold } from '../../../splits/fold.js';
import { llmOutOfFold } from '../llm-out-of-fold.js';
import { bootstrapRate, type Interval } from './paired-variant-bootstrap.js';

/** A row whose repeated answers disagree, with every answer in sample order (null: no label). */
export interface UnstableRow {
  readonly row: number;
  readonly truth: string;
  readonly answers: readonly (string | null)[];
  /** Share of the answers that differ from the row's most frequent one (0 for a stable row). */
  readonly disagreement: number;
}

export type RepeatedSampling =
  | { readonly ran: false; readonly reason: string }
  | {
      readonly ran: true;
      readonly samples: number;
      readonly temperature: number;
      /** Share of rows whose answers are not all the same label. */
      readonly flipRate: Interval;
      /** Share of rows whose every answer is right (pass^k: right on all k tries, not on any one). */
      readonly passAllK: Interval;
      /** Share of rows with at least one right answer (pass@k). */
      readonly passAnyK: Interval;
      readonly unstableRows: readonly UnstableRow[];
      readonly usage: RunSummary;
    };

export interface RepeatedSamplingOptions {
  readonly folds: readonly Fold[];
  readonly samples: number;
  readonly seed: number;
  readonly nBoot?: number;
  readonly signal?: AbortSignal;
}

/**
 * Asks for `samples` answers per row at the classifier's own temperature (each sample its own seed) and
 * measures how often a row's answers disagree. At temperature 0 the answers are meant to be fixed, so
 * the calls are not spent: the result says it was skipped and why.
 */
export async function repeatedSampling(
  model: LlmClassifier,
  X: Features,
  y: Labels,
  options: RepeatedSamplingOptions,
): Promise<RepeatedSampling> {
  const { samples } = options;
  const temperature = model.params.temperature;
  if (samples < 2) return { ran: false, reason: 'one sample per row asked' };
  if (temperature === 0) {
    return { ran: false, reason: 'temperature 0: answers are meant to repeat; set temperature to measure' };
  }
  const run = await llmOutOfFold(model.withParams({ samples }), X, y, options.folds, options.signal);
  const n = y.codes.length;
  const unstable = new Uint8Array(n);
  const allRight = new Uint8Array(n);
  const anyRight = new Uint8Array(n);
  const unstableRows: UnstableRow[] = [];
  for (let row = 0; row < n; row++) {
    const answers = run.sampleLabels.subarray(row * samples, (row + 1) * samples);
    unstable[row] = answers.some((code) => code !== answers[0]) ? 1 : 0;
    allRight[row] = answers.every((code) => code === y.codes[row]) ? 1 : 0;
    anyRight[row] = answers.some((code) => code === y.codes[row]) ? 1 : 0;
    if (unstable[row]) {
      unstableRows.push({
        row,
        truth: y.classes[y.codes[row]],
        answers: Array.from(answers, (code) => (code < 0 ? null : y.classes[code])),
        disagreement: 1 - modeCount(answers) / samples,
      });
    }
  }
  const bootstrap = { nBoot: options.nBoot, seed: options.seed };
  return {
    ran: true,
    samples,
    temperature,
    flipRate: bootstrapRate(unstable, bootstrap),
    passAllK: bootstrapRate(allRight, bootstrap),
    passAnyK: bootstrapRate(anyRight, bootstrap),
    unstableRows,
    usage: run.usage,
  };
}

/** How many times the most frequent value occurs (no label, -1, counts as a value of its own). */
function modeCount(values: Int32Array): number {
  let best = 0;
  for (const value of values) {
    let count = 0;
    for (const other of values) if (other === value) count++;
    best = Math.max(best, count);
  }
  return best;
}
