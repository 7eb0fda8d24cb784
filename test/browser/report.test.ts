import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderReportHtml } from '../../src/report/index.js';
import { runConfigSchema, runWorkflow } from '../../src/workflow/index.js';
import { launchBrowser, type PageProblems, type TestBrowser, watchPage } from '../helpers/browser.js';
import { HOSTILE_IMG, HOSTILE_SCRIPT } from '../helpers/viewer-runs.js';

/**
 * 60 rows, two separable classes named after the payloads, a feature column named after one and a
 * categorical column holding both as cells: each string reaches the report's tables, findings and
 * Vega-rendered charts.
 */
function hostileCsv(): string {
  const lines = [`x1,"${HOSTILE_IMG}",note,label`];
  for (let i = 0; i < 60; i++) {
    const positive = i % 2 === 0;
    // A few rows on the wrong side, so there are errors to analyse and a confusion matrix off the diagonal.
    const noisy = i % 10 === 3;
    const x1 = (positive !== noisy ? 2 : -2) + ((i * 37) % 11) / 10;
    const x2 = ((i * 53) % 17) / 10 - 0.8;
    const note = i % 3 === 0 ? HOSTILE_IMG : i % 3 === 1 ? HOSTILE_SCRIPT : 'plain';
    lines.push(`${x1},${x2},"${note}","${positive ? HOSTILE_SCRIPT : HOSTILE_IMG}"`);
  }
  return `${lines.join('\n')}\n`;
}

let browser: TestBrowser;
let page: Page;
let problems: PageProblems;
let reportHtml: string;

beforeAll(async () => {
  const folder = mkdtempSync(join(tmpdir(), 'modeldebug-report-'));
  const csv = join(folder, 'hostile.csv');
  writeFileSync(csv, hostileCsv());
  const config = runConfigSchema.parse({
    data: { train: csv, label: 'label' },
    cv: 3,
    steps: { error_analysis: { n_boot: 50 }, final_test: { n_boot: 50 } },
  });
  const report = await runWorkflow(config);
  reportHtml = await renderReportHtml(report);
  const path = join(folder, 'report.html');
  writeFileSync(path, reportHtml);
  browser = await launchBrowser();
  page = browser.context.pages()[0] ?? (await browser.context.newPage());
  problems = watchPage(page);
  await page.goto(pathToFileURL(path).href);
}, 120_000);
afterAll(async () => {
  await browser?.close();
});

describe('the written report in Chromium', () => {
  it('draws its charts as inline SVG and lists findings', async () => {
    expect(await page.locator('.chart[data-chart] svg').count()).toBeGreaterThan(0);
    expect(await page.locator('#findings li.finding').count()).toBeGreaterThan(0);
  });

  it('shows hostile labels and column names as text and runs none of them', async () => {
    for (const payload of [HOSTILE_IMG, HOSTILE_SCRIPT]) {
      const shown = page.getByText(payload, { exact: false }).first();
      expect(await shown.isVisible(), payload).toBe(true);
    }
    // Vega writes chart text too (quoted, cut to fit with an ellipsis): the labels must be SVG text, not
    // elements.
    const chartTexts = await page.locator('.chart svg text').allTextContents();
    for (const start of ['<img src=x onerror=', '<script>window.__pw']) {
      expect(chartTexts.some((text) => text.replace(/^['"‘“]/, '').startsWith(start))).toBe(true);
    }
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    expect(await page.locator('script').count()).toBe(0);
    expect(reportHtml).not.toContain('<img src=x');
    expect(reportHtml).not.toContain('<script');
    expect(await page.evaluate(() => (globalThis as { __pwned?: unknown }).__pwned)).toBeUndefined();
    expect(problems).toEqual({ consoleErrors: [], pageErrors: [], dialogs: [] });
  });
});
