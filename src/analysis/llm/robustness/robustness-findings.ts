import type { Features } from '../../../core/features.js';
import { type FindingRecord, isVerifiedGain } from '../../../core/finding-record.js';
import type { VariantFamily } from './prompt-variants.js';
import type { FamilySpread } from './robustness-check.js';

const WHAT: Record<VariantFamily, string> = {
  format: 'the template format',
  labels: 'the label list',
  input: 'small edits of the input text',
};

const points = (value: number): string => (100 * value).toFixed(1);

/**
 * One `llm_format_sensitive` finding per family whose spread's 95 % interval excludes 0. When the best
 * variant is not the user's prompt, the paired gain over it is the impact; it is a recommendation only
 * when that gain's lower bound is above 0.
 */
export function robustnessFindings(
  spreads: readonly FamilySpread[],
  flippedRowsOf: (family: VariantFamily) => number[],
  X: Features,
): FindingRecord[] {
  return spreads
    .filter((spread) => spread.sensitive)
    .map((spread) => {
      const { family, best, worst } = spread;
      const interval = `${points(spread.spread.low)} to ${points(spread.spread.high)}`;
      const gain = spread.gainOverBaseline;
      const bestIsBaseline = best === 'as configured';
      const verified = !bestIsBaseline && isVerifiedGain(gain.low);
      const columns =
        family === 'input'
          ? X.columns.filter((column) => column.kind === 'text').map((column) => column.name)
          : [];
      const suggestion =
        family === 'input'
          ? 'normalise the input text (case, spacing, punctuation) before the prompt, or add examples with such text; report accuracy over variants, not one'
          : bestIsBaseline
            ? `keep the prompt as configured ("${worst}" loses ${points(spread.spread.estimate)} points), and re-run robust after any edit of the template or label list`
            : verified
              ? `switch to "${best}" (a verified gain of ${points(gain.estimate)} points over the prompt as configured) and re-run robust`
              : `"${best}" scored best, but its gain over the prompt as configured is not verified: measure on more rows before switching, and report accuracy over variants, not one`;
      return {
        code: 'llm_format_sensitive' as const,
        level: 'warn' as const,
        message: `accuracy depends on ${WHAT[family]}: "${best}" beats "${worst}" by ${points(spread.spread.estimate)} points (95 % CI ${interval})`,
        suggestion,
        columns,
        rows: flippedRowsOf(family),
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
}
