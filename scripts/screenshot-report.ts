/**
 * Screenshots a report for the README:
 *   npx tsx scripts/screenshot-report.ts <report.html | http URL> [out.png] [--full | --section ID] [--width PX]
 * (default docs/report.png): the top 1400 px at 1200 px wide (or --width), the whole page with --full, or one section
 * (its id, e.g. final-test or learning-curve) with --section, in Debian's
 * Chromium (MODELDEBUG_CHROMIUM, else /usr/bin/chromium) with the flags the browser tests use. Exits 1
 * when the page logs an error (a broken report should not become the README's picture).
 */
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launchChromium } from './chromium-launch.js';

const MAX_HEIGHT = 1400;
async function main(): Promise<number> {
  const all = process.argv.slice(2);
  const widthAt = all.indexOf('--width');
  const WIDTH = widthAt >= 0 ? Number(all[widthAt + 1]) : 1200;
  const args = widthAt >= 0 ? all.filter((_, index) => index !== widthAt && index !== widthAt + 1) : all;
  const full = args.includes('--full');
  const sectionAt = args.indexOf('--section');
  const sectionId = sectionAt >= 0 ? args[sectionAt + 1] : undefined;
  const [input, output = 'docs/report.png'] = args.filter(
    (arg, index) => arg !== '--full' && index !== sectionAt && (sectionAt < 0 || index !== sectionAt + 1),
  );
  if (!input || (sectionAt >= 0 && !sectionId)) {
    process.stderr.write(
      'usage: npx tsx scripts/screenshot-report.ts <report.html | URL> [out.png] [--full | --section ID] [--width PX]\n',
    );
    return 2;
  }
  // Shorter than MAX_HEIGHT, so a short page measures its own height rather than the window's.
  const browser = await launchChromium('modeldebug-screenshot-', { width: WIDTH, height: 600 });
  const { context } = browser;
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));
    await page.goto(/^https?:\/\//.test(input) ? input : pathToFileURL(resolve(input)).href, {
      waitUntil: 'load',
    });
    // A page wider than the window scrolls sideways: say so, it is a layout bug on a small screen.
    const pageWidth = Number(await page.evaluate('document.documentElement.scrollWidth'));
    if (pageWidth > WIDTH) problems.push(`the page is ${pageWidth} px wide in a ${WIDTH} px window`);
    // A string, so this file needs no DOM types (the project compiles for Node only).
    mkdirSync(dirname(resolve(output)), { recursive: true });
    if (sectionId) {
      await page.locator(`[id="${sectionId.replace(/"/g, '')}"]`).screenshot({ path: output });
      process.stdout.write(`wrote ${output} (section #${sectionId})\n`);
      for (const problem of problems) process.stderr.write(`page: ${problem}\n`);
      return problems.length === 0 ? 0 : 1;
    }
    const height = Number(await page.evaluate('document.documentElement.scrollHeight'));
    const shown = full ? height : Math.min(height, MAX_HEIGHT);
    await page.screenshot({
      path: output,
      clip: { x: 0, y: 0, width: WIDTH, height: shown },
      fullPage: true,
    });
    process.stdout.write(`wrote ${output} (${WIDTH}x${shown} of a ${height} px page)\n`);
    for (const problem of problems) process.stderr.write(`page: ${problem}\n`);
    return problems.length === 0 ? 0 : 1;
  } finally {
    await browser.close();
  }
}

process.exitCode = await main();
