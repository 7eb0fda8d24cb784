import { type FindingImpact, isVerifiedGain } from '../../core/finding-record.js';

/** A paired gain (new − current, per fold) as a finding's impact; verified only when its 95 % lower bound is above zero. */
export function impactOf(
  metric: string,
  gain: { readonly mean: number; readonly low: number; readonly high: number },
): FindingImpact {
  return { metric, gain: gain.mean, ciLow: gain.low, ciHigh: gain.high, verified: isVerifiedGain(gain.low) };
}
