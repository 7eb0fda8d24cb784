/**
 * Guards validate's speed work: `validateData` over a set of files (the repo's datasets and fixtures,
 * crafted edge cases, the bench's big files), its reports saved with `--save DIR` and compared with
 * `--compare DIR` (timings left out). Save on the commit before a change, compare after it:
 * `npx tsx bench/validate-same.ts --save /tmp/before`, change, then `--compare /tmp/before`.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { validateData } from '../src/data/validate-data.js';

const root = fileURLToPath(new URL('..', import.meta.url));

interface Case {
  readonly name: string;
  readonly path: string;
  readonly label?: string;
  readonly test?: string;
}

/** Cells that stress typing: missing spellings, infinities, padded and formatted numbers, dates, text. */
function craftedCsv(): string {
  const lines = ['n_clean,n_markers,n_inf,n_padded,mixed,money,day,words,y'];
  for (let i = 0; i < 3000; i++) {
    const markers = ['', 'NA', 'nan', 'N/A', 'null', '?', ' NA '][i % 13] ?? String(i / 7);
    const inf = i % 97 === 0 ? ['inf', '-Infinity', '1e400'][i % 3] : String(i % 50);
    const padded = i % 11 === 0 ? ` ${i} ` : String(i);
    const mixed = i % 29 === 0 ? 'unknown' : String(i % 300);
    const money = `"${(1000 + i * 37).toLocaleString('en-US')}"`;
    const day = `2024-01-${String(1 + (i % 28)).padStart(2, '0')}`;
    const words = i % 5 === 0 ? 'the quick brown fox' : `word ${i % 17}`;
    lines.push([i * 0.5, markers, inf, padded, mixed, money, day, words, i % 3 === 0 ? 'a' : 'b'].join(','));
  }
  return `${lines.join('\n')}\n`;
}

function cases(): Case[] {
  const out: Case[] = [];
  for (const file of readdirSync(join(root, 'datasets'))) {
    if (!file.endsWith('.csv')) continue;
    const path = join(root, 'datasets', file);
    const header = readFileSync(path, 'utf8').split('\n', 1)[0].split(',');
    out.push({ name: file, path, label: header.includes('label') ? 'label' : header.at(-1) });
  }
  const fix = join(root, 'test/fixtures/fix');
  for (const file of readdirSync(fix)) {
    if (!file.endsWith('_train.csv')) continue;
    const test = join(fix, file.replace('_train', '_test'));
    out.push({ name: file, path: join(fix, file), label: 'y', test: existsSync(test) ? test : undefined });
  }
  out.push({
    name: 'spam_sample.csv',
    path: join(root, 'test/fixtures/text/spam_sample.csv'),
    label: 'label',
  });
  const crafted = join(root, 'bench/data/validate_crafted.csv');
  mkdirSync(join(root, 'bench/data'), { recursive: true });
  writeFileSync(crafted, craftedCsv());
  out.push({ name: 'crafted.csv', path: crafted, label: 'y' });
  for (const file of ['validate_1000000.csv', 'mixed_42k.csv', 'synth_100k_50.csv']) {
    const path = join(root, 'bench/data', file);
    if (!existsSync(path)) continue;
    const header = readFileSync(path, 'utf8').slice(0, 4096).split('\n', 1)[0].split(',');
    out.push({ name: file, path, label: header.includes('label') ? 'label' : header.at(-1) });
  }
  return out;
}

async function reportOf(one: Case): Promise<string> {
  try {
    const report = await validateData(one.path, { label: one.label, test: one.test });
    const { seconds: _seconds, timings: _timings, ...rest } = report;
    return `${JSON.stringify(rest, null, 1)}\n`;
  } catch (error) {
    return `error: ${(error as Error).message}\n`;
  }
}

async function main(): Promise<void> {
  const mode = process.argv[2];
  const dir = process.argv[3];
  if ((mode !== '--save' && mode !== '--compare') || !dir) {
    console.log('usage: npx tsx bench/validate-same.ts --save DIR | --compare DIR');
    process.exit(2);
  }
  mkdirSync(dir, { recursive: true });
  let differ = 0;
  for (const one of cases()) {
    const started = performance.now();
    const text = await reportOf(one);
    const seconds = ((performance.now() - started) / 1000).toFixed(2);
    const file = join(dir, `${basename(one.name)}.json`);
    if (mode === '--save') {
      writeFileSync(file, text);
      console.log(`saved ${one.name} (${seconds}s)`);
    } else {
      const same = existsSync(file) && readFileSync(file, 'utf8') === text;
      if (!same) {
        differ++;
        writeFileSync(`${file}.new`, text);
      }
      console.log(
        `${same ? 'same' : 'DIFFERS'} ${one.name} (${seconds}s)${same ? '' : ` → diff ${file} ${file}.new`}`,
      );
    }
  }
  if (differ > 0) process.exit(1);
}

await main();
