import type { Features } from '../../../core/features.js';
import { createRng, type Rng } from '../../../core/rng.js';

/** A meaning-preserving edit of each text cell; seeded where it draws. */
export interface InputPerturbation {
  readonly name: string;
  readonly perturb: (text: string, rng: Rng) => string;
}

/** Chance that a word of four or more letters gets two inner letters swapped. */
const TYPO_RATE = 0.1;

function withTypos(text: string, rng: Rng): string {
  return text.replace(/\p{L}{4,}/gu, (word) => {
    if (rng.next() >= TYPO_RATE) return word;
    // Inner letters only: the first and last stay, so the word stays readable.
    const at = 1 + rng.int(word.length - 3);
    return word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2);
  });
}

export const INPUT_PERTURBATIONS: readonly InputPerturbation[] = [
  { name: 'upper-case text', perturb: (text) => text.toUpperCase() },
  { name: 'lower-case text', perturb: (text) => text.toLowerCase() },
  { name: 'typos', perturb: withTypos },
  { name: 'no punctuation', perturb: (text) => text.replace(/\p{P}+/gu, '') },
  { name: 'extra whitespace', perturb: (text) => ` ${text.replace(/ /g, '  ')} ` },
];

/**
 * The features with every text cell perturbed (row by row, from one seeded generator, so the same seed
 * gives the same typos). Categorical and numeric cells are left alone: a category is a closed vocabulary,
 * not prose a user might mistype. Each text cell gets its own level, so the row-major codes stay valid.
 */
export function perturbTextColumns(
  features: Features,
  perturbation: InputPerturbation,
  seed: number,
): Features {
  const textColumns = features.columns.flatMap((column, j) => (column.kind === 'text' ? [j] : []));
  if (textColumns.length === 0) return features;
  const rng = createRng(seed);
  const data = Float64Array.from(features.data);
  const levels = textColumns.map(() => [] as string[]);
  for (let row = 0; row < features.rows; row++) {
    textColumns.forEach((j, t) => {
      const at = row * features.cols + j;
      const code = features.data[at];
      if (Number.isNaN(code)) return;
      const text = features.columns[j].levels?.[code] ?? '';
      data[at] = levels[t].push(perturbation.perturb(text, rng)) - 1;
    });
  }
  const columns = features.columns.map((column, j) => {
    const t = textColumns.indexOf(j);
    return t < 0 ? column : { ...column, levels: levels[t] };
  });
  return { rows: features.rows, cols: features.cols, data, columns };
}

/** Whether the features have a text column the perturbations can edit. */
export function hasTextColumns(features: Features): boolean {
  return features.columns.some((column) => column.kind === 'text');
}
