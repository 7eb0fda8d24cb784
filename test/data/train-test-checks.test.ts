import { describe, expect, it } from 'vitest';
import { type Finding, validateData } from '../../src/data/index.js';
import { cleanTable, type Table, toCsv } from './crafted.js';
import { errorOf, tempFile } from './load-helpers.js';

/** A test file drawn like the clean training table but from other x values: no overlap, same labels. */
function testTable(): Table {
  const rows: Table = [['x', 'c', 'y']];
  for (let i = 0; i < 20; i++)
    rows.push([String(100 + i / 8), ['red', 'green', 'blue'][i % 3], i % 2 === 0 ? 'a' : 'b']);
  return rows;
}

async function validatePair(train: Table, test: Table): Promise<Finding[]> {
  const report = await validateData(tempFile('train.csv', toCsv(train)), {
    label: 'y',
    test: tempFile('test.csv', toCsv(test)),
  });
  return report.findings.filter((finding) =>
    ['train_test_overlap', 'new_categories', 'label_drift'].includes(finding.check),
  );
}

const raised = (findings: Finding[], check: string) =>
  findings.filter((finding) => finding.check === check && finding.status !== 'pass');

describe('train-test checks', () => {
  it('a disjoint test file with the same categories and labels passes', async () => {
    const findings = await validatePair(cleanTable(), testTable());
    expect(findings.map((finding) => finding.status)).toEqual(['pass', 'pass', 'pass']);
  });

  it('finds test rows equal to training rows, exactly and after normalisation', async () => {
    const train = cleanTable();
    const exact = testTable();
    exact.push([...train[3]], [...train[5]]);
    const [finding] = raised(await validatePair(train, exact), 'train_test_overlap');
    expect(finding.evidence).toMatchObject({
      testRows: 2,
      normalised: false,
      examples: [{ rows: [21, 22] }],
    });

    // Every shared row is named, not the first few examples: eight copies, all eight rows.
    const many = testTable();
    for (let k = 0; k < 8; k++) many.push([...train[1 + k * 4]]);
    const [all] = raised(await validatePair(train, many), 'train_test_overlap');
    expect(all.evidence.examples).toEqual([{ rows: Array.from({ length: 8 }, (_, k) => 21 + k) }]);

    const normalised = testTable();
    normalised.push([train[3][0], ` ${train[3][1].toUpperCase()} `, train[3][2]]);
    const [loose] = raised(await validatePair(train, normalised), 'train_test_overlap');
    expect(loose.evidence).toMatchObject({ testRows: 1, normalised: true });
  });

  it('lists categories and labels that occur only in test, and a shifted label distribution', async () => {
    const test = testTable().map((row, i) =>
      i === 1 ? [row[0], 'purple', 'z'] : i > 1 && i <= 15 ? [row[0], row[1], 'a'] : row,
    );
    const findings = await validatePair(cleanTable(), test);
    expect(raised(findings, 'new_categories')).toMatchObject([
      { column: 'c', evidence: { categories: 1, testRows: 1, values: ['purple'] } },
    ]);
    const drift = raised(findings, 'label_drift');
    expect(drift[0]).toMatchObject({ status: 'fail', column: 'y', evidence: { labels: ['z'], testRows: 1 } });
    expect(drift[1].status).toBe('fail');
    expect(drift[1].evidence.totalVariation).toBeCloseTo(0.35, 12);
  });

  it('refuses a test file without the training columns, naming it', async () => {
    const error = await errorOf(() =>
      validateData(tempFile('train.csv', toCsv(cleanTable())), {
        label: 'y',
        test: tempFile('test.csv', 'x,y\n1,a\n'),
      }),
    );
    expect(error.code).toBe('missing_column');
    expect(error.message).toContain('test.csv: the test file lacks training column(s) c');
  });
});
