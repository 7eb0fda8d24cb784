import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/core/rng.js';
import { runCli, writeTempCsv } from './run-cli.js';

const COLUMNS = ['constructor', 'toString', 'hasOwnProperty', '__proto__'];
const CLASSES = ['valueOf', 'toString', 'constructor'];

/** Three separable classes; the columns and classes are named after Object.prototype's properties. */
function builtinNamedCsv(): string {
  const rng = createRng(7);
  const lines = [[...COLUMNS, 'label'].join(',')];
  for (let i = 0; i < 120; i++) {
    const k = i % 3;
    const cells = COLUMNS.map((_, j) => (j < 2 ? 2 * k : 0) + rng.normal());
    lines.push([...cells.map((x) => x.toFixed(3)), CLASSES[k]].join(','));
  }
  return `${lines.join('\n')}\n`;
}

describe('names that are Object.prototype properties (issue 16.2)', () => {
  it('run draws every chart with the columns and classes named constructor, toString, __proto__ …', () => {
    const data = writeTempCsv('builtin-names.csv', builtinNamedCsv());
    const out = join(dirname(data), 'report');
    const result = runCli(['run', '--data', data, '--label', 'label', '--no-store', '--quiet', '--out', out]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    const charts = new Map(
      [...html.matchAll(/<figure class="chart" data-chart="([^"]+)">([\s\S]*?)<\/figure>/g)].map((m) => [
        m[1],
        m[2].replaceAll('&#39;', "'").replaceAll('&#x27;', "'"),
      ]),
    );
    for (const chart of ['feature-ranking', 'feature-importance', 'regularization-path']) {
      for (const column of COLUMNS) expect(charts.get(chart), `${chart}: ${column}`).toContain(`'${column}'`);
    }
    for (const chart of ['confusion-matrix', 'roc', 'precision-recall']) {
      for (const label of CLASSES) expect(charts.get(chart), `${chart}: ${label}`).toContain(`'${label}'`);
    }
    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
    expect([...report.summary.confusion.labels].sort()).toEqual([...CLASSES].sort());
    expect(
      report.sections.featureSelection.rfecv.features.map((f: { name: string }) => f.name).sort(),
    ).toEqual([...COLUMNS].sort());
  }, 120_000);
});
