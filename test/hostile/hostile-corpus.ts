/**
 * A generated corpus of hostile inputs (issue 16: odd numbers, odd names, wide files, bad configs):
 * every file is built here from a seeded generator, so the cases stay reviewable and small on disk.
 * Each case is a command line and what must come out: a one-line error naming the place, or a result.
 */

/** A file of the corpus: its name in the case folder and its bytes. */
export interface CorpusFile {
  readonly name: string;
  readonly content: string | Buffer;
}

export type Expectation =
  /** Exit 2, one line on stderr holding every fragment (file, line, key, what to do). */
  | { readonly error: readonly (string | RegExp)[] }
  /** Exit `exit` (0 unless a gate fails) and a JSON document on stdout that `check` accepts. */
  | { readonly exit?: number; readonly json: (document: JsonDocument) => void };

export type JsonDocument = Readonly<Record<string, unknown>>;

export interface HostileCase {
  readonly name: string;
  /** The input class, for the tally. */
  readonly kind:
    | 'nan'
    | 'infinity'
    | 'wide'
    | 'label-only'
    | 'csv'
    | 'labels'
    | 'encoding'
    | 'config'
    | 'flags';
  /** Arguments; `{dir}` is replaced by the case folder. */
  readonly args: readonly string[];
  readonly expect: Expectation;
  /** Files the case reads: names of the corpus' files, or its own. */
  readonly files?: readonly CorpusFile[];
}

/** A small deterministic generator (mulberry32), so the corpus is the same on every machine. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function csv(header: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  return `${[header, ...rows].map((row) => row.join(',')).join('\n')}\n`;
}

const NAN_SPELLINGS = ['NaN', 'nan', '-nan', 'NAN'];
const INFINITIES = ['inf', '-Infinity', '1e400'];

/** 40 rows; every 5th cell of `b` spells NaN (8 cells, all four spellings), `a` separates the classes. */
export function nanRows(): (string | number)[][] {
  return Array.from({ length: 40 }, (_, i) => [
    (i % 2) * 3 + (i % 7) / 10,
    i % 5 === 0 ? NAN_SPELLINGS[(i / 5) % 4] : (i * 7) % 11,
    i % 2,
  ]);
}

/** 40 rows; every 6th cell of `a` is infinite (7 cells), the 1st on line 2. */
export function infinityRows(): (string | number)[][] {
  return Array.from({ length: 40 }, (_, i) => [
    i % 6 === 0 ? INFINITIES[(i / 6) % 3] : (i % 2) * 2 + i / 100,
    i % 3,
    i % 2,
  ]);
}

export function wideCsv(columns: number, rows: number, seed: number): string {
  const random = seededRandom(seed);
  const header = [...Array.from({ length: columns }, (_, j) => `f${j}`), 'y'];
  const body = Array.from({ length: rows }, (_, i) => [
    ...Array.from({ length: columns }, () => random().toFixed(4)),
    i % 2,
  ]);
  return csv(header, body);
}

/** The corpus' shared data files. */
export function corpusFiles(): CorpusFile[] {
  const quoted = 'x'.repeat(2_100_000);
  return [
    { name: 'nan.csv', content: csv(['a', 'b', 'y'], nanRows()) },
    {
      name: 'nan.jsonl',
      content: `${nanRows()
        .map(([a, b, y]) => JSON.stringify({ a, b: typeof b === 'string' ? b : b, y }))
        .join('\n')}\n`,
    },
    { name: 'inf.csv', content: csv(['a', 'b', 'y'], infinityRows()) },
    { name: 'wide1000.csv', content: wideCsv(1000, 50, 1) },
    { name: 'wide10000.csv', content: wideCsv(10_000, 50, 2) },
    {
      name: 'label-only.csv',
      content: csv(
        ['y'],
        Array.from({ length: 20 }, (_, i) => [i % 2]),
      ),
    },
    {
      name: 'long-cell.csv',
      content: csv(
        ['a', 't', 'y'],
        Array.from({ length: 20 }, (_, i) => [i, i === 3 ? `"${quoted}"` : '"a short text"', i % 2]),
      ),
    },
    {
      name: 'case.csv',
      content: csv(
        ['a', 'A', 'y'],
        Array.from({ length: 20 }, (_, i) => [i % 4, i % 3, i % 2]),
      ),
    },
    {
      name: 'labels.csv',
      content: csv(
        ['a', 'y'],
        Array.from({ length: 30 }, (_, i) => [i % 5, ['1', '1.0', '0', '0.0', '01'][i % 5]]),
      ),
    },
    {
      name: 'latin1-header.csv',
      content: Buffer.concat([
        Buffer.from('a,caf', 'latin1'),
        Buffer.from([0xe9]),
        Buffer.from(`,y\n${Array.from({ length: 20 }, (_, i) => `${i},${i % 3},${i % 2}`).join('\n')}\n`),
      ]),
    },
  ];
}

/** A run config over the iris example with the slow steps off, plus `extra` YAML. */
export function quickConfig(extra: string): string {
  return `data:
  example: iris
models: [scale | logreg]
steps:
  learning_curve: false
  validation_curve: false
  search: false
  regularization: false
  selection: false
  ensemble: false
  error_analysis: false
  epoch_curve: false
${extra}`;
}

/** A YAML "billion laughs": nine levels of nine aliases. */
export function aliasBomb(): string {
  const levels = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'];
  const lines = ['data:', '  example: iris', `a: &a [${Array(9).fill('"lol"').join(', ')}]`];
  for (let k = 1; k < levels.length; k++) {
    lines.push(
      `${levels[k]}: &${levels[k]} [${Array(9)
        .fill(`*${levels[k - 1]}`)
        .join(', ')}]`,
    );
  }
  return `${lines.join('\n')}\n`;
}
