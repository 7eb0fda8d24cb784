import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderReportHtml } from '../../src/report/index.js';
import { type RunReport, runConfigSchema, runWorkflow } from '../../src/workflow/index.js';

const IMG = '<img src=x onerror=alert(1)>';
const SCRIPT = '<script>alert(2)</script>';

/** Two separable classes named after the payloads, a feature named after one, a text cell holding both. */
function hostileCsv(): string {
  const lines = [`x1,"${IMG}",note,label`];
  for (let i = 0; i < 60; i++) {
    const positive = i % 2 === 0;
    const noisy = i % 10 === 3;
    const x1 = (positive !== noisy ? 2 : -2) + ((i * 37) % 11) / 10;
    const x2 = ((i * 53) % 17) / 10 - 0.8;
    const note = i % 3 === 0 ? IMG : i % 3 === 1 ? SCRIPT : 'plain';
    lines.push(`${x1},${x2},"${note}","${positive ? SCRIPT : IMG}"`);
  }
  return `${lines.join('\n')}\n`;
}

let report: RunReport;
let page: string;
beforeAll(async () => {
  const folder = mkdtempSync(join(tmpdir(), 'modeldebug-report-'));
  const csv = join(folder, 'hostile.csv');
  writeFileSync(csv, hostileCsv());
  report = await runWorkflow(
    runConfigSchema.parse({
      data: { train: csv, label: 'label' },
      cv: 3,
      steps: { error_analysis: { n_boot: 50 }, final_test: { n_boot: 50 } },
    }),
  );
  page = await renderReportHtml(report);
}, 120_000);

describe('renderReportHtml', () => {
  it('is one self-contained page: no script, no external resource', () => {
    expect(page.startsWith('<!doctype html>')).toBe(true);
    expect(page).not.toMatch(/<script/i);
    expect(page).not.toMatch(/\b(src|href)="(https?:)?\/\//);
    expect(page).not.toMatch(/<link\b/);
  });

  it('escapes labels, column names and cells that came from the data', () => {
    expect(page).not.toContain(IMG);
    expect(page).not.toContain('<img');
    expect(page).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(page).toContain('&lt;script&gt;alert(2)&lt;/script&gt;');
    // The payloads are really in the report: as class labels of the confusion matrix and as a feature name.
    expect(report.summary.confusion.labels).toContain(IMG);
    expect(report.sections.featureSelection?.importance?.features.map((f) => f.name)).toContain(IMG);
  });

  it('puts the findings first, each an li.finding linking to a section of the page', () => {
    const findings = /<ol id="findings">([\s\S]*?)<\/ol>/.exec(page)?.[1] ?? '';
    const items = findings.match(/<li class="finding[^"]*">[\s\S]*?<\/li>/g) ?? [];
    expect(items).toHaveLength(report.findings.length);
    expect(page.indexOf('id="findings"')).toBeLessThan(page.indexOf('<section'));
    for (const [k, item] of items.entries()) {
      const target = /<a href="#([^"]+)">/.exec(item)?.[1];
      expect(target).toBeDefined();
      expect(page).toContain(`<section id="${target}">`);
      // Each names its code, and the rows its JSON holds, labelled 0-based.
      const finding = report.findings[k];
      expect(item).toContain(`<code class="finding-code">${finding.code}</code>`);
      if (finding.rows.length > 0)
        expect(item).toContain(
          `data rows (0-based, header excluded): ${finding.rows.slice(0, 20).join(', ')}`,
        );
    }
  });

  it('renders every chart as inline SVG inside .chart[data-chart]', () => {
    const charts = [...page.matchAll(/<figure class="chart" data-chart="([^"]+)"><svg/g)].map((m) => m[1]);
    expect(charts).toEqual(
      expect.arrayContaining([
        'model-comparison',
        'learning-curve',
        'validation-curve',
        'regularization-path',
        'feature-importance',
        'confusion-matrix',
        'reliability',
        'roc',
        'precision-recall',
      ]),
    );
    expect(page.match(/<figure class="chart"/g)?.length).toBe(charts.length);
    // Every model one-hot encodes the categorical column, so RFE cannot map ranks back to columns: said, not drawn.
    expect(charts).not.toContain('feature-ranking');
    expect(page).toContain('RFECV needs a logistic regression');
  });

  it('prints the final numbers with their intervals', () => {
    const ci = report.sections.finalTest?.intervals.accuracy;
    expect(ci).toBeDefined();
    if (ci) expect(page).toContain(`${ci.estimate.toFixed(4)} (${ci.low.toFixed(4)}–${ci.high.toFixed(4)})`);
  });
});
