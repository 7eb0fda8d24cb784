import { describe, expect, it } from 'vitest';
import { formatGain, formatPoints } from '../../../src/analysis/index.js';

describe('formatPoints: a metric change in percentage points', () => {
  it('signs every change and keeps one decimal from 0.05 pp up', () => {
    expect(formatPoints(0.031)).toBe('+3.1 pp');
    expect(formatPoints(-0.004)).toBe('-0.4 pp');
    expect(formatPoints(0.1)).toBe('+10.0 pp');
  });

  it('never prints "0.0 pp" or "-0.0 pp" for a tiny change (issue 14, "raised f1 by 0.0 pp")', () => {
    for (const change of [1e-4, -1e-4, 3e-5, -4.9e-4, 4.9e-4, 1e-9, -1e-9]) {
      const text = formatPoints(change);
      expect(text).not.toMatch(/^[+-]?0\.0 pp$/);
      expect(text).not.toMatch(/-0\.0 pp/);
      // The sign survives and the number reads back to the change within its precision.
      expect(text.startsWith(change > 0 ? '+' : '-')).toBe(true);
      const readBack = Number(text.replace(' pp', '')) / 100;
      expect(Math.abs(readBack - change)).toBeLessThanOrEqual(Math.abs(change) * 0.2);
    }
    expect(formatPoints(0)).toBe('±0 pp');
    expect(formatPoints(-0)).toBe('±0 pp');
  });

  it('formats a paired gain with its interval', () => {
    expect(formatGain({ mean: 0.021, low: -0.0004, high: 0.05 })).toBe('+2.1 pp (95 % CI -0.04 to +5.0 pp)');
  });
});
