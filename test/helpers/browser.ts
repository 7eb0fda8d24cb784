import type { Page } from 'playwright-core';
import { type ChromiumSession, launchChromium } from '../../scripts/chromium-launch.js';

export type TestBrowser = ChromiumSession;

/** Chromium for a test file, with a fresh profile (see launchChromium). One per test file: starting Chromium costs about half a second. */
export function launchBrowser(): Promise<TestBrowser> {
  return launchChromium('modeldebug-chromium-');
}

/** What a page did that a safe page never does: console errors, uncaught exceptions, dialogs (alert). */
export interface PageProblems {
  readonly consoleErrors: string[];
  readonly pageErrors: string[];
  readonly dialogs: string[];
}

/** Records a page's problems from now on; dialogs are dismissed so a stray alert() cannot hang the test. */
export function watchPage(page: Page): PageProblems {
  const problems: PageProblems = { consoleErrors: [], pageErrors: [], dialogs: [] };
  page.on('console', (message) => {
    if (message.type() === 'error') problems.consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => problems.pageErrors.push(error.message));
  page.on('dialog', (dialog) => {
    problems.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  return problems;
}
