/**
 * Cell texts read as a missing value. pandas' read_csv treats the same markers as NaN by default, so a
 * file that pandas reads as numeric is numeric here too. Compared after trimming and lower-casing, so
 * whitespace-only cells are missing as well.
 */
export const MISSING_MARKERS: ReadonlySet<string> = new Set([
  '',
  'na',
  'n/a',
  'nan',
  'null',
  'none',
  '?',
  '#n/a',
  '-nan',
  '<na>',
]);

export function isMissingCell(text: string): boolean {
  return MISSING_MARKERS.has(text.trim().toLowerCase());
}

const NUMERIC = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$|^[+-]?(inf|infinity)$/i;

/** Parses a numeric cell; NaN when the text is not a number. */
export function parseNumericCell(text: string): number {
  const trimmed = text.trim();
  if (!NUMERIC.test(trimmed)) return Number.NaN;
  if (/inf/i.test(trimmed)) return trimmed.startsWith('-') ? -Infinity : Infinity;
  return Number(trimmed);
}
