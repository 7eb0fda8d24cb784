import type { StagedColumn } from '../duck/stage-table.js';
import { type DataCheck, findingOf } from './check.js';
import type { ColumnStats } from './column-stats.js';

const BINS = 10;
const MAX_LEVELS = 100;

/**
 * A single feature that predicts the label almost perfectly is usually a leak (the label in disguise,
 * or something known only after the fact). Score: the accuracy of predicting each bin's majority
 * label — 10 equal-width bins between the 1st and 99th percentile for numbers, one bin per category —
 * normalised so that 0 is the majority-class rate and 1 is perfect.
 */
export const labelLeak: DataCheck = {
  id: 'label_leak',
  title: 'Single-feature leak suspects',
  severity: 'high',
  needs: ['label'],
  async run(context) {
    const { session, train, label, thresholds } = context;
    if (!label) return [];
    const stats = await context.stats();
    const [[majority]] = await session.rows(
      `SELECT max(n)::DOUBLE FROM (SELECT count(*) AS n FROM ${train.table} GROUP BY ${label.sql})`,
    );
    const baseline = Number(majority) / train.rows;
    if (baseline === 1) return [];
    const findings = [];
    for (const column of context.features) {
      const bin = binExpression(column, stats.get(column.name)!);
      if (!bin) continue;
      const [[correct]] = await session.rows(`SELECT sum(best)::DOUBLE FROM (
          SELECT max(n) AS best FROM (
            SELECT ${bin} AS bin, ${label.sql}, count(*) AS n FROM ${train.table} GROUP BY ALL)
          GROUP BY bin)`);
      const accuracy = Number(correct) / train.rows;
      const score = (accuracy - baseline) / (1 - baseline);
      if (score < thresholds.leakWarnScore) continue;
      findings.push(
        findingOf(this, {
          status: score >= thresholds.leakFailScore ? 'fail' : 'warn',
          column: column.name,
          message: `alone predicts the label with ${(100 * accuracy).toFixed(1)}% accuracy (majority class: ${(100 * baseline).toFixed(1)}%) — check that it is known before the label`,
          evidence: { accuracy, baseline, score },
        }),
      );
    }
    if (findings.length > 0) return findings;
    return [
      findingOf(this, {
        status: 'pass',
        message: 'no single feature predicts the label almost perfectly',
        evidence: {},
      }),
    ];
  },
};

/** The bin of a row for this column, as SQL; undefined when the column cannot be binned meaningfully. */
function binExpression(column: StagedColumn, stats: ColumnStats): string | undefined {
  if (column.kind === 'numeric' && stats.numeric) {
    const { p01, p99 } = stats.numeric;
    // Bins must average 10+ rows, or any column "predicts" the label of its few rows per bin.
    if (stats.approxDistinct <= BINS || p99 === p01) {
      return stats.present >= 10 * stats.approxDistinct ? column.sql : undefined;
    }
    if (!Number.isFinite(p01) || !Number.isFinite(p99) || stats.present < 10 * BINS) return undefined;
    const width = (p99 - p01) / BINS;
    // A small integer key lets DuckDB count in a direct-indexed table instead of hashing doubles.
    return `least(greatest(floor((${column.sql} - ${p01}) / ${width}), 0), ${BINS - 1})::TINYINT`;
  }
  // One bin per category, under the same 10-rows-per-bin rule.
  const levelsAllowed = Math.min(MAX_LEVELS, stats.present / 10);
  if (column.kind === 'categorical' && stats.approxDistinct <= levelsAllowed) return column.sql;
  return undefined;
}
