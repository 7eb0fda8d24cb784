import { ModeldebugError } from '../../core/errors.js';
import { MAX_LINE_BYTES } from './file-format.js';

/**
 * DuckDB's reader errors are many lines of parser settings; the user needs one line: what is wrong,
 * where (file and line) and what to do. Unknown errors keep DuckDB's first line.
 */
export function translateReadError(error: unknown, source: string): ModeldebugError {
  if (error instanceof ModeldebugError) return error;
  const text = error instanceof Error ? error.message : String(error);
  const line = /CSV Error on Line: (\d+)/.exec(text)?.[1];
  const where = line ? `${source}:${line}` : source;
  const widths = /Expected Number of Columns: (\d+) Found: (\d+)/.exec(text);
  if (widths) {
    return new ModeldebugError('parse_error', `row has ${widths[2]} fields, the header has ${widths[1]}`, {
      where,
      hint: 'quote fields that contain the delimiter, or fix the row',
      cause: error,
    });
  }
  if (/unterminated quote/i.test(text)) {
    // DuckDB says the same of a line longer than its line cap.
    return new ModeldebugError('parse_error', 'a quoted field is opened and never closed', {
      where,
      hint: `close the quoted field or escape its quotes by doubling them (a line may hold up to ${MAX_LINE_BYTES >> 20} MB)`,
      cause: error,
    });
  }
  if (/not utf-8 encoded|invalid unicode/i.test(text)) {
    return new ModeldebugError('parse_error', 'the file is not valid UTF-8', {
      where,
      hint: 're-save it as UTF-8 (e.g. iconv -f latin1 -t utf-8 in.csv > out.csv)',
      cause: error,
    });
  }
  if (/malformed JSON|JSON.*(parse|error)/i.test(text)) {
    return new ModeldebugError('parse_error', `malformed JSON (${firstLine(text)})`, {
      where,
      hint: 'give an array of objects (.json) or one object per line (.jsonl)',
      cause: error,
    });
  }
  if (/parquet|magic bytes/i.test(text)) {
    return new ModeldebugError('parse_error', `not a readable Parquet file (${firstLine(text)})`, {
      where,
      hint: 'check that the file is Parquet and not truncated',
      cause: error,
    });
  }
  return new ModeldebugError('parse_error', firstLine(text), { where, cause: error });
}

function firstLine(text: string): string {
  return text
    .split('\n')[0]
    .replace(/^[A-Za-z ]*Error: /, '')
    .trim();
}
