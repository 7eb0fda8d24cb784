import { describe, expect, it } from 'vitest';
import { defectCodes, plantedCases } from '../../bench/diagnosis/plant-defects.js';
import {
  failedCase,
  type ReportedFinding,
  scoreCase,
  summarise,
} from '../../bench/diagnosis/score-diagnosis.js';
import type { FindingCode } from '../../src/core/finding-record.js';

/** A CSV's data rows as cell arrays (the generator quotes only cells with commas, and keeps the quotes). */
function rowsOf(csv: string): string[][] {
  const [, ...lines] = csv.trimEnd().split('\n');
  return lines.map((line) => {
    const cells: string[] = [];
    let cell = '';
    let quoted = false;
    for (const char of line) {
      if (char === '"') quoted = !quoted;
      if (char === ',' && !quoted) {
        cells.push(cell);
        cell = '';
      } else cell += char;
    }
    return [...cells, cell];
  });
}

function headerOf(csv: string): string[] {
  return csv.split('\n')[0].split(',');
}

const cases = plantedCases({ rows: 200, seed: 3 });
const byName = new Map(cases.map((c) => [c.name, c]));

describe('the diagnosis benchmark generator plants what it claims', () => {
  it('is reproducible from its seed and has clean controls', () => {
    expect(plantedCases({ rows: 200, seed: 3 })).toEqual(cases);
    expect(cases.filter((c) => c.planted.length === 0).map((c) => c.name)).toEqual([
      'clean',
      'clean-with-test',
    ]);
    expect(defectCodes(cases)).toContain('label_errors');
  });

  it('flips exactly 5 % of the labels, at the rows it names', () => {
    const noisy = byName.get('label-noise')!;
    const [planted] = noisy.planted;
    expect(planted.rows).toHaveLength(10);
    // The base table labels row i by i % 2; a planted row carries the other label.
    const labels = rowsOf(noisy.data).map((row) => row[row.length - 1]);
    const wrong = labels.flatMap((label, i) => (label !== ['no', 'yes'][i % 2] ? [i] : []));
    expect(wrong).toEqual(planted.rows);
  });

  it('duplicates exactly the rows it names, and no others', () => {
    const dup = byName.get('duplicates')!;
    const rows = rowsOf(dup.data).map((row) => row.join(','));
    const seen = new Map<string, number[]>();
    rows.forEach((row, i) => {
      seen.set(row, [...(seen.get(row) ?? []), i]);
    });
    const duplicated = [...seen.values()]
      .filter((group) => group.length > 1)
      .flat()
      .sort((a, b) => a - b);
    expect(duplicated).toEqual([...dup.planted[0].rows!].sort((a, b) => a - b));
  });

  it('puts the shared rows into the test file at the test rows it names', () => {
    const overlap = byName.get('train-test-overlap')!;
    const train = new Set(rowsOf(overlap.data).map((row) => row.join(',')));
    const test = rowsOf(overlap.test!).map((row) => row.join(','));
    const shared = test.flatMap((row, i) => (train.has(row) ? [i] : []));
    expect(shared).toEqual(overlap.planted[0].testRows);
  });

  it('adds a leaking, an identifier, a date, a formatted-number and a constant column', () => {
    const leak = rowsOf(byName.get('leak')!.data);
    const at = headerOf(byName.get('leak')!.data).indexOf('account_status');
    const agree = leak.filter((row) => (row[at] === 'active') === (row[row.length - 1] === 'yes')).length;
    expect(agree / leak.length).toBeGreaterThan(0.97);
    const ids = rowsOf(byName.get('id-column')!.data).map((row) => row[5]);
    expect(new Set(ids).size).toBe(ids.length);
    expect(rowsOf(byName.get('date-column')!.data)[0][5]).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(rowsOf(byName.get('number-format')!.data)[0][5]).toMatch(/^"\d{2},\d{3}"$/);
    expect(new Set(rowsOf(byName.get('constant-column')!.data).map((row) => row[5]))).toEqual(
      new Set(['v1']),
    );
  });

  it('spells missing four ways in x2 at the rows it names', () => {
    const missing = byName.get('missing-spellings')!;
    const cells = rowsOf(missing.data).map((row) => row[1]);
    const holes = cells.flatMap((cell, i) => (['NA', '', '?', 'null'].includes(cell) ? [i] : []));
    expect(holes).toEqual(missing.planted[0].rows);
    expect(new Set(holes.map((i) => cells[i])).size).toBe(4);
  });
});

/** A report.json finding as the contract writes it: rows and columns always there, empty when none. */
function finding(code: FindingCode, level: ReportedFinding['level'], rows: number[] = []): ReportedFinding {
  return { code, level, rows, columns: [] };
}

describe('the diagnosis benchmark score', () => {
  const codes = ['duplicate_rows', 'label_errors', 'target_leak'];
  const dup = {
    name: 'dup',
    data: '',
    label: 'y',
    planted: [{ code: 'duplicate_rows', rows: [1, 2, 7, 9] }],
  };
  const control = { name: 'clean', data: '', label: 'y', planted: [] };

  it('counts a defect found at any level, raised only at warn or fail, and scores the rows it names', () => {
    const info = scoreCase(dup, [finding('duplicate_rows', 'info', [1, 2])], codes);
    expect(info.defects[0]).toMatchObject({ found: true, raised: false });
    expect(scoreCase(dup, [finding('label_errors', 'warn')], codes).defects[0].found).toBe(false);
    const warn = scoreCase(dup, [finding('duplicate_rows', 'warn', [1, 2, 3])], codes);
    expect(warn.defects[0]).toMatchObject({
      found: true,
      raised: true,
      rows: { precision: 2 / 3, recall: 0.5 },
    });
  });

  it('calls a defect code on a clean control a false alarm, other codes not', () => {
    const score = scoreCase(
      control,
      [
        finding('label_errors', 'warn', [4]),
        finding('tuning_gain', 'info'),
        finding('duplicate_rows', 'info', [4]),
        finding('confusion_pair', 'warn'),
      ],
      codes,
    );
    expect(score.falseAlarms).toEqual(['label_errors']);
  });

  it('sums up recall, misses, false alarms and whether duplicates were named exactly', () => {
    const summary = summarise([
      scoreCase(dup, [finding('duplicate_rows', 'warn', [1, 2, 7, 9])], codes),
      failedCase({ ...dup, name: 'broken', planted: [{ code: 'target_leak' }] }, 'boom'),
      scoreCase(control, [], codes),
    ]);
    expect(summary).toMatchObject({
      planted: 2,
      found: 1,
      raised: 1,
      recall: 0.5,
      missed: ['target_leak (broken)'],
      controls: 1,
      falseAlarms: [],
      duplicateRowsExact: true,
    });
  });
});
