import type { DuckSession } from '../duck/duck-session.js';

const HASHES = 16;
const ROWS_PER_BAND = 2;
const SHINGLE = 5;
/** Candidate pairs beyond this are not verified: the column is then mostly near-duplicates anyway. */
export const MAX_CANDIDATES = 2_000_000;

export interface NearDuplicatePairs {
  readonly pairs: number;
  readonly rows: number;
  /** More candidate pairs than `maxCandidates`: only the first (by row) were verified, `pairs` is a floor. */
  readonly capped: boolean;
  /** 1-based row pairs with their estimated Jaccard similarity, most similar first. */
  readonly examples: readonly { readonly rows: readonly number[]; readonly similarity: number }[];
}

/**
 * Near-duplicate texts by MinHash over character 5-gram shingles, in SQL: 16 min-hashes per text, LSH
 * bands of 2 propose candidate pairs, and pairs whose min-hashes agree on at least `similarity` of the
 * 16 are kept (the agreement rate estimates the Jaccard similarity of the shingle sets).
 *
 * `docsSql` yields (id, text) with one row per distinct normalised text (exact duplicates are reported
 * separately).
 */
export async function nearDuplicatePairs(
  session: DuckSession,
  docsSql: string,
  similarity: number,
  examples: number,
  maxCandidates = MAX_CANDIDATES,
): Promise<NearDuplicatePairs> {
  await session.run(`CREATE OR REPLACE TEMP TABLE md_shingles AS
    SELECT DISTINCT id, hash(substr(text, i + 1, ${SHINGLE})) AS h
    FROM (SELECT id, text, unnest(range(greatest(length(text) - ${SHINGLE} + 1, 1))) AS i FROM (${docsSql}))`);
  await session.run(`CREATE OR REPLACE TEMP TABLE md_minhash AS
    SELECT id, k, min(hash(h, k)) AS m FROM md_shingles, range(${HASHES}) seeds(k) GROUP BY id, k`);
  await session.run(`CREATE OR REPLACE TEMP TABLE md_bands AS
    SELECT id, k // ${ROWS_PER_BAND} AS band, hash(list(m ORDER BY k)) AS signature
    FROM md_minhash GROUP BY id, band`);
  // Ordered before the cut, so that a capped column gives the same pairs on every run (a LIMIT alone keeps
  // whichever pairs the parallel join emits first); one pair past the cap tells that there were more.
  await session.run(`CREATE OR REPLACE TEMP TABLE md_candidates AS
    SELECT DISTINCT a.id AS a, b.id AS b FROM md_bands a JOIN md_bands b
      ON a.band = b.band AND a.signature = b.signature AND a.id < b.id
    ORDER BY a, b LIMIT ${maxCandidates + 1}`);
  const [[candidates]] = await session.rows('SELECT count(*)::DOUBLE FROM md_candidates');
  await session.run(`CREATE OR REPLACE TEMP TABLE md_near AS
    SELECT c.a, c.b, avg((x.m = y.m)::DOUBLE) AS similarity
    FROM (FROM md_candidates ORDER BY a, b LIMIT ${maxCandidates}) c JOIN md_minhash x ON x.id = c.a JOIN md_minhash y ON y.id = c.b AND y.k = x.k
    GROUP BY c.a, c.b HAVING avg((x.m = y.m)::DOUBLE) >= ${similarity}`);
  const [[pairs, rows]] = await session.rows(`SELECT count(*)::DOUBLE,
    (SELECT count(*)::DOUBLE FROM (SELECT a FROM md_near UNION SELECT b FROM md_near)) FROM md_near`);
  const sample = await session.rows(
    `SELECT a + 1, b + 1, similarity FROM md_near ORDER BY similarity DESC, a, b LIMIT ${examples}`,
  );
  return {
    pairs: Number(pairs),
    rows: Number(rows),
    capped: Number(candidates) > maxCandidates,
    examples: sample.map(([a, b, s]) => ({ rows: [Number(a), Number(b)], similarity: Number(s) })),
  };
}
