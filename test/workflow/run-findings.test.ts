import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findingRecordSchema } from '../../src/core/finding-record.js';
import { createRng } from '../../src/core/rng.js';
import { type RunReport, runConfigSchema, runWorkflow } from '../../src/workflow/index.js';
import { stepsOff } from '../helpers/steps-off.js';
import { useTempDir } from '../helpers/use-temp-dir.js';

const tempDir = useTempDir();

/**
 * Gaussian classes (two: ham and spam; three: a, b, c) along 2 informative columns plus 2 noise columns;
 * `flip` rows of a two-class file get the other label (planted label errors); `sortBy` sorts the file.
 */
function plantedCsv(
  dir: string,
  options: { n: number; seed: number; flip?: readonly number[]; sortBy?: 'x1'; classes?: 2 | 3 },
): { path: string; labels: string[] } {
  const rng = createRng(options.seed);
  const names = options.classes === 3 ? ['a', 'b', 'c'] : ['ham', 'spam'];
  let rows = Array.from({ length: options.n }, (_, i) => {
    const k = i % names.length;
    const shift = names.length === 3 ? (k - 1) * 3 : k === 1 ? 1.6 : -1.6;
    return {
      x1: shift + rng.normal(),
      x2: shift / 2 + rng.normal(),
      n1: rng.normal(),
      n2: rng.normal(),
      y: names[k],
    };
  });
  rng.shuffle(rows);
  if (options.sortBy) rows = [...rows].sort((a, b) => a.x1 - b.x1);
  for (const row of options.flip ?? []) rows[row].y = rows[row].y === 'spam' ? 'ham' : 'spam';
  const path = join(dir, 'planted.csv');
  const text = rows.map((r) => `${[r.x1, r.x2, r.n1, r.n2].map((v) => v.toFixed(4)).join(',')},${r.y}`);
  writeFileSync(path, `x1,x2,n1,n2,y\n${text.join('\n')}\n`);
  return { path, labels: rows.map((r) => r.y) };
}

/** The labels of the data rows of a CSV as the file has them (header excluded, 0-based). */
function fileLabels(path: string): string[] {
  return readFileSync(path, 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.slice(line.lastIndexOf(',') + 1));
}

function run(path: string, steps: Record<string, unknown>, models: string[], extra = {}): Promise<RunReport> {
  return runWorkflow(
    runConfigSchema.parse({
      data: { train: path, label: 'y', test_size: 0.25, ...extra },
      models,
      steps: { ...stepsOff(), ...steps },
      cv: 5,
      jobs: 1,
    }),
  );
}

describe('findings name the rows of the user file (issue 14: "row 95, virginica" was a versicolor)', () => {
  it('on a shuffled hold-out split, every named row holds the label the finding quotes', async () => {
    const dir = tempDir('md-rows-');
    const flip = [3, 41, 77, 150, 222, 260, 301, 333];
    const { path } = plantedCsv(dir, { n: 360, seed: 7, flip });
    const labels = fileLabels(path);
    const report = await run(path, { error_analysis: { n_boot: 50 } }, ['scale | logreg']);
    const analysis = report.sections.errorAnalysis!;
    expect(analysis.suspectedLabelErrors.length).toBeGreaterThan(0);
    for (const suspect of analysis.suspectedLabelErrors) expect(labels[suspect.row]).toBe(suspect.givenLabel);
    for (const wrong of analysis.confidentlyWrong) expect(labels[wrong.row]).toBe(wrong.trueLabel);
    const labelErrors = report.findings.find((f) => f.code === 'label_errors')!;
    const quoted = /data row (\d+) \(0-based, header excluded\), labelled "(\w+)"/.exec(labelErrors.message)!;
    expect(labels[Number(quoted[1])]).toBe(quoted[2]);
    expect(labelErrors.rows).toContain(Number(quoted[1]));
    // Planted errors that fell in the training rows are found by their file row.
    const found = flip.filter((row) => labelErrors.rows.includes(row));
    expect(found.length).toBeGreaterThanOrEqual(3);
    for (const finding of report.findings.filter((f) => f.code === 'confusion_pair')) {
      const trueLabel = /are "(\w+)" predicted as/.exec(finding.message)![1];
      for (const row of finding.rows) expect(labels[row]).toBe(trueLabel);
    }
  }, 120_000);
});

describe('model-aware over/underfitting advice, backed by a probe (issue 14: a tree told "smaller C")', () => {
  it('tells an overfitting tree about its own depth, measured, and never about C', async () => {
    const dir = tempDir('md-tree-');
    const flip = Array.from({ length: 40 }, (_, k) => k * 9);
    const { path } = plantedCsv(dir, { n: 400, seed: 3, flip });
    const report = await run(path, { learning_curve: {} }, ['tree(random_state=0)']);
    const finding = report.findings.find((f) => f.code === 'overfitting')!;
    expect(finding).toBeDefined();
    expect(finding.message).toContain('max_depth');
    expect(`${finding.message} ${finding.suggestion}`).not.toMatch(/\bC\b|regulari[sz]/);
    const probe = report.sections.learningCurve!.probe!;
    expect(probe.param).toBe('max_depth');
    expect(probe.current).toBeNull();
    expect(probe.tried.every((value) => typeof value === 'number')).toBe(true);
    expect(finding.impact?.metric).toBe('f1_weighted');
    expect(finding.impact?.verified).toBe(probe.verified);
    // A change is recommended exactly when its interval is above zero.
    if (probe.verified) expect(finding.suggestion).toMatch(/^use max_depth=\d+/);
    else
      expect(finding.suggestion).toMatch(
        /^nothing measured here helps|^keep max_depth=none: a simpler model scores lower/,
      );
  }, 120_000);
});

describe('learning curves robust to row order (issue 14: a sorted file read as "more data would help")', () => {
  it('shuffles by default and reports order_dependent on a file sorted by a label-correlated column', async () => {
    const dir = tempDir('md-order-');
    // Three classes along x1, the file sorted by x1 (as iris is by species): the first rows of every
    // training fold hold one or two classes only.
    const sorted = plantedCsv(dir, { n: 400, seed: 11, sortBy: 'x1', classes: 3 });
    const report = await run(sorted.path, { learning_curve: {} }, ['scale | logreg']);
    const section = report.sections.learningCurve!;
    expect(section.shuffled).toBe(true);
    expect(section.verdict.diagnosis).not.toBe('more-data');
    // In file order the small sizes score far lower on the same test folds (or cannot fit at all).
    const order = report.findings.find((f) => f.code === 'order_dependent')!;
    expect(order.message).toMatch(/in file order against|every fit in file order failed/);
    const fileScores = section.fileOrder!.points.map((p) => p.testMean);
    const shuffledScores = section.points.map((p) => p.testMean);
    expect(fileScores.some((score, k) => score === null || score < (shuffledScores[k] ?? 0) - 0.05)).toBe(
      true,
    );
    expect(report.findings.map((f) => f.code)).not.toContain('more_data_helps');

    const shuffledDir = tempDir('md-order-');
    const shuffled = plantedCsv(shuffledDir, { n: 400, seed: 11, classes: 3 });
    const control = await run(shuffled.path, { learning_curve: {} }, ['scale | logreg']);
    expect(control.findings.map((f) => f.code)).not.toContain('order_dependent');
  }, 120_000);
});

describe('every finding of a full run keeps the contract (iris)', () => {
  it('has a code, whole sentences, 0-based rows in the file, and recommends only verified changes', async () => {
    const report = await runWorkflow(
      runConfigSchema.parse({ data: { example: 'iris' }, jobs: 1, steps: { final_test: { n_boot: 100 } } }),
    );
    expect(report.findings.length).toBeGreaterThan(0);
    for (const finding of report.findings) {
      const { section: _section, stake: _stake, ...record } = finding;
      expect(findingRecordSchema.parse(record)).toEqual(record);
      const text = `${finding.message} ${finding.suggestion}`;
      expect(text).not.toMatch(/undefined|NaN|: \.|[^+\d]0\.0 pp|-0\.0 pp|\(column/);
      expect(finding.rows.every((row) => row < 150)).toBe(true);
      if (/^use /.test(finding.suggestion)) expect(finding.impact?.verified).toBe(true);
      if (finding.impact && !finding.impact.verified) expect(finding.suggestion).not.toMatch(/^use /);
    }
    // The bundled iris file is sorted by species: its order changes the learning curve.
    expect(report.findings.map((f) => f.code)).toContain('order_dependent');
    // One calibration verdict, on 120 out-of-fold and 30 test rows together.
    expect(report.sections.finalTest?.calibrationVerdict?.rows).toBe(150);
    expect(report.findings.filter((f) => f.code === 'miscalibrated').length).toBeLessThanOrEqual(1);
    // Data warnings that cost nothing measurable rank below findings with points at stake.
    const ranks = report.findings.map((f) =>
      f.level === 'fail' ? 0 : (f.stake ?? 0) > 0 ? 1 : f.level === 'warn' ? 2 : 3,
    );
    expect([...ranks].sort((a, b) => a - b)).toEqual(ranks);
  }, 180_000);
});
