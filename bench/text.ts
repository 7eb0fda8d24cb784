/**
 * Text classification, ours vs scikit-learn, in one run on the same emails: TF-IDF (word unigrams,
 * sublinear tf) then LogisticRegression (C=1, lbfgs) or MultinomialNB. 6,000
 * synthetic emails (Zipf-distributed words over a 60,000-word lexicon, two classes leaning on different
 * words) are written to a temp CSV; each side loads it in a fresh process, so that its peak RSS
 * (getrusage's ru_maxrss, the kernel's high-water mark — no sampling gap) is its own; the sides alternate
 * over two rounds. Timed: the pipeline fits (median over both rounds' repeats).
 * `npx tsx bench/text.ts [--emails N] [--repeat R]`, or `runTextBench()` (bench/run.ts does).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseModelSpec } from '../src/catalog/model-spec.js';
import { buildModel } from '../src/catalog/registry.js';
import { createRng } from '../src/core/rng.js';
import { loadDataset } from '../src/data/index.js';
import { isMainModule, numberFlag } from './shared/command-line.js';
import { median } from './shared/data.js';
import { runPeer } from './shared/peer.js';

const EMAILS = 6000;
const ROUNDS = 2;
const LEXICON = 60_000;
/** The TF-IDF settings of both sides (sklearn names); unigrams, so the vocabulary is the lexicon's reach. */
const TFIDF_PARAMS = { sublinear_tf: true } as const;
const TFIDF = `tfidf(${Object.entries(TFIDF_PARAMS)
  .map(([key, value]) => `${key}=${value}`)
  .join(', ')})`;
const SPECS = { logreg: `${TFIDF} | logreg(C=1)`, mnb: `${TFIDF} | mnb` } as const;

/** What each side reports (the peer prints the same keys). */
interface SideReport {
  readonly rows: number;
  readonly vocabulary: number;
  readonly stored: number;
  readonly load_seconds: number;
  /** Per pipeline: fit seconds (each repeat) and training accuracy. */
  readonly fits: Record<string, { seconds: number[]; predict_seconds: number; accuracy: number }>;
  readonly rss_after_load_mb: number;
  readonly peak_rss_mb: number;
}

export interface TextBenchResult {
  readonly csv: string;
  readonly ours: SideReport;
  readonly sklearn?: SideReport;
  readonly sklearnSkipped?: string;
}

export async function runTextBench(
  options: { emails?: number; repeat?: number; log?: (line: string) => void } = {},
): Promise<TextBenchResult> {
  const log = options.log ?? ((line: string) => console.log(line));
  const emails = options.emails ?? EMAILS;
  const repeat = options.repeat ?? 3;
  const csv = writeEmails(emails);
  log(`text bench: ${emails} synthetic emails in ${csv}`);
  // Two rounds, the sides alternating, so that a burst of load on a shared machine falls on both.
  const peerArgs = ['--csv', csv, '--repeat', String(repeat), '--tfidf', JSON.stringify(TFIDF_PARAMS)];
  let ours: SideReport | undefined;
  let sklearn: SideReport | undefined;
  let skipped: string | undefined;
  for (let round = 0; round < ROUNDS; round++) {
    ours = merged(ours, runOurSide(csv, repeat));
    const peer = runPeer<SideReport>('text_peer.py', peerArgs);
    if (peer.ok) sklearn = merged(sklearn, peer.output);
    else skipped = peer.skipped;
  }
  if (ours === undefined) throw new Error('no rounds ran');
  log(
    `  vocabulary ${ours.vocabulary} terms, ${ours.stored} stored entries (sklearn: ${sklearn?.vocabulary ?? '-'} / ${sklearn?.stored ?? '-'})`,
  );
  for (const name of Object.keys(SPECS)) {
    const mine = ours.fits[name];
    const theirs = sklearn?.fits[name];
    const ratio = theirs ? median(mine.seconds) / median(theirs.seconds) : undefined;
    log(
      `  tfidf | ${name.padEnd(6)} fit ours ${median(mine.seconds).toFixed(2)}s (train acc ${mine.accuracy.toFixed(4)})` +
        (theirs
          ? ` | sklearn ${median(theirs.seconds).toFixed(2)}s (train acc ${theirs.accuracy.toFixed(4)}) | ratio ${ratio?.toFixed(2)}`
          : ` | sklearn skipped (${skipped})`),
    );
  }
  log(
    `  peak RSS ours ${ours.peak_rss_mb.toFixed(0)} MB (after loading ${ours.rss_after_load_mb.toFixed(0)} MB)` +
      (sklearn
        ? ` | sklearn ${sklearn.peak_rss_mb.toFixed(0)} MB (after loading ${sklearn.rss_after_load_mb.toFixed(0)} MB)`
        : ''),
  );
  return { csv, ours, sklearn, sklearnSkipped: sklearn ? undefined : skipped };
}

/** Two runs of one side as one report: every timing kept, the larger peak. */
function merged(before: SideReport | undefined, next: SideReport): SideReport {
  if (before === undefined) return next;
  const fits: SideReport['fits'] = {};
  for (const [name, fit] of Object.entries(next.fits)) {
    fits[name] = { ...fit, seconds: [...(before.fits[name]?.seconds ?? []), ...fit.seconds] };
  }
  return {
    ...next,
    fits,
    rss_after_load_mb: Math.max(before.rss_after_load_mb, next.rss_after_load_mb),
    peak_rss_mb: Math.max(before.peak_rss_mb, next.peak_rss_mb),
  };
}

/**
 * Emails as `label,text` rows: a subject and a body of 40–400 words drawn from a Zipf(1.0) lexicon of
 * pseudo-words; spam and ham each prefer their own slice of 2,000 words (4% of their words), so
 * the classes are separable but not trivially. Seeded: the same file every run.
 */
function writeEmails(count: number): string {
  const rng = createRng(20240611);
  const words = Array.from({ length: LEXICON }, (_, r) => pseudoWord(r));
  const cumulative = new Float64Array(LEXICON);
  let total = 0;
  for (let r = 0; r < LEXICON; r++) {
    total += 1 / (r + 1);
    cumulative[r] = total;
  }
  const draw = (): string => {
    const u = rng.next() * total;
    let low = 0;
    let high = LEXICON - 1;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (cumulative[mid] < u) low = mid + 1;
      else high = mid;
    }
    return words[low];
  };
  const lines = ['label,text'];
  for (let i = 0; i < count; i++) {
    const spam = rng.next() < 0.4;
    const lean = spam ? 1000 : 3000;
    const length = 40 + rng.int(360);
    const body: string[] = ['Subject:'];
    for (let w = 0; w < length; w++) body.push(rng.next() < 0.04 ? words[lean + rng.int(2000)] : draw());
    if (rng.next() < 0.3) body.push('Call', String(rng.int(100000)), 'now!');
    lines.push(`${spam ? 'spam' : 'ham'},"${body.join(' ')}"`);
  }
  const dir = join(tmpdir(), 'modeldebug-bench-text');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `emails-${count}.csv`);
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

/** The r-th pseudo-word: base-20 digits over consonant-vowel syllables, 2+ letters. */
function pseudoWord(r: number): string {
  const consonants = 'bcdfghklmnprstvz';
  const vowels = 'aeiou';
  let out = '';
  let n = r + 20;
  while (n > 0) {
    out += consonants[n % 16] + vowels[Math.floor(n / 16) % 5];
    n = Math.floor(n / 80);
  }
  return out;
}

function runOurSide(csv: string, repeat: number): SideReport {
  const script = fileURLToPath(import.meta.url);
  const run = spawnSync(
    process.execPath,
    ['--import', 'tsx', script, '--our-side', csv, '--repeat', String(repeat)],
    {
      encoding: 'utf8',
      maxBuffer: 1 << 24,
    },
  );
  if (run.status !== 0) throw new Error(`our side failed: ${run.stderr}`);
  return JSON.parse(run.stdout.trim().split('\n').pop() ?? '{}') as SideReport;
}

/** In the child process: load, fit each pipeline `repeat` times, predict; report times and peak RSS. */
async function ourSide(csv: string, repeat: number): Promise<void> {
  const mb = (bytes: number) => bytes / 1024 / 1024;
  const start = performance.now();
  const dataset = await loadDataset(csv, { label: 'label', text: ['text'] });
  const loadSeconds = (performance.now() - start) / 1000;
  const rssAfterLoad = mb(process.memoryUsage().rss);
  const { features: X, labels: y } = dataset;
  const fits: SideReport['fits'] = {};
  let vocabulary = 0;
  let stored = 0;
  for (const [name, spec] of Object.entries(SPECS)) {
    const seconds: number[] = [];
    let fitted = await buildModel(parseModelSpec(spec)).fit(X, y);
    for (let r = 0; r < repeat; r++) {
      const t0 = performance.now();
      fitted = await buildModel(parseModelSpec(spec)).fit(X, y);
      seconds.push((performance.now() - t0) / 1000);
    }
    const t1 = performance.now();
    const predicted = await fitted.predict(X);
    const predictSeconds = (performance.now() - t1) / 1000;
    let correct = 0;
    for (let i = 0; i < predicted.length; i++)
      if (fitted.classes[predicted[i]] === y.classes[y.codes[i]]) correct++;
    fits[name] = { seconds, predict_seconds: predictSeconds, accuracy: correct / predicted.length };
    const transformed = (fitted as unknown as { transform(x: typeof X): typeof X }).transform(X);
    vocabulary = transformed.cols;
    stored = transformed.sparse?.indptr[transformed.rows] ?? 0;
  }
  const report: SideReport = {
    rows: X.rows,
    vocabulary,
    stored,
    load_seconds: loadSeconds,
    fits,
    rss_after_load_mb: rssAfterLoad,
    // ru_maxrss is in kilobytes on Linux.
    peak_rss_mb: process.resourceUsage().maxRSS / 1024,
  };
  console.log(JSON.stringify(report));
}

if (isMainModule(import.meta.url)) {
  const at = process.argv.indexOf('--our-side');
  if (at > 0) await ourSide(process.argv[at + 1], numberFlag('--repeat') ?? 3);
  else await runTextBench({ emails: numberFlag('--emails'), repeat: numberFlag('--repeat') });
}
