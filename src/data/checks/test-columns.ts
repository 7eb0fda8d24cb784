import type { StagedColumn, StagedTable } from '../duck/stage-table.js';

/** A training feature and the test column of the same name, with SQL that compares them as one type. */
export interface ColumnPair {
  readonly name: string;
  readonly train: StagedColumn;
  readonly test: StagedColumn;
  /** Expressions of the same SQL type on either side (text when the two files typed them differently). */
  readonly trainSql: string;
  readonly testSql: string;
}

export function pairColumns(features: readonly StagedColumn[], test: StagedTable): ColumnPair[] {
  const byName = new Map(test.columns.map((column) => [column.name, column]));
  return features.flatMap((train) => {
    const other = byName.get(train.name);
    if (!other) return [];
    const same = (train.kind === 'numeric') === (other.kind === 'numeric');
    return [
      {
        name: train.name,
        train,
        test: other,
        trainSql: same ? `tr.${train.sql}` : `CAST(tr.${train.sql} AS VARCHAR)`,
        testSql: same ? `te.${other.sql}` : `CAST(te.${other.sql} AS VARCHAR)`,
      },
    ];
  });
}
