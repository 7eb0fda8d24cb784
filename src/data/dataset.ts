import type { Features } from '../core/features.js';
import type { Labels } from '../core/labels.js';

/** A labelled dataset as every command sees it, whatever file it came from. */
export interface Dataset {
  /** Where it came from: a path or `example:<name>`; used in messages. */
  readonly source: string;
  readonly labelColumn: string;
  readonly features: Features;
  readonly labels: Labels;
}
