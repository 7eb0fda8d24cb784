import { describe, expect, it } from 'vitest';
import { nearDuplicatePairs } from '../../src/data/checks/near-duplicates.js';
import { withDuckSession } from '../../src/data/duck/duck-session.js';

const BASE =
  'the delivery was fast and the product works exactly as described, I would happily order from this shop again and recommend it to friends';

/**
 * 60 texts that differ only in a short suffix: every one of the 1,770 pairs is a near-duplicate
 * (Jaccard of the 5-gram shingles about 0.95), so a cap of 100 candidates must keep exactly the first
 * 100 pairs in row order: id 0 with each of the 59 others, then id 1 with ids 2 to 42.
 */
async function cappedPairs(maxCandidates: number) {
  return withDuckSession(async (session) => {
    await session.run(`CREATE TABLE docs AS
      SELECT i AS id, '${BASE} (order ' || i || ')' AS text FROM range(60) t(i)`);
    return nearDuplicatePairs(session, 'SELECT id, text FROM docs', 0.8, 200, maxCandidates);
  });
}

describe('near-duplicate texts', () => {
  it('verifies the first candidate pairs in row order when there are too many, the same on every run', async () => {
    const first = await cappedPairs(100);
    expect(first.capped).toBe(true);
    expect(first.pairs).toBe(100);
    // Pairs (0, 1..59) cover all 60 texts; the remaining 41 pairs all start at id 1.
    expect(first.rows).toBe(60);
    expect(new Set(first.examples.map((example) => example.rows[0]))).toEqual(new Set([1, 2]));
    expect(
      first.examples
        .filter((example) => example.rows[0] === 2)
        .map((example) => example.rows[1])
        .sort((a, b) => a - b),
    ).toEqual(Array.from({ length: 41 }, (_, k) => k + 3));
    expect(await cappedPairs(100)).toEqual(first);
  });

  it('is not capped when every candidate fits', async () => {
    const all = await cappedPairs(10_000);
    expect(all.capped).toBe(false);
    expect(all.pairs).toBe(1770);
  });
});
