import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FINDING_CODES, findingRecordSchema } from '../../src/core/finding-record.js';
import {
  DATA_CHECKS,
  dataCheckCode,
  dataFindingRecord,
  type Finding,
  groupedDataFindingRecords,
} from '../../src/data/index.js';
import { runValidateStep } from '../../src/workflow/steps/validate-step.js';
import { useTempDir } from '../helpers/use-temp-dir.js';

const tempDir = useTempDir();

const finding = (fields: Partial<Finding>): Finding => ({
  check: 'missing_values',
  title: 'Missing values',
  severity: 'medium',
  status: 'warn',
  message: '3 of 10 cells (30.0%) are missing',
  evidence: {},
  ...fields,
});

describe('data check findings as finding records', () => {
  it('gives every registered check a code of its own (never the fallback)', () => {
    const explicit: Record<string, string> = {
      mixed_nulls: 'missing_values',
      id_like_column: 'id_column',
      label_leak: 'target_leak',
      class_balance: 'class_imbalance',
    };
    for (const check of DATA_CHECKS) {
      const code = dataCheckCode(check.id);
      expect(FINDING_CODES).toContain(code);
      expect(code).toBe(explicit[check.id] ?? check.id);
    }
  });

  it("turns the evidence's 1-based example rows into 0-based rows, test rows apart", () => {
    const duplicates = dataFindingRecord(
      finding({ check: 'duplicate_rows', evidence: { examples: [{ rows: [3, 7] }, { rows: [10] }] } }),
    );
    expect(duplicates).toMatchObject({ code: 'duplicate_rows', rows: [2, 6, 9], columns: [] });
    expect(findingRecordSchema.parse(duplicates)).toEqual(duplicates);
    const overlap = dataFindingRecord(
      finding({ check: 'train_test_overlap', status: 'fail', evidence: { examples: [{ rows: [1, 4] }] } }),
    );
    expect(overlap).toMatchObject({ code: 'train_test_overlap', level: 'fail', rows: [], testRows: [0, 3] });
    const outliers = dataFindingRecord(
      finding({
        check: 'outliers',
        severity: 'low',
        column: 'x',
        evidence: { examples: [{ row: 5, value: 9 }] },
      }),
    );
    // Outliers on a skewed column cost nothing measurable: they inform, below the model's results.
    expect(outliers).toMatchObject({ code: 'outliers', level: 'info', columns: ['x'], rows: [4] });
  });

  it('writes whole sentences when grouping (issue 14: "(column undefined); the same for 1 more: .")', () => {
    // Two findings of one check, one with no column, one with a column: the old text broke on both.
    const [record] = groupedDataFindingRecords([
      finding({ check: 'text_duplicates', message: '4 texts (2.0%) repeat an earlier text', column: 'text' }),
      finding({ check: 'text_duplicates', message: '3 pairs of texts are near-duplicates', column: 'text' }),
    ]);
    expect(record.message).not.toMatch(/undefined|: \.|the same for 1 more: "text"/);
    expect(record.columns).toEqual(['text']);
    const [columnless] = groupedDataFindingRecords([
      finding({ check: 'duplicate_rows', message: '1 of 150 rows (0.7%) repeat an earlier row exactly' }),
      finding({ check: 'duplicate_rows', message: 'again' }),
    ]);
    expect(columnless.message).toBe('1 of 150 rows (0.7%) repeat an earlier row exactly.');
    const [many] = groupedDataFindingRecords([
      finding({ column: 'a', message: '3 of 10 cells (30.0%) are missing' }),
      finding({ column: 'b', message: '1 of 10 cells (10.0%) are missing' }),
    ]);
    // Each column keeps its own count: the count quoted is the named column's.
    expect(many.message).toBe(
      '"a": 3 of 10 cells (30.0%) are missing. The same check also flags 1 more column: "b".',
    );
    expect(many.columns).toEqual(['a', 'b']);
  });
});

describe("run's data checks honour data.drop (issue 14: dropped columns still reported)", () => {
  it('reports nothing about a dropped ID column with missing cells', async () => {
    const dir = tempDir('md-drop-');
    const lines = ['id,x,y'];
    for (let i = 0; i < 60; i++)
      lines.push(`${i % 7 === 0 ? '' : `row-${i}`},${(i * 37) % 11},${i % 2 ? 'a' : 'b'}`);
    const path = join(dir, 'data.csv');
    writeFileSync(path, `${lines.join('\n')}\n`);
    const kept = await runValidateStep({ path, label: 'y' }, [], 5);
    expect(kept.findings.some((f) => f.columns.includes('id'))).toBe(true);
    const dropped = await runValidateStep({ path, label: 'y', drop: ['id'] }, [], 5);
    expect(dropped.findings.some((f) => f.columns.includes('id') || f.message.includes('"id"'))).toBe(false);
    expect(dropped.section.findings.some((f) => f.column === 'id')).toBe(false);
  });
});
