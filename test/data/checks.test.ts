import { describe, expect, it } from 'vitest';
import { MISSING_ROWS_LISTED } from '../../src/data/checks/missing-values.js';
import { dataFindingRecord, type Finding, type ValidateOptions, validateData } from '../../src/data/index.js';
import { cleanTable, type Table, toCsv, withCell, withColumn } from './crafted.js';
import { tempFile } from './load-helpers.js';

async function validate(table: Table, options: ValidateOptions = { label: 'y' }): Promise<Finding[]> {
  const report = await validateData(tempFile('data.csv', toCsv(table)), options);
  return [...report.findings];
}

function raised(findings: readonly Finding[], check: string): Finding[] {
  return findings.filter((finding) => finding.check === check && finding.status !== 'pass');
}

describe('data checks on crafted files', () => {
  it('the clean table passes every check, with one pass finding per check', async () => {
    const findings = await validate(cleanTable());
    expect(findings.filter((finding) => finding.status !== 'pass')).toEqual([]);
    expect(new Set(findings.map((finding) => finding.check)).size).toBe(16);
  });

  it('missing values: count and share per column', async () => {
    const table = withCell(withCell(cleanTable(), 3, 'x', 'NA'), 8, 'x', 'NA');
    const [finding] = raised(await validate(table), 'missing_values');
    expect(finding).toMatchObject({ status: 'warn', column: 'x', evidence: { missing: 2, rows: 40 } });
    expect(finding.message).toContain('2 of 40 values (5.0%)');
    // The rows with the holes, as the file numbers them (0-based data rows in the finding record).
    expect(dataFindingRecord(finding).rows).toEqual([3, 8]);
  });

  it('missing values: the rows listed are capped, the count is not, and the message says so', async () => {
    let table = cleanTable();
    const extra = Array.from({ length: MISSING_ROWS_LISTED + 20 }, (_, i) => [String(i), 'red', 'a']);
    table = [...table, ...extra];
    for (let i = 0; i < table.length - 1; i += 1) if (i % 40 !== 0) table = withCell(table, i, 'x', '');
    const [finding] = raised(await validate(table), 'missing_values');
    const holes = table.length - 1 - Math.ceil((table.length - 1) / 40);
    expect(finding.evidence.missing).toBe(holes);
    const rows = dataFindingRecord(finding).rows;
    expect(rows).toHaveLength(MISSING_ROWS_LISTED);
    expect(rows.slice(0, 3)).toEqual([1, 2, 3]);
    expect(rows.every((row) => row % 40 !== 0)).toBe(true);
    expect(finding.message).toContain(`the first ${MISSING_ROWS_LISTED.toLocaleString('en-US')} rows listed`);
  });

  it('mixed nulls: several spellings of missing in one column, whitespace included', async () => {
    const table = withCell(withCell(withCell(cleanTable(), 1, 'c', 'NA'), 2, 'c', ''), 4, 'c', ' ');
    const [finding] = raised(await validate(table), 'mixed_nulls');
    expect(finding.column).toBe('c');
    expect(finding.evidence.markers).toEqual(
      expect.arrayContaining([
        { marker: 'NA', count: 1 },
        { marker: '', count: 1 },
        { marker: ' ', count: 1 },
      ]),
    );
    expect(finding.message).toContain('whitespace');
  });

  it('duplicate rows: count, share and the rows of each group', async () => {
    const table = cleanTable();
    table.push([...table[6]], [...table[6]]);
    const [finding] = raised(await validate(table), 'duplicate_rows');
    expect(finding.evidence).toMatchObject({
      duplicateRows: 2,
      groups: 1,
      examples: [{ rows: [6, 41, 42] }],
    });
    expect(finding.status).toBe('warn'); // 2 of 42 = 4.8%, under the 5% that fails
    const strict = await validate(table, { label: 'y', thresholds: { duplicateFailShare: 0.01 } });
    expect(raised(strict, 'duplicate_rows')[0].status).toBe('fail');
  });

  it('conflicting labels: identical features, different labels', async () => {
    const table = cleanTable();
    table.push([table[6][0], table[6][1], table[6][2] === 'a' ? 'b' : 'a']);
    const findings = await validate(table);
    const [finding] = raised(findings, 'conflicting_labels');
    expect(finding.evidence).toMatchObject({
      rows: 2,
      groups: 1,
      examples: [{ rows: [6, 41], labels: ['a', 'b'] }],
    });
    expect(raised(findings, 'duplicate_rows')).toEqual([]);
  });

  it('counts exact duplicates inside a conflicting group, and the whole group as a conflict', async () => {
    const table = cleanTable();
    const flipped = table[6][2] === 'a' ? 'b' : 'a';
    table.push([...table[6]], [table[6][0], table[6][1], flipped]);
    const findings = await validate(table);
    expect(raised(findings, 'duplicate_rows')[0].evidence).toMatchObject({ duplicateRows: 1, groups: 1 });
    expect(raised(findings, 'conflicting_labels')[0].evidence).toMatchObject({ rows: 3, groups: 1 });
  });

  it('mixed types: text in a column of numbers, with the value and its row', async () => {
    const [finding] = raised(await validate(withCell(cleanTable(), 6, 'x', 'abc')), 'mixed_types');
    expect(finding).toMatchObject({ column: 'x', evidence: { numbers: 39, text: 1 } });
    expect(finding.evidence.examples).toEqual([{ row: 7, value: 'abc' }]);
    expect(finding.message).toContain("'abc' (row 7)");
  });

  it('constant and near-constant columns', async () => {
    const constant = raised(await validate(withColumn(cleanTable(), 'k', () => 'same')), 'constant_column');
    expect(constant).toMatchObject([{ status: 'fail', column: 'k' }]);
    const near = withColumn(cleanTable(), 'k', (i) => (i === 0 ? 'other' : 'same'));
    const findings = await validate(near, { label: 'y', thresholds: { nearConstantShare: 0.95 } });
    expect(raised(findings, 'constant_column')).toMatchObject([{ status: 'warn', column: 'k' }]);
  });

  it('ID-like columns: whole numbers or categories unique per row', async () => {
    const findings = await validate(withColumn(cleanTable(), 'id', (i) => String(1000 + i)));
    expect(raised(findings, 'id_like_column')).toMatchObject([{ column: 'id', evidence: { distinct: 40 } }]);
  });

  it('label leak: a feature that alone predicts the label', async () => {
    const table = withColumn(cleanTable(), 'leak', (_, row) => (row[2] === 'a' ? 'yes' : 'no'));
    const [finding] = raised(await validate(table), 'label_leak');
    expect(finding).toMatchObject({
      status: 'fail',
      column: 'leak',
      evidence: { accuracy: 1, baseline: 0.5, score: 1 },
    });
  });

  it('outliers: values beyond the IQR fences, most extreme first', async () => {
    const [finding] = raised(await validate(withCell(cleanTable(), 9, 'x', '1000')), 'outliers');
    expect(finding).toMatchObject({ column: 'x', evidence: { outliers: 1, extreme: 1 } });
    expect(finding.evidence.examples).toEqual([{ row: 10, value: 1000 }]);
  });

  it('class balance: imbalance ratio, and classes smaller than the CV folds', async () => {
    const table = cleanTable().map((row, i) => (i === 0 ? row : [...row.slice(0, 2), i <= 2 ? 'rare' : 'a']));
    const findings = raised(await validate(table), 'class_balance');
    expect(findings.map((finding) => finding.status)).toEqual(['fail', 'warn']);
    expect(findings[0].message).toContain('"rare" (2)');
    expect(findings[1].evidence).toMatchObject({ imbalanceRatio: 19 });
    const withTwoFolds = await validate(table, { label: 'y', thresholds: { cvFolds: 2 } });
    expect(raised(withTwoFolds, 'class_balance').map((finding) => finding.status)).toEqual(['warn']);
  });

  it('high cardinality: more categories than the threshold', async () => {
    const findings = await validate(cleanTable(), { label: 'y', thresholds: { maxCategories: 2 } });
    expect(raised(findings, 'high_cardinality')).toMatchObject([{ column: 'c' }]);
  });

  it('without a label, the label checks are skipped and say why', async () => {
    const report = await validateData(tempFile('data.csv', toCsv(cleanTable())));
    const forLabel = report.skipped
      .filter((skip) => skip.reason.includes('--label'))
      .map((skip) => skip.check);
    expect(forLabel).toEqual(['conflicting_labels', 'label_leak', 'class_balance', 'label_drift']);
  });
  it('date and formatted-number columns: their own findings, not ID-like, mixed or high-cardinality', async () => {
    const day = (i: number) =>
      `2023-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`;
    const table = withColumn(
      withColumn(cleanTable(), 'joined', (i) => day(i)),
      'salary',
      (i) => (i % 4 === 0 ? `${700 + i}` : `"${40 + i},${100 + i}"`),
    );
    const findings = await validate(table);
    expect(raised(findings, 'date_column').map((finding) => finding.column)).toEqual(['joined']);
    expect(raised(findings, 'number_format')).toMatchObject([
      { column: 'salary', evidence: { style: 'thousands-comma' } },
    ]);
    for (const check of ['id_like_column', 'mixed_types', 'high_cardinality'])
      expect(raised(findings, check)).toEqual([]);
  });
});
