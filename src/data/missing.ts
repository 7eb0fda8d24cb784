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
