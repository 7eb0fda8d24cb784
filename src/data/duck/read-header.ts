import { closeSync, openSync, readSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { ModeldebugError } from '../../core/errors.js';

/** What we learn from a delimited file's first line before DuckDB reads it. */
export interface DelimitedHeader {
  readonly delimiter: string;
  readonly names: readonly string[];
}

const PROBE_BYTES = 1 << 16;
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
  const head = probe(path, source, gzip);
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
  let text = head.toString('utf8');
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

function probe(path: string, source: string, gzip: boolean): Buffer {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(PROBE_BYTES);
    const length = readSync(fd, buffer, 0, PROBE_BYTES, 0);
    const bytes = buffer.subarray(0, length);
    if (!gzip || length === 0) return bytes;
    try {
      return gunzipSync(bytes, { finishFlush: 2 /* Z_SYNC_FLUSH: tolerate a truncated probe */ });
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
