import { describe, expect, it } from 'vitest';
import type { RunFinding } from '../../src/workflow/index.js';
import { rankFindings } from '../../src/workflow/rank-findings.js';

const finding = (code: RunFinding['code'], level: RunFinding['level'], stake?: number): RunFinding => ({
  section: 'data-validation',
  code,
  level,
  message: code,
  suggestion: '',
  columns: [],
  rows: [],
  ...(stake === undefined ? {} : { stake }),
});

describe('rankFindings: by the metric points at stake (issue 14: outlier warnings on top)', () => {
  it('puts failures first, then points at stake, then warnings, then the rest; stable in ties', () => {
    const ranked = rankFindings([
      finding('outliers', 'info'),
      finding('duplicate_rows', 'warn'),
      finding('confusion_pair', 'warn', 0.02),
      finding('tuning_gain', 'info', 0.05),
      finding('target_leak', 'fail'),
      finding('missing_values', 'warn'),
      finding('label_errors', 'warn', 0.02),
    ]);
    expect(ranked.map((f) => f.code)).toEqual([
      'target_leak',
      'tuning_gain',
      'confusion_pair',
      'label_errors',
      'duplicate_rows',
      'missing_values',
      'outliers',
    ]);
  });
});
