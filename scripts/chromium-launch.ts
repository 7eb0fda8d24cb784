import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium } from 'playwright-core';

/** The flags CI's Debian Chromium runs with (the issue fixes them); Playwright adds its own automation flags. */
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export interface ChromiumSession {
  readonly context: BrowserContext;
  /** Closes the browser and removes its profile directory. */
  close(): Promise<void>;
}

/**
 * Debian's chromium (MODELDEBUG_CHROMIUM, else /usr/bin/chromium) with a fresh profile directory under
 * the OS temp dir: shared by the browser tests and scripts/screenshot-report.ts, so both run one setup.
 */
export async function launchChromium(
  profilePrefix: string,
  viewport?: { readonly width: number; readonly height: number },
): Promise<ChromiumSession> {
  const executablePath = process.env.MODELDEBUG_CHROMIUM || '/usr/bin/chromium';
  if (!existsSync(executablePath)) {
    throw new Error(
      `no Chromium at ${executablePath}: apt-get install chromium fonts-dejavu-core (as .ci/run does), or set MODELDEBUG_CHROMIUM`,
    );
  }
  const profile = mkdtempSync(join(tmpdir(), profilePrefix));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    args: CHROMIUM_FLAGS,
    ...(viewport ? { viewport } : {}),
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
