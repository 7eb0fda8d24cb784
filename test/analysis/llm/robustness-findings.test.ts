import { describe, expect, it } from 'vitest';
import { robustnessFindings } from '../../../src/analysis/llm/robustness/robustness-findings.js';
import { findingRecordSchema, isVerifiedGain } from '../../../src/core/finding-record.js';
import { reviewDataset } from '../llm-reviews.js';

const { features, labels } = reviewDataset();
const notSampled = { ran: false as const, reason: 'one sample per row asked' };
const findingsOf = (spreads: ReturnType<typeof spread>[], familyRows: () => number[]) =>
  robustnessFindings({ spreads, variants: [], sampling: notSampled, familyRows, X: features, y: labels });
const spread = (best: string, gainLow: number, spreadLow: number) => ({
  family: 'format' as const,
  best,
  worst: "separator '|'",
  spread: { estimate: 0.3, low: spreadLow, high: 0.45 },
  gainOverBaseline: { estimate: 0.1, low: gainLow, high: 0.2 },
  sensitive: spreadLow > 0,
});

describe('robustness findings', () => {
  it('recommends the best variant only when its paired gain over the prompt as configured is verified', () => {
    const [verified] = findingsOf([spread('terse answer instruction', 0.02, 0.1)], () => [3, 4]);
    expect(findingRecordSchema.parse(verified)).toEqual(verified);
    expect(verified.impact).toEqual({
      metric: 'accuracy',
      gain: 0.1,
      ciLow: 0.02,
      ciHigh: 0.2,
      verified: true,
    });
    expect(verified.suggestion).toContain('switch to "terse answer instruction"');
    expect(verified.rows).toEqual([3, 4]);

    const [unverified] = findingsOf([spread('terse answer instruction', -0.01, 0.1)], () => []);
    expect(unverified.impact?.verified).toBe(isVerifiedGain(-0.01));
    expect(unverified.impact?.verified).toBe(false);
    expect(unverified.suggestion).not.toContain('switch to');
  });

  it('reports nothing for a family whose spread interval reaches 0', () => {
    expect(findingsOf([spread('terse answer instruction', 0.02, 0)], () => [1])).toEqual([]);
  });

  it('flags unstable answers only when the share of disagreeing rows has its interval above 0', () => {
    const sampled = (low: number) => ({
      ran: true as const,
      samples: 3,
      temperature: 0.7,
      flipRate: { estimate: 0.1, low, high: 0.2 },
      passAllK: { estimate: 0.8, low: 0.7, high: 0.9 },
      passAnyK: { estimate: 0.95, low: 0.9, high: 1 },
      unstableRows: [{ row: 7, truth: 'pos', answers: ['pos', 'neg', 'pos'], disagreement: 1 / 3 }],
      usage: { calls: 0, cacheHits: 0, errors: 0, promptTokens: 0, completionTokens: 0, costUsd: undefined },
    });
    const input = { spreads: [], variants: [], familyRows: () => [], X: features, y: labels };
    const [unstable] = robustnessFindings({ ...input, sampling: sampled(0.05) });
    expect(findingRecordSchema.parse(unstable)).toEqual(unstable);
    expect(unstable).toMatchObject({ code: 'llm_unstable_answers', rows: [7], columns: [] });
    expect(unstable.impact).toBeUndefined();
    expect(robustnessFindings({ ...input, sampling: sampled(0) })).toEqual([]);
  });
});
