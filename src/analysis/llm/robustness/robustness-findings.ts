import type { Features } from '../../../core/features.js';
import { type FindingRecord, isVerifiedGain } from '../../../core/finding-record.js';
import type { Labels } from '../../../core/labels.js';
import type { VariantFamily } from './prompt-variants.js';
import type { RepeatedSampling } from './repeated-sampling.js';
import type { FamilySpread, VariantResult } from './robustness-check.js';

const WHAT: Record<VariantFamily, string> = {
  format: 'the template format',
  labels: 'the label list (its order and the words that name the classes)',
  input: 'small edits of the input text',
};

const points = (value: number): string => (100 * value).toFixed(1);

export interface RobustnessFindingsInput {
  readonly spreads: readonly FamilySpread[];
  readonly variants: readonly VariantResult[];
  readonly sampling: RepeatedSampling;
  /** The rows (0-based, of the data) whose label changes under some variant of the family. */
  readonly familyRows: (family: VariantFamily) => number[];
  readonly X: Features;
  readonly y: Labels;
}

/**
 * One finding per family whose spread's 95 % interval (measured on the half the pick did not see)
 * excludes 0: `llm_format_sensitive` for the prompt's format and label list, `llm_perturbation_sensitive`
 * for edits of the input text. When the best variant is not the user's prompt, its paired gain over the
 * prompt is the impact, and a recommendation only when that gain's lower bound is above 0. Plus
 * `llm_unstable_answers` when the share of rows whose repeated answers disagree is above 0.
 */
export function robustnessFindings(input: RobustnessFindingsInput): FindingRecord[] {
  const { X, y } = input;
  const findings: FindingRecord[] = input.spreads
    .filter((spread) => spread.sensitive)
    .map((spread) => {
      const { family, best, worst } = spread;
      const interval = `${points(spread.spread.low)} to ${points(spread.spread.high)}`;
      const gain = spread.gainOverBaseline;
      const bestIsBaseline = best === 'as configured';
      const verified = !bestIsBaseline && isVerifiedGain(gain.low);
      const words = input.variants.find((variant) => variant.name === best)?.labelWords;
      const switchTo = words
        ? `name the classes ${y.classes.map((name, k) => `"${name}" → "${words[k]}"`).join(', ')} in the prompt (relabel the training rows, map the answers back)`
        : `switch to "${best}"`;
      const suggestion =
        family === 'input'
          ? 'normalise the input text (case, spacing, punctuation) before the model, or train on / show examples of such text; report accuracy over variants, not one'
          : bestIsBaseline
            ? `keep the prompt as configured ("${worst}" loses ${points(spread.spread.estimate)} points), and re-run robust after any edit of the template or label list`
            : verified
              ? `${switchTo} (a verified gain of ${points(gain.estimate)} points over the prompt as configured) and re-run robust`
              : `"${best}" scored best, but its gain over the prompt as configured is not verified: measure on more rows before switching, and report accuracy over variants, not one`;
      return {
        code:
          family === 'input' ? ('llm_perturbation_sensitive' as const) : ('llm_format_sensitive' as const),
        level: 'warn' as const,
        message: `accuracy depends on ${WHAT[family]}: "${best}" beats "${worst}" by ${points(spread.spread.estimate)} points on rows the pick did not see (95 % CI ${interval})`,
        suggestion,
        columns:
          family === 'input'
            ? X.columns.filter((column) => column.kind === 'text').map((column) => column.name)
            : [],
        rows: input.familyRows(family),
        ...(bestIsBaseline
          ? {}
          : {
              impact: {
                metric: 'accuracy',
                gain: gain.estimate,
                ciLow: gain.low,
                ciHigh: gain.high,
                verified,
              },
            }),
      };
    });
  const { sampling } = input;
  if (sampling.ran && sampling.flipRate.low > 0) {
    findings.push({
      code: 'llm_unstable_answers',
      level: 'warn',
      message: `asked ${sampling.samples} times at temperature ${sampling.temperature}, ${points(sampling.flipRate.estimate)} % of rows get different labels (95 % CI ${points(sampling.flipRate.low)} to ${points(sampling.flipRate.high)}); every answer right on ${points(sampling.passAllK.estimate)} %, some answer right on ${points(sampling.passAnyK.estimate)} %`,
      suggestion:
        'set temperature 0 for one fixed answer, or take the majority of several answers (samples > 1); report pass^k, not one run',
      columns: [],
      rows: sampling.unstableRows.map((row) => row.row),
    });
  }
  return findings;
}
