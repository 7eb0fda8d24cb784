import { describe, expect, it } from 'vitest';
import { isModeldebugError } from '../../src/core/errors.js';
import { checkThresholds, parseThreshold } from '../../src/workflow/index.js';

describe('CI thresholds', () => {
  const metrics = { accuracy: 0.91, f1_weighted: 0.884, log_loss: 0.3 };

  it('passes at or above the minimum and fails below it with a reason', () => {
    const results = checkThresholds({ accuracy: 0.91, f1_weighted: 0.9 }, metrics, 'thresholds');
    expect(results.map((r) => r.passed)).toEqual([true, false]);
    expect(results[1].reason).toBe('f1_weighted 0.8840 is below the threshold 0.9');
  });

  it('fails on a metric the run did not compute, naming the known ones', () => {
    const [result] = checkThresholds({ f2: 0.5 }, metrics, 'thresholds');
    expect(result.passed).toBe(false);
    expect(result.reason).toContain('known: accuracy, f1_weighted, log_loss');
  });

  it('refuses a minimum on a lower-is-better metric', () => {
    expect(() => checkThresholds({ log_loss: 0.5 }, metrics, '--fail-under')).toThrow(/lower-is-better/);
  });

  it('reads metric=value and rejects anything else', () => {
    expect(parseThreshold('f1_weighted=0.9')).toEqual(['f1_weighted', 0.9]);
    for (const bad of ['f1_weighted', '=0.9', 'f1=', 'f1=high']) {
      try {
        parseThreshold(bad);
        throw new Error(`accepted ${bad}`);
      } catch (error) {
        expect(isModeldebugError(error) && error.where).toBe('--fail-under');
      }
    }
  });
});
