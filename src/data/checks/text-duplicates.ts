import { type DataCheck, findingOf } from './check.js';
import { count, percent } from './finding.js';
import { MAX_CANDIDATES, nearDuplicatePairs } from './near-duplicates.js';
import { normalisedTextSql } from './text-normalise.js';

/**
 * Text columns: texts equal after normalisation (case, punctuation, spacing), and near-duplicates
 * (MinHash): copies inflate the test score when they land on both sides of a split.
 */
export const textDuplicates: DataCheck = {
  id: 'text_duplicates',
  title: 'Duplicate and near-duplicate texts',
  severity: 'medium',
  async run({ session, train, features, thresholds }) {
    const findings = [];
    for (const column of features) {
      if (column.kind !== 'text') continue;
      const norm = normalisedTextSql(column.sql);
      await session.run(`CREATE OR REPLACE TEMP TABLE md_norm AS
        SELECT ${norm} AS text, count(*) AS n, min(rowid) AS id, list(rowid + 1 ORDER BY rowid)[1:5] AS rows
        FROM ${train.table} WHERE ${column.sql} IS NOT NULL GROUP BY 1`);
      const [[extra, groups]] = await session.rows(
        'SELECT coalesce(sum(n - 1), 0)::DOUBLE, count(*) FILTER (WHERE n > 1)::DOUBLE FROM md_norm',
      );
      if (Number(extra) > 0) {
        const sample = await session.rows(
          `SELECT rows FROM md_norm WHERE n > 1 ORDER BY id LIMIT ${thresholds.examples}`,
        );
        findings.push(
          findingOf(this, {
            status: 'warn',
            column: column.name,
            message: `${count(Number(extra))} texts (${percent(Number(extra), train.rows)}) repeat an earlier text after normalising case, punctuation and spacing`,
            evidence: {
              duplicates: Number(extra),
              groups: Number(groups),
              examples: sample.map(([rows]) => ({ rows: (rows as (number | string)[]).map(Number) })),
            },
          }),
        );
      }
      const near = await nearDuplicatePairs(
        session,
        'SELECT id, text FROM md_norm',
        thresholds.nearDuplicateSimilarity,
        thresholds.examples,
      );
      if (near.pairs > 0) {
        findings.push(
          findingOf(this, {
            status: 'warn',
            column: column.name,
            message: `${near.capped ? 'at least ' : ''}${count(near.pairs)} pairs of texts (${count(near.rows)} rows) are near-duplicates (MinHash similarity ≥ ${thresholds.nearDuplicateSimilarity})${near.capped ? `: only the first ${count(MAX_CANDIDATES)} candidate pairs were verified` : ''}`,
            evidence: {
              pairs: near.pairs,
              rows: near.rows,
              examples: near.examples,
              ...(near.capped ? { capped: true } : {}),
            },
          }),
        );
      }
    }
    if (findings.length > 0) return findings;
    const none = features.some((column) => column.kind === 'text') ? 'no duplicate texts' : 'no text columns';
    return [findingOf(this, { status: 'pass', message: none, evidence: {} })];
  },
};
