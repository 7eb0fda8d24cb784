import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseModelSpec } from '../../../src/catalog/index.js';
import { byExpectedGain } from '../../../src/workflow/fix/expected-gain.js';
import { type Candidate, type FixState, prepareFixData, runFix } from '../../../src/workflow/fix/index.js';
import { fixturePath } from '../../helpers/fixtures.js';

const state: FixState = { droppedRows: [], droppedColumns: [], steps: parseModelSpec('logreg') };

/** A candidate whose state names it, so a planted screen can score it. */
function candidate(name: string, extra: Partial<Candidate> = {}): Candidate {
  return {
    code: 'better_model',
    remedy: 'model',
    description: name,
    columns: [],
    rows: [],
    apply: (current) => ({ ...current, steps: parseModelSpec(name) }),
    ...extra,
  };
}

describe('byExpectedGain', () => {
  // Planted first-fold scores: the current state scores 0.80 on that fold.
  const firstFold: Record<string, number> = { gnb: 0.78, tree: 0.9, knn: 0.85 };
  const screened: string[] = [];
  const scorer = {
    screen: async (next: FixState) => {
      screened.push(next.steps[0].name);
      return firstFold[next.steps[0].name];
    },
  };

  it('puts rule drops first, then the largest first-fold gain, unscreenable candidates last', async () => {
    screened.length = 0;
    const ordered = await byExpectedGain(
      [
        candidate('gnb'),
        candidate('tree'),
        candidate('forest', { scores: async () => [1] }),
        candidate('knn'),
        candidate('dummy', { keptByRule: 'a rule' }),
        candidate('svc', { expectedGain: 0.07 }),
      ],
      state,
      0.8,
      scorer,
      Number.POSITIVE_INFINITY,
    );
    expect(ordered.map((entry) => entry.candidate.description)).toEqual([
      'dummy',
      'tree',
      'svc',
      'knn',
      'gnb',
      'forest',
    ]);
    expect(ordered.map((entry) => entry.expectedGain?.toFixed(2) ?? null)).toEqual([
      null,
      '0.10',
      '0.07',
      '0.05',
      '-0.02',
      null,
    ]);
    // The stage's own estimate and the rule need no screen.
    expect(screened).toEqual(['gnb', 'tree', 'knn']);
  });

  it('screens nothing once the deadline has passed, and keeps the stage order', async () => {
    screened.length = 0;
    const ordered = await byExpectedGain([candidate('gnb'), candidate('tree')], state, 0.8, scorer, 0);
    expect(ordered.map((entry) => [entry.candidate.description, entry.expectedGain])).toEqual([
      ['gnb', null],
      ['tree', null],
    ]);
    expect(screened).toEqual([]);
  });
});

function cleanData() {
  const dir = fixturePath('fix');
  return prepareFixData({
    train: join(dir, 'clean_train.csv'),
    test: join(dir, 'clean_test.csv'),
    label: 'y',
    testSize: 0.2,
    seed: 0,
  });
}

describe('fix orders each stage by expected gain', () => {
  it('tries the other models most promising first (by their first-fold gain)', async () => {
    const data = await cleanData();
    const result = await runFix(data, parseModelSpec('gnb'), {
      metric: 'accuracy',
      cv: 5,
      seed: 0,
      nBoot: 50,
      remedies: ['model'],
    });
    const expected = result.changes.map((change) => change.expectedGain);
    expect(expected.length).toBeGreaterThan(1);
    for (const gain of expected) expect(gain).not.toBeNull();
    const sorted = [...expected].sort((a, b) => (b ?? 0) - (a ?? 0));
    expect(expected).toEqual(sorted);
  }, 120_000);
});
