import { describe, expect, it } from 'vitest';
import { formatRunList } from '../../../src/cli/format/runs-text.js';
import type { RunRecord } from '../../../src/store/index.js';

const run = (id: string, kind: RunRecord['kind'], summary?: Record<string, unknown>): RunRecord => ({
  id,
  kind,
  status: 'done',
  config: {},
  summary,
  createdAt: '2026-11-26T12:00:00.000Z',
  updatedAt: '2026-11-26T12:00:01.000Z',
  trialCount: 0,
});

describe('formatRunList', () => {
  it("shows a search's best score, a run's best score with its metric, and a dash without one", () => {
    const text = formatRunList(
      [
        run('s1', 'search', { best_score: 0.91234 }),
        run('r1', 'run', { bestScore: 0.96661, metric: 'f1_weighted' }),
        run('c1', 'curve'),
      ],
      'runs.db',
    );
    const lines = text.trim().split('\n');
    expect(lines.find((line) => line.startsWith('s1'))).toContain('0.9123');
    expect(lines.find((line) => line.startsWith('r1'))).toContain('0.9666 f1_weighted');
    expect(lines.find((line) => line.startsWith('c1'))).toMatch(/\s-\s/);
  });
});
