/**
 * A change in a [0, 1] metric as signed percentage points: "+3.1 pp", "-0.4 pp". Changes below
 * 0.05 pp keep one significant digit ("+0.03 pp") so that a real but tiny change never reads as
 * "0.0 pp", and a rounding sign never gives "-0.0 pp"; exactly no change is "±0 pp".
 */
export function formatPoints(change: number): string {
  if (!Number.isFinite(change)) return 'n/a';
  const points = change * 100;
  if (points === 0) return '±0 pp';
  const size = Math.abs(points);
  const digits = size < 0.05 ? size.toPrecision(1) : size.toFixed(1);
  return `${points > 0 ? '+' : '-'}${digits} pp`;
}

/** A paired gain with its 95 % interval: "+3.1 pp (95 % CI +1.0 to +5.2 pp)". */
export function formatGain(gain: {
  readonly mean: number;
  readonly low: number;
  readonly high: number;
}): string {
  return `${formatPoints(gain.mean)} (95 % CI ${formatPoints(gain.low).replace(/ pp$/, '')} to ${formatPoints(gain.high)})`;
}
