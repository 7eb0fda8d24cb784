import { closeSync, openSync, readSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { ModeldebugError } from '../../core/errors.js';

/** What we learn from a delimited file's first line before DuckDB reads it. */
export interface DelimitedHeader {
  readonly delimiter: string;
  readonly names: readonly string[];
}

const PROBE_BYTES = 1 << 16;
/** A header longer than this is not a header: stop looking for its end. */
const MAX_HEADER_BYTES = 1 << 28;
const CANDIDATES = [',', '\t', ';', '|'];

/**
 * Reads the header line ourselves: DuckDB's sniffer mis-detects the dialect of exactly the files we most
 * need to diagnose (a ragged row makes it pick another delimiter or another header line), so the dialect
 * is fixed here and DuckDB parses strictly against it.
 */
export function readDelimitedHeader(
  path: string,
  source: string,
  gzip: boolean,
  tabSeparated: boolean,
): DelimitedHeader {
  const { head, lineBytes } = probeHeaderLine(path, source, gzip);
  if (head.length === 0) {
    throw new ModeldebugError('parse_error', 'the file is empty', {
      where: source,
      hint: 'give a file with a header row and at least one data row',
    });
  }
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) {
    throw new ModeldebugError('parse_error', 'the file is UTF-16 encoded (it starts with a UTF-16 BOM)', {
      where: `${source}:1`,
      hint: 'save it as UTF-8',
    });
  }
  let text = decodeHeader(head.subarray(0, lineBytes), source);
  // A UTF-8 byte-order mark (Excel writes one) is harmless: DuckDB skips it and so do we.
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const line = firstLine(text);
  if (line.trim() === '') {
    throw new ModeldebugError('parse_error', 'the first line is blank, so there is no header row', {
      where: `${source}:1`,
      hint: 'put the column names on the first line',
    });
  }
  const delimiter = tabSeparated ? '\t' : guessDelimiter(line);
  const names = splitLine(line, delimiter).map((name) => name.trim());
  const seen = new Set<string>();
  for (const [j, name] of names.entries()) {
    if (name === '') {
      throw new ModeldebugError('parse_error', `header column ${j + 1} has no name`, {
        where: `${source}:1`,
        hint: 'give every column a name in the header row',
      });
    }
    if (seen.has(name)) {
      throw new ModeldebugError('parse_error', `column name "${name}" appears twice in the header`, {
        where: `${source}:1`,
        hint: 'rename one of the columns so that every name is unique',
      });
    }
    seen.add(name);
  }
  return { delimiter, names };
}

/**
 * The file's first bytes, enough to hold the header line whatever its length (a file of 10,000 columns
 * has a header of 100 KB or more), and where that line ends.
 */
function probeHeaderLine(path: string, source: string, gzip: boolean): { head: Buffer; lineBytes: number } {
  for (let size = PROBE_BYTES; ; size *= 4) {
    const { bytes, complete } = probe(path, source, gzip, size);
    const end = lineEnd(bytes);
    if (end >= 0 || complete || size >= MAX_HEADER_BYTES) {
      return { head: bytes, lineBytes: end >= 0 ? end : bytes.length };
    }
  }
}

/**
 * The byte offset of the first line break outside quotes, or -1. Bytes, not characters: quotes and
 * line breaks are ASCII, which never occurs inside a multi-byte UTF-8 (or Latin-1 accented) character.
 */
function lineEnd(bytes: Buffer): number {
  let quoted = false;
  for (let k = 0; k < bytes.length; k++) {
    const byte = bytes[k];
    if (byte === 0x22) quoted = !quoted;
    else if (!quoted && (byte === 0x0a || byte === 0x0d)) return k;
  }
  return -1;
}

/** The header as text; bytes that are not UTF-8 are the same error as in a data row, with the column. */
function decodeHeader(bytes: Buffer, source: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const bad = Math.max(0, firstInvalidUtf8(bytes));
    const column = countDelimitersBefore(bytes, bad) + 1;
    throw new ModeldebugError(
      'parse_error',
      `the file is not valid UTF-8 (in the name of header column ${column})`,
      {
        where: `${source}:1`,
        hint: 're-save it as UTF-8 (e.g. iconv -f latin1 -t utf-8 in.csv > out.csv)',
      },
    );
  }
}

/**
 * Where the first byte that cannot start or continue a UTF-8 character is (-1: none found), to name the
 * header column; the strict decoder has already decided that there is one.
 */
function firstInvalidUtf8(bytes: Buffer): number {
  let k = 0;
  while (k < bytes.length) {
    const byte = bytes[k];
    const extra =
      byte < 0x80
        ? 0
        : byte >= 0xc2 && byte < 0xe0
          ? 1
          : byte >= 0xe0 && byte < 0xf0
            ? 2
            : byte >= 0xf0 && byte < 0xf5
              ? 3
              : -1;
    if (extra < 0) return k;
    for (let m = 1; m <= extra; m++) {
      if (k + m >= bytes.length || (bytes[k + m] & 0xc0) !== 0x80) return k;
    }
    k += extra + 1;
  }
  return -1;
}

/** Fields before `offset` in a header line, counting every candidate delimiter outside quotes. */
function countDelimitersBefore(bytes: Buffer, offset: number): number {
  const text = bytes.subarray(0, offset).toString('latin1');
  const delimiter = guessDelimiter(text.length > 0 ? text : ',');
  return splitLine(text, delimiter).length - 1;
}

function probe(
  path: string,
  source: string,
  gzip: boolean,
  size: number,
): { bytes: Buffer; complete: boolean } {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(size);
    const length = readSync(fd, buffer, 0, size, 0);
    const complete = length < size;
    const bytes = buffer.subarray(0, length);
    if (!gzip || length === 0) return { bytes, complete };
    try {
      return {
        bytes: gunzipSync(bytes, { finishFlush: 2 /* Z_SYNC_FLUSH: tolerate a truncated probe */ }),
        complete,
      };
    } catch (cause) {
      throw new ModeldebugError('parse_error', 'the file ends in .gz but is not valid gzip', {
        where: source,
        hint: 'rename it without .gz, or compress it with gzip',
        cause,
      });
    }
  } finally {
    closeSync(fd);
  }
}

/** The header line, honouring quotes (a quoted name may contain a newline). */
function firstLine(text: string): string {
  let quoted = false;
  for (let k = 0; k < text.length; k++) {
    const char = text[k];
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) return text.slice(0, k);
  }
  return text;
}

/** The candidate that occurs most often outside quotes; a one-column file falls back to a comma. */
function guessDelimiter(line: string): string {
  let best = ',';
  let bestCount = 0;
  for (const candidate of CANDIDATES) {
    const count = splitLine(line, candidate).length - 1;
    if (count > bestCount) {
      best = candidate;
      bestCount = count;
    }
  }
  return best;
}

function splitLine(line: string, delimiter: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let k = 0; k < line.length; k++) {
    const char = line[k];
    if (char === '"') {
      if (quoted && line[k + 1] === '"') {
        field += '"';
        k++;
      } else quoted = !quoted;
    } else if (char === delimiter && !quoted) {
      fields.push(field);
      field = '';
    } else field += char;
  }
  fields.push(field);
  return fields;
}
