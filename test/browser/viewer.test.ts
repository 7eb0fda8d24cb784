import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderReportHtml } from '../../src/report/index.js';
import { type RunningViewer, startViewer } from '../../src/report/viewer/index.js';
import { openRunStore } from '../../src/store/index.js';
import { runConfigSchema, runWorkflow } from '../../src/workflow/index.js';
import { launchBrowser, type PageProblems, type TestBrowser, watchPage } from '../helpers/browser.js';
import { HOSTILE_IMG, HOSTILE_SCRIPT, type SeededStore, seedViewerStore } from '../helpers/viewer-runs.js';

let seeded: SeededStore;
let viewer: RunningViewer;
let browser: TestBrowser;
let page: Page;
let problems: PageProblems;
let realRun: string;

/** A real report (the workflow and its renderer, as `modeldebug run` stores it), next to the hand-made ones. */
async function storeRealRun(storePath: string): Promise<string> {
  const config = runConfigSchema.parse({
    data: { example: 'iris' },
    cv: 3,
    steps: { error_analysis: { n_boot: 50 }, final_test: { n_boot: 50 } },
  });
  const report = await runWorkflow(config);
  const store = openRunStore(storePath);
  try {
    const run = store.createRun('run', { data: { example: 'iris' } });
    store.setStatus(run.id, 'done', { summary: report.summary });
    store.saveReport(run.id, { json: JSON.stringify(report), html: await renderReportHtml(report) });
    return run.id;
  } finally {
    store.close();
  }
}

beforeAll(async () => {
  seeded = seedViewerStore();
  realRun = await storeRealRun(seeded.storePath);
  viewer = await startViewer({ storePath: seeded.storePath, port: 0 });
  browser = await launchBrowser();
  page = browser.context.pages()[0] ?? (await browser.context.newPage());
  problems = watchPage(page);
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await viewer?.close();
});

const runRow = (id: string) => page.locator(`#runs tr[data-run="${id}"]`);
const expectNothingWrong = async () => {
  expect(await page.evaluate(() => (globalThis as { __pwned?: unknown }).__pwned)).toBeUndefined();
  expect(await page.locator('img').count()).toBe(0);
  expect(problems).toEqual({ consoleErrors: [], pageErrors: [], dialogs: [] });
};

describe('the viewer in Chromium', () => {
  it('lists the runs with hostile names shown as text', async () => {
    await page.goto(viewer.url);
    await expect.poll(() => page.locator('#runs tbody tr').count()).toBe(6);
    const dataset = runRow(seeded.ids.newer).locator('td.dataset');
    expect(await dataset.textContent()).toBe(HOSTILE_IMG);
    expect(await dataset.isVisible()).toBe(true);
    expect(await runRow(seeded.ids.newer).locator('td.models').textContent()).toBe(
      `logreg, ${HOSTILE_SCRIPT}`,
    );
    expect(await runRow(seeded.ids.search).locator('td.num').textContent()).toBe('0.9733 f1_macro');
    await expectNothingWrong();
  });

  it('goes from the list to a report with its charts and back, to another run and home again', async () => {
    await page.goto(viewer.url);
    await runRow(seeded.ids.older).locator('a.run-link').click();
    await page.waitForURL(`${viewer.url}runs/${seeded.ids.older}`);
    expect(await page.locator('h1').textContent()).toBe('Older report');
    expect(await page.locator('.chart[data-chart="model-comparison"] svg rect').count()).toBe(2);
    expect(await page.locator('.chart svg').isVisible()).toBe(true);

    await page.goBack();
    await page.waitForURL(viewer.url);
    await runRow(seeded.ids.newer).locator('a.run-link').click();
    await page.waitForURL(`${viewer.url}runs/${seeded.ids.newer}`);
    expect(await page.locator('h1').textContent()).toBe('Newer report');
    expect(await page.locator('.chart svg rect').count()).toBe(3);

    // The bar the viewer adds to a stored report leads home.
    await page.locator('header.viewer-nav a').click();
    await page.waitForURL(viewer.url);
    expect(await page.locator('h1').textContent()).toBe('Runs');
    await expectNothingWrong();
  });

  it('serves a real report under the policy without a complaint, and compares it', async () => {
    await page.goto(viewer.url);
    expect(await runRow(realRun).locator('td.dataset').textContent()).toBe('example:iris');
    await runRow(realRun).locator('a.run-link').click();
    await page.waitForURL(`${viewer.url}runs/${realRun}`);
    expect(await page.locator('.chart[data-chart="confusion-matrix"] svg').count()).toBe(1);
    expect(await page.locator('#findings li.finding').count()).toBeGreaterThan(0);
    await page.goto(`${viewer.url}compare?a=${seeded.ids.older}&b=${realRun}`);
    expect(await page.locator('.confusion-b table.confusion tbody tr').count()).toBe(3);
    await expectNothingWrong();
  });

  it('opens a run without a report as details, its error as text', async () => {
    await page.goto(viewer.url);
    await runRow(seeded.ids.failed).locator('a.run-link').click();
    await page.waitForURL(`${viewer.url}runs/${seeded.ids.failed}`);
    expect(await page.locator('#run-facts').textContent()).toContain(`column ${HOSTILE_SCRIPT} is missing`);
    await expectNothingWrong();
  });

  it('compares two runs picked in the form: metric deltas and both confusion matrices', async () => {
    await page.goto(viewer.url);
    await page.selectOption('#compare-a', seeded.ids.older);
    await page.selectOption('#compare-b', seeded.ids.newer);
    await page.locator('form.compare button').click();
    await page.waitForURL(`${viewer.url}compare?a=${seeded.ids.older}&b=${seeded.ids.newer}`);
    const accuracy = page.locator('#metric-deltas tr[data-metric="accuracy"] td');
    expect(await accuracy.allTextContents()).toEqual(['0.9000', '0.9500', '+0.0500']);
    expect(await page.locator('#metric-deltas tr[data-metric="f1_macro"] td.delta').textContent()).toBe(
      '-0.0500',
    );
    expect(await page.locator('table.confusion').count()).toBe(2);
    expect(await page.locator('.confusion-b table.confusion tbody th').first().textContent()).toBe(
      HOSTILE_IMG,
    );

    await page.locator('#compare-runs a').first().click();
    await page.waitForURL(`${viewer.url}runs/${seeded.ids.older}`);
    expect(await page.locator('.chart svg').count()).toBe(1);
    await expectNothingWrong();
  });

  it('shows a 404 page for a run that does not exist', async () => {
    const response = await page.goto(`${viewer.url}runs/20990101-000000-ffff`);
    expect(response?.status()).toBe(404);
    expect(await page.locator('p.message').textContent()).toBe(
      'there is no run "20990101-000000-ffff" in this store',
    );
    // Chromium logs the 404 itself as a failed resource load; that is the one console error expected here.
    expect(problems.consoleErrors.splice(0)).toEqual([expect.stringContaining('404')]);
    await expectNothingWrong();
  });
});
