import type { ColumnKind } from '../core/features.js';
import type { TextColumnProfile } from './duck/profile-columns.js';

export interface KindOptions {
  /** Columns the user declared as free text. */
  readonly text?: readonly string[];
  /** Columns the user declared categorical even if their values look numeric (e.g. zip codes). */
  readonly categorical?: readonly string[];
}

/**
 * A column is numeric when every non-missing cell parses as a number; otherwise categorical, unless it
 * looks like prose (long, mostly unique values with spaces), which makes it text.
 */
export function inferColumnKind(
  name: string,
  profile: TextColumnProfile | undefined,
  rows: number,
  options: KindOptions = {},
): ColumnKind {
  if (options.text?.includes(name)) return 'text';
  if (options.categorical?.includes(name)) return 'categorical';
  if (profile === undefined || profile.nonNumeric === 0) return 'numeric';
  const present = rows - profile.missing;
  const looksLikeProse =
    profile.meanLength >= 30 &&
    profile.withSpaces / present >= 0.8 &&
    Math.min(profile.approxDistinct, present) / present >= 0.5;
  return looksLikeProse ? 'text' : 'categorical';
}
